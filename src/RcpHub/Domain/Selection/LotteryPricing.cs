using Google.OrTools.Sat;

namespace RcpHub.Domain.Selection;

/// <summary>The lottery's search for the selection with the largest total weight. Candidates whom exactly the same
/// targets count ("of one kind") are interchangeable in every rule a selection must meet, so the heaviest selection
/// takes, of each kind, the heaviest members: the search only decides how many of each kind, over the heaviest
/// min(members, places) of each kind in order. That is the same integer program as one choice per candidate, without
/// the millions of equivalent selections that make the plain model slow on 2,000 applications.</summary>
internal sealed class LotteryPricing
{
    // Weights go to CP-SAT as integers: this many units per 1 (a selection's weight is at most 1).
    private const double Scale = 1e12;

    private readonly SelectionModel model;

    public LotteryPricing(SelectionModel model)
    {
        this.model = model;
        var targetsOf = Enumerable.Range(0, model.Candidates.Count).Select(_ => new List<int>()).ToArray();
        for (var t = 0; t < model.Members.Count; t++)
        {
            foreach (var i in model.Members[t])
            {
                targetsOf[i].Add(t);
            }
        }
        // Kinds in the order of their first (ordinal-key) member, members in key order: nothing depends on input order.
        var kinds = new List<List<int>>();
        var kindTargets = new List<int[]>();
        var byTargets = new Dictionary<string, int>(StringComparer.Ordinal);
        KindOf = new int[model.Candidates.Count];
        for (var i = 0; i < targetsOf.Length; i++)
        {
            var key = string.Join(',', targetsOf[i]);
            if (!byTargets.TryGetValue(key, out var kind))
            {
                kind = kinds.Count;
                byTargets[key] = kind;
                kinds.Add([]);
                kindTargets.Add([.. targetsOf[i]]);
            }
            kinds[kind].Add(i);
            KindOf[i] = kind;
        }
        Kinds = [.. kinds.Select(k => k.ToArray())];
        KindTargets = [.. kindTargets];
    }

    /// <summary>Per kind, its members' indices in ascending order.</summary>
    public IReadOnlyList<int[]> Kinds { get; }

    /// <summary>Per kind, the targets that count its members.</summary>
    public IReadOnlyList<int[]> KindTargets { get; }

    public int[] KindOf { get; }

    /// <summary>Per kind, its members heaviest first; among equal weights the one with the smaller
    /// <paramref name="tie"/> first (the lottery passes each candidate's chance so far, so that a tie brings in whoever
    /// has least), then the smaller index.</summary>
    public int[][] Ranked(IReadOnlyList<double> weight, IReadOnlyList<double>? tie = null) =>
        [.. Kinds.Select(members => members.OrderByDescending(i => weight[i]).ThenBy(i => tie?[i] ?? 0).ThenBy(i => i).ToArray())];

    /// <summary>How many of each kind a selection holds.</summary>
    public int[] Counts(IEnumerable<int> panel)
    {
        var counts = new int[Kinds.Count];
        foreach (var i in panel)
        {
            counts[KindOf[i]]++;
        }
        return counts;
    }

    /// <summary>The selection with the given number of each kind that weighs most: the heaviest of each kind.</summary>
    public static int[] Heaviest(int[][] ranked, int[] counts)
    {
        var panel = new List<int>();
        for (var k = 0; k < ranked.Length; k++)
        {
            panel.AddRange(ranked[k].Take(counts[k]));
        }
        panel.Sort();
        return [.. panel];
    }

