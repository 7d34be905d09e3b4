using Google.OrTools.Sat;

namespace RcpHub.Domain.Selection;

/// <summary>The lottery's search for the mix of kinds with the largest total weight. Candidates whom exactly the same
/// targets count ("of one kind") are interchangeable in every rule a selection must meet, so the search only decides how
/// many of each kind a selection holds (a "mix"), not which of 2,000 applications: the same integer program without the
/// millions of equivalent selections that make the plain model slow.</summary>
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
