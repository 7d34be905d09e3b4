namespace RcpHub.Domain.Selection;

/// <summary>One application as the selection engine sees it: a pseudonym, its score (the panel's combined score; only
/// the score-optimal method uses it) and its traits, e.g. "route" → "network", "region" → "Africa", "gender" → "female".</summary>
public sealed record SelectionCandidate(string Key, decimal Score, IReadOnlyDictionary<string, string> Traits);

/// <summary>At least <see cref="Min"/> and at most <see cref="Max"/> of the selected candidates have
/// <c>Traits[Trait] == Value</c> (ordinal comparison; a candidate without the trait does not count). A route split is a
/// target with Min == Max on "route".</summary>
public sealed record BalanceTarget(string Trait, string Value, int? Min, int? Max)
{
    /// <summary>The target in words, as the selection report and the conflict explanation show it.</summary>
    public override string ToString() => (Min, Max) switch
    {
        (int min, int max) when min == max => $"exactly {min} with {Trait} = {Value}",
        (int min, int max) => $"between {min} and {max} with {Trait} = {Value}",
        (int min, null) => $"at least {min} with {Trait} = {Value}",
        (null, int max) => $"at most {max} with {Trait} = {Value}",
        _ => $"any number with {Trait} = {Value}",
    };
}

/// <summary>Choose exactly min(<see cref="Places"/>, number of candidates) candidates meeting every target.</summary>
public sealed record SelectionProblem(int Places, IReadOnlyList<SelectionCandidate> Candidates, IReadOnlyList<BalanceTarget> Targets);

/// <summary>What one target cost: the best total score reachable with every other target but without this one. The
/// cost in score is <c>BestScoreWithout - Selected.TotalScore</c> (zero when the target did not bind).</summary>
public sealed record TargetCost(BalanceTarget Target, decimal BestScoreWithout);

/// <summary>The score-optimal method's answer.</summary>
public abstract record SelectionResult
{
    private SelectionResult()
    {
    }

    /// <summary>The proposal: keys in ordinal order, the total of their scores (as optimised: rounded to hundredths),
    /// and one cost per target in the problem's order.</summary>
    public sealed record Selected(IReadOnlyList<string> Keys, decimal TotalScore, IReadOnlyList<TargetCost> Costs) : SelectionResult
    {
        /// <summary>The score the target cost: how much higher the best total would be without it.</summary>
        public decimal CostOf(TargetCost cost) => cost.BestScoreWithout - TotalScore;
    }

    /// <summary>No selection meets every target; <see cref="Conflicting"/> is a minimal set of targets that cannot hold
    /// together (drop any one of them and the rest can), in the problem's order.</summary>
    public sealed record Infeasible(IReadOnlyList<BalanceTarget> Conflicting, string Explanation) : SelectionResult;
}

/// <summary>One possible selection and the probability with which the lottery draws it.</summary>
public sealed record LotteryPanel(IReadOnlyList<string> Keys, decimal Probability);

/// <summary>A candidate's chance of being selected: the sum of the probabilities of the panels holding it.</summary>
public sealed record CandidateChance(string Key, decimal Chance);

/// <summary>The fair lottery's answer.</summary>
public abstract record LotteryResult
{
    private LotteryResult()
    {
    }

    /// <summary>The published distribution. <see cref="Panels"/> are in their canonical order (that the draw walks):
    /// ordinal order of their sorted key lists; probabilities are multiples of 10⁻⁹ that add up to exactly 1.
    /// <see cref="Chances"/> is in ordinal key order. <see cref="NeverSelectable"/> lists the candidates that no selection
    /// meeting the targets can hold (their chance is 0). <see cref="MinimumChance"/> is the smallest chance among the
    /// others: the maximin value.</summary>
    public sealed record Distribution(
        IReadOnlyList<LotteryPanel> Panels,
        IReadOnlyList<CandidateChance> Chances,
        decimal MinimumChance,
        IReadOnlyList<string> NeverSelectable) : LotteryResult;

    /// <summary>No selection meets every target; as <see cref="SelectionResult.Infeasible"/>.</summary>
    public sealed record Infeasible(IReadOnlyList<BalanceTarget> Conflicting, string Explanation) : LotteryResult;
}