    /// <summary>A selection meeting every target with the largest Σ weight (exact, CP-SAT with one worker and its fixed
    /// seed: the same answer on every run), started from <paramref name="hint"/> (how many of each kind).</summary>
    public int[] Heaviest(IReadOnlyList<double> weight, int[]? hint, IReadOnlyList<double>? tie = null)
    {
        var ranked = Ranked(weight, tie);
        var cp = new CpModel();
        var chosen = new BoolVar[ranked.Length][];
        var all = new List<IntVar>();
        var terms = new List<(BoolVar Var, long Weight)>();
        var ofTarget = Enumerable.Range(0, model.Targets.Count).Select(_ => new List<IntVar>()).ToArray();
        for (var k = 0; k < ranked.Length; k++)
        {
            // A selection never holds more than Size of a kind.
            chosen[k] = new BoolVar[Math.Min(ranked[k].Length, model.Size)];
            for (var r = 0; r < chosen[k].Length; r++)
            {
                var x = cp.NewBoolVar($"k{k}r{r}");
                chosen[k][r] = x;
                all.Add(x);
                terms.Add((x, (long)Math.Round(weight[ranked[k][r]] * Scale)));
                foreach (var t in KindTargets[k])
                {
                    ofTarget[t].Add(x);
                }
                if (r > 0)
                {
                    // The r-th heaviest only after the (r-1)-th: one of each equivalent set of selections.
                    cp.AddImplication(x, chosen[k][r - 1]);
                }
                if (hint is not null)
                {
                    cp.AddHint(x, r < hint[k]);
                }
            }
        }
        cp.Maximize(LinearExpr.WeightedSum(terms.Select(x => x.Var), terms.Select(x => x.Weight)));
        var solver = Solve(cp, all, ofTarget);
        var counts = chosen.Select(xs => xs.Count(solver.BooleanValue)).ToArray();
        return Heaviest(ranked, counts);
    }

    /// <summary>A mix (how many of each kind) meeting every target that maximises Σ_k weight_k·count_k, or with
    /// <paramref name="cover"/> the one holding at least one member of as many of the kinds with positive weight as
    /// possible. Exact, one worker, fixed seed.</summary>
    public int[] HeaviestMix(IReadOnlyList<double> kindWeight, bool cover = false)
    {
        var cp = new CpModel();
        var counts = new IntVar[Kinds.Count];
        var objective = new List<(LinearExpr Expr, long Weight)>();
        var ofTarget = Enumerable.Range(0, model.Targets.Count).Select(_ => new List<IntVar>()).ToArray();
        for (var k = 0; k < Kinds.Count; k++)
        {
            counts[k] = cp.NewIntVar(0, Math.Min(Kinds[k].Length, model.Size), $"k{k}");
            foreach (var t in KindTargets[k])
            {
                ofTarget[t].Add(counts[k]);
            }
            if (kindWeight[k] > 0 && cover)
            {
                var held = cp.NewBoolVar($"c{k}");
                cp.Add(counts[k] >= held);
                objective.Add((held, 1));
            }
            else if (kindWeight[k] > 0)
            {
                objective.Add((counts[k], (long)Math.Round(kindWeight[k] * Scale)));
            }
        }
        cp.Maximize(LinearExpr.WeightedSum(objective.Select(x => x.Expr), objective.Select(x => x.Weight)));
        var solver = Solve(cp, counts, ofTarget);
        return [.. counts.Select(c => (int)solver.Value(c))];
    }

    /// <summary>Adds the size and every target over <paramref name="chosen"/> (what each variable counts toward the
    /// selection) and solves to proven optimality.</summary>
    private CpSolver Solve(CpModel cp, IEnumerable<IntVar> chosen, List<IntVar>[] ofTarget)
    {
        cp.Add(LinearExpr.Sum(chosen) == model.Size);
        for (var t = 0; t < model.Targets.Count; t++)
        {
            var min = model.Targets[t].Min ?? 0;
            cp.AddLinearConstraint(LinearExpr.Sum(ofTarget[t]), min, model.Targets[t].Max ?? Math.Max(min, model.Size));
        }
        var solver = new CpSolver { StringParameters = "num_workers:1" };
        var status = solver.Solve(cp);
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"The lottery's selection search stopped without a proven answer ({status}).");
        }
        return solver;
    }
}
