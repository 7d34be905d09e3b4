using Google.OrTools.Sat;

namespace RcpHub.Domain.Selection;

/// <summary>A checked selection problem in canonical form (candidates in ordinal key order, so that the order in which a
/// caller lists them cannot change an answer) and the one CP-SAT model every method solves: exactly
/// <see cref="Size"/> chosen, each included target's bounds held, an integer objective maximised.</summary>
internal sealed class SelectionModel
{
    /// <summary>Scores are optimised as whole hundredths.</summary>
    public const int ScoreScale = 100;

    public SelectionModel(SelectionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(problem.Candidates);
        ArgumentNullException.ThrowIfNull(problem.Targets);
        ArgumentOutOfRangeException.ThrowIfNegative(problem.Places);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in problem.Candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate);
            if (string.IsNullOrEmpty(candidate.Key) || !keys.Add(candidate.Key))
            {
                throw new ArgumentException($"Every candidate needs a key of its own; \"{candidate.Key}\" is empty or repeated.", nameof(problem));
            }
            ArgumentNullException.ThrowIfNull(candidate.Traits);
        }
        foreach (var target in problem.Targets)
        {
            ArgumentNullException.ThrowIfNull(target);
            if (target.Min < 0 || target.Max < 0 || target.Min > target.Max)
            {
                throw new ArgumentException($"The target \"{target}\" has bounds that no count can meet.", nameof(problem));
            }
        }
        Problem = problem;
        Candidates = [.. problem.Candidates.OrderBy(c => c.Key, StringComparer.Ordinal)];
        Size = Math.Min(problem.Places, Candidates.Count);
        ScaledScores = [.. Candidates.Select(c => Scale(c.Score))];
        Members = [.. problem.Targets.Select(t => Enumerable.Range(0, Candidates.Count)
            .Where(i => Candidates[i].Traits.TryGetValue(t.Trait, out var value) && string.Equals(value, t.Value, StringComparison.Ordinal))
            .ToArray())];
    }

    public SelectionProblem Problem { get; }

    public IReadOnlyList<SelectionCandidate> Candidates { get; }

    /// <summary>How many are selected: min(Places, candidates).</summary>
    public int Size { get; }

    public IReadOnlyList<long> ScaledScores { get; }

    /// <summary>Per target (problem order), the indices of the candidates it counts.</summary>
    public IReadOnlyList<int[]> Members { get; }

    public IReadOnlyList<BalanceTarget> Targets => Problem.Targets;

    public static long Scale(decimal score) =>
        (long)decimal.Round(score * ScoreScale, 0, MidpointRounding.AwayFromZero);

    public static decimal Unscale(long scaled) => (decimal)scaled / ScoreScale;

    public IReadOnlyList<int> AllTargets => [.. Enumerable.Range(0, Targets.Count)];

    /// <summary>Finds a selection holding the given targets that maximises Σ weights[i]·x[i] (any selection when weights
    /// is null); null when none exists. One search worker and CP-SAT's fixed default seed make the answer the same on
    /// every run for the same input.</summary>
    public int[]? Solve(IEnumerable<int> targets, IReadOnlyList<long>? weights, IReadOnlyList<int>? hint = null)
    {
        var model = new CpModel();
        var chosen = new BoolVar[Candidates.Count];
        for (var i = 0; i < chosen.Length; i++)
        {
            chosen[i] = model.NewBoolVar($"x{i}");
        }
        model.Add(LinearExpr.Sum(chosen) == Size);
        foreach (var t in targets)
        {
            var target = Targets[t];
            var count = LinearExpr.Sum(Members[t].Select(i => chosen[i]));
            // An upper bound below the lower one would make the model invalid rather than infeasible.
            var min = target.Min ?? 0;
            model.AddLinearConstraint(count, min, target.Max ?? Math.Max(min, Size));
        }
        if (weights is not null)
        {
            model.Maximize(LinearExpr.WeightedSum(chosen, weights));
        }
        if (hint is not null)
        {
            var inHint = new HashSet<int>(hint);
            for (var i = 0; i < chosen.Length; i++)
            {
                model.AddHint(chosen[i], inHint.Contains(i));
            }
        }
        var solver = new CpSolver { StringParameters = "num_workers:1" };
        var status = solver.Solve(model);
        if (status == CpSolverStatus.Infeasible)
        {
            return null;
        }
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"The selection solver stopped without a proven answer ({status}).");
        }
        return [.. Enumerable.Range(0, chosen.Length).Where(i => solver.BooleanValue(chosen[i]))];
    }

    public bool Feasible(IEnumerable<int> targets) => Solve(targets, null) is not null;

    public long ScaledTotal(IEnumerable<int> selected) => selected.Sum(i => ScaledScores[i]);

    /// <summary>A minimal set of targets that cannot hold together (deletion filter: drop each target in turn and keep
    /// it out when the rest still cannot hold), in the problem's order, and a plain explanation.</summary>
    public (IReadOnlyList<BalanceTarget> Conflicting, string Explanation) Conflict()
    {
        var kept = AllTargets.ToList();
        foreach (var t in AllTargets)
        {
            var without = kept.Where(k => k != t).ToList();
            if (!Feasible(without))
            {
                kept = without;
            }
        }
        var conflicting = kept.Select(t => Targets[t]).ToList();
        var lines = kept.Select(t => $"- {Targets[t]} ({Members[t].Length} of the {Candidates.Count} applications have {Targets[t].Trait} = {Targets[t].Value})");
        var explanation = kept.Count == 1
            ? $"No selection of {Size} from {Candidates.Count} applications can meet this target:\n{string.Join("\n", lines)}"
            : $"No selection of {Size} from {Candidates.Count} applications can meet these {kept.Count} targets together (drop or loosen any one of them and the others can be met):\n{string.Join("\n", lines)}";
        return (conflicting, explanation);
    }
}
