using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Google.OrTools.LinearSolver;

namespace RcpHub.Domain.Selection;

/// <summary>The fair lottery (docs/selection-methods.md): a probability distribution over the selections that meet
/// every target, chosen so that the smallest chance any candidate has is as large as it can be (maximin, Flanigan,
/// Gölz, Gupta, Hennig and Procaccia, "Fair algorithms for selecting citizens' assemblies", Nature 2021); then one
/// selection drawn from a seed committed to before the distribution is published.</summary>
public static class FairLottery
{
    /// <summary>Probabilities are published as whole multiples of 1/Units.</summary>
    public const long Units = 1_000_000_000;

    /// <summary>What the draw hashes before the seed, so that the published commitment (the hash of the seed alone)
    /// tells nothing about the number drawn.</summary>
    public const string DrawPrefix = "RcpHub fair lottery draw\n";

    // Column generation stops when no selection improves the master LP by more than this (in probability).
    private const double Tolerance = 1e-9;

    // The selections' LP stops once its smallest chance is this close to the maximin value over mixes (its upper bound).
    private const double BoundGap = 1e-8;

    // At most this many improving selections join the master LP after one solve.
    private const int ColumnsPerRound = 10;

    /// <summary>The maximin distribution, or a minimal set of conflicting targets when no selection meets them all.</summary>
    public static LotteryResult Distribute(SelectionProblem problem)
    {
        var model = new SelectionModel(problem);
        var n = model.Candidates.Count;
        if (!model.Feasible(model.AllTargets))
        {
            var (conflicting, explanation) = model.Conflict();
            return new LotteryResult.Infeasible(conflicting, explanation);
        }
        var pricing = new LotteryPricing(model);

        // Start with selections that cover every kind of candidate that can be selected at all: each one holds members
        // of as many still uncovered kinds as possible; when the best holds none, the rest are in no selection meeting
        // the targets. (Members of a kind are interchangeable: one selectable means all are.)
        var panels = new List<int[]>();
        var uncoveredKinds = Enumerable.Repeat(1.0, pricing.Kinds.Count).ToArray();
        var first = pricing.Ranked(new double[n]);
        while (uncoveredKinds.Any(w => w > 0))
        {
            var mix = pricing.HeaviestMix(uncoveredKinds, cover: true);
            var covers = mix.Select((c, k) => c > 0 && uncoveredKinds[k] > 0).Any(x => x);
            if (covers || panels.Count == 0)
            {
                panels.Add(LotteryPricing.Heaviest(first, mix));
            }
            if (!covers)
            {
                break;
            }
            for (var k = 0; k < mix.Length; k++)
            {
                uncoveredKinds[k] = mix[k] > 0 ? 0 : uncoveredKinds[k];
            }
        }
        var uncovered = new SortedSet<int>(Enumerable.Range(0, n).Where(i => uncoveredKinds[pricing.KindOf[i]] > 0));
        var never = uncovered;
        var eligible = Enumerable.Range(0, n).Where(i => !never.Contains(i)).ToArray();

        var probabilities = eligible.Length == 0 || model.Size == 0
            ? [.. panels.Select((_, p) => p == 0 ? 1.0 : 0.0)]
            : MaximinProbabilities(pricing, panels, eligible, n);
        return Publish(model, panels, probabilities, never);
    }

    /// <summary>The maximin value over mixes (how many of each kind a selection holds) rather than selections: maximise z
    /// subject to Σ_M q_M = 1 and, for every kind k of n_k eligible members, Σ_M q_M·M_k ≥ z·n_k. Members of a kind are
    /// interchangeable, so averaging any distribution over the ways of naming them gives each the kind's mean chance:
    /// this z is the maximin value over selections too, and the mixes it uses are the ones the selections need. Solved by
    /// column generation as well, over a few hundred rows instead of thousands.</summary>
    private static (double Value, List<int[]> Mixes, List<double> Probabilities) KindMaximin(LotteryPricing pricing, IEnumerable<int[]> start, int[] eligible)
    {
        using var lp = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver is not available.");
        var z = lp.MakeNumVar(0, 1, "z");
        var sum = lp.MakeConstraint(1, 1, "sum");
        var sizes = new int[pricing.Kinds.Count];
        foreach (var i in eligible)
        {
            sizes[pricing.KindOf[i]]++;
        }
        var rows = sizes.Select((size, k) =>
        {
            if (size == 0)
            {
                return null;
            }
            var row = lp.MakeConstraint(0, double.PositiveInfinity, $"k{k}");
            row.SetCoefficient(z, -size);
            return row;
        }).ToArray();
        lp.Objective().SetCoefficient(z, 1);
        lp.Objective().SetMaximization();
        var mixes = new List<int[]>();
        var columns = new List<Variable>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        void Add(int[] mix)
        {
            if (!known.Add(string.Join(',', mix)))
            {
                return;
            }
            var column = lp.MakeNumVar(0, 1, $"q{mixes.Count}");
            columns.Add(column);
            sum.SetCoefficient(column, 1);
            for (var k = 0; k < mix.Length; k++)
            {
                if (mix[k] > 0)
                {
                    rows[k]?.SetCoefficient(column, mix[k]);
                }
            }
            mixes.Add(mix);
        }
        foreach (var mix in start)
        {
            Add(mix);
        }
        while (true)
        {
            Solve(lp);
            var sign = rows.Sum(r => r?.DualValue() ?? 0) > 0 ? -1.0 : 1.0;
            var y = rows.Select(r => r is null ? 0 : Math.Max(0, -sign * r.DualValue())).ToArray();
            var mu = sign * sum.DualValue();
            var best = pricing.HeaviestMix(y);
            if (best.Select((c, k) => c * y[k]).Sum() <= mu + Tolerance || known.Contains(string.Join(',', best)))
            {
                return (z.SolutionValue(), mixes, [.. columns.Select(c => c.SolutionValue())]);
            }
            Add(best);
        }
    }

    private static void Solve(Solver lp)
    {
        var status = lp.Solve();
        if (status == Solver.ResultStatus.ABNORMAL)
        {
            // GLOP can lose its way when restarting from the previous basis; solving from scratch does not.
            lp.Reset();
            status = lp.Solve();
        }
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException("The lottery's linear program has no optimal solution.");
        }
    }

    /// <summary>Column generation. Master LP over the known selections P: maximise z subject to Σ_P p_P = 1 and, for
    /// every eligible candidate i, Σ_{P∋i} p_P ≥ z. Its duals y_i (≥ 0, Σ y_i = 1) and μ (for Σ p_P = 1) price a new
    /// selection S: it can raise z only when Σ_{i∈S} y_i > μ. Each round first tries, for every mix of kinds already
    /// seen, the heaviest selection with that mix (no search), and adds the best few that price above μ; only when none
    /// does, CP-SAT looks for the selection with the largest Σ y_i, and when that is not above μ the LP optimum is the
    /// optimum over all selections.</summary>
    private static double[] MaximinProbabilities(LotteryPricing pricing, List<int[]> panels, int[] eligible, int n)
    {
        using var lp = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver is not available.");
        var z = lp.MakeNumVar(0, 1, "z");
        var sum = lp.MakeConstraint(1, 1, "sum");
        var rows = new Constraint?[n];
        foreach (var i in eligible)
        {
            var row = lp.MakeConstraint(0, double.PositiveInfinity, $"c{i}");
            row.SetCoefficient(z, -1);
            rows[i] = row;
        }
        var objective = lp.Objective();
        objective.SetCoefficient(z, 1);
        objective.SetMaximization();
        var columns = new List<Variable>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var mixes = new List<int[]>();
        var knownMixes = new HashSet<string>(StringComparer.Ordinal);
        void AddColumn(int[] panel)
        {
            var column = lp.MakeNumVar(0, 1, $"p{columns.Count}");
            sum.SetCoefficient(column, 1);
            foreach (var i in panel)
            {
                rows[i]?.SetCoefficient(column, 1);
            }
            columns.Add(column);
            known.Add(string.Join(',', panel));
            var mix = pricing.Counts(panel);
            if (knownMixes.Add(string.Join(',', mix)))
            {
                mixes.Add(mix);
            }
        }
        foreach (var panel in panels)
        {
            AddColumn(panel);
        }
        var (bound, boundMixes, boundProbabilities) = KindMaximin(pricing, mixes, eligible);
        foreach (var mix in boundMixes.Where(m => knownMixes.Add(string.Join(',', m))))
        {
            mixes.Add(mix);
        }
        // The mixes the bound draws from, each in turns that walk through every kind's members, so that the LP can
        // spread the chances within each kind from the start.
        var ordered = pricing.Kinds.Select(members => members.Where(i => rows[i] is not null).ToArray()).ToArray();
        for (var m = 0; m < boundMixes.Count; m++)
        {
            if (boundProbabilities[m] <= Tolerance)
            {
                continue;
            }
            var mix = boundMixes[m];
            // A kind of n members taking c per selection comes back to its first member after n / gcd(n, c) turns.
            var turns = mix.Select((c, k) => c == 0 || c >= ordered[k].Length ? 1 : ordered[k].Length / (int)BigInteger.GreatestCommonDivisor(ordered[k].Length, c)).Max();
            for (var r = 0; r < turns; r++)
            {
                var panel = new List<int>();
                for (var k = 0; k < mix.Length; k++)
                {
                    var kind = mix[k] <= ordered[k].Length ? ordered[k] : pricing.Kinds[k];
                    for (var c = 0; c < mix[k]; c++)
                    {
                        panel.Add(kind[(r * mix[k] + c) % kind.Length]);
                    }
                }
                panel.Sort();
                if (!known.Contains(string.Join(',', panel)))
                {
                    panels.Add([.. panel]);
                    AddColumn(panels[^1]);
                }
            }
        }

        var y = new double[n];
        var chance = new double[n];
        while (true)
        {
            Solve(lp);
            if (z.SolutionValue() >= bound - BoundGap)
            {
                break;
            }
            // Solvers differ in the sign they give duals of a maximisation; Σ y_i = 1 fixes it.
            var sign = eligible.Sum(i => rows[i]!.DualValue()) > 0 ? -1.0 : 1.0;
            foreach (var i in eligible)
            {
                y[i] = Math.Max(0, -sign * rows[i]!.DualValue());
            }
            var mu = sign * sum.DualValue();
            double Value(int[] panel) => panel.Sum(i => y[i]);
            Array.Clear(chance);
            for (var c = 0; c < columns.Count; c++)
            {
                var p = columns[c].SolutionValue();
                foreach (var i in panels[c])
                {
                    chance[i] += p;
                }
            }

            var ranked = pricing.Ranked(y, chance);
            var prefix = ranked.Select(members =>
            {
                var sums = new double[members.Length + 1];
                for (var r = 0; r < members.Length; r++)
                {
                    sums[r + 1] = sums[r] + y[members[r]];
                }
                return sums;
            }).ToArray();
            var improving = mixes
                .Select((mix, m) => (Mix: mix, Index: m, Value: mix.Select((c, k) => prefix[k][c]).Sum()))
                .Where(x => x.Value > mu + Tolerance)
                .OrderByDescending(x => x.Value).ThenBy(x => x.Index)
                .Select(x => LotteryPricing.Heaviest(ranked, x.Mix))
                .Where(panel => !known.Contains(string.Join(',', panel)))
                .Take(ColumnsPerRound)
                .ToList();
            if (improving.Count == 0)
            {
                var hint = mixes.OrderByDescending(mix => mix.Select((c, k) => prefix[k][c]).Sum()).First();
                var best = pricing.Heaviest(y, hint, chance);
                // A selection already in the LP cannot improve it: seeing one again means rounding, not progress.
                if (Value(best) <= mu + Tolerance || known.Contains(string.Join(',', best)))
                {
                    break;
                }
                improving.Add(best);
            }
            foreach (var panel in improving)
            {
                panels.Add(panel);
                AddColumn(panel);
            }
        }
        return [.. columns.Select(c => c.SolutionValue())];
    }

    /// <summary>Rounds the probabilities to whole units that add up to exactly <see cref="Units"/> (largest remainders
    /// first, ties to the canonically earlier selection) and puts everything in its canonical order.</summary>
    private static LotteryResult.Distribution Publish(SelectionModel model, List<int[]> panels, double[] probabilities, IReadOnlySet<int> never)
    {
        var ordered = panels
            .Select((panel, p) => (Keys: panel.Select(i => model.Candidates[i].Key).ToArray(), Probability: Math.Max(0, probabilities[p])))
            .OrderBy(p => p.Keys, KeyListComparer.Instance)
            .ToList();
        var total = ordered.Sum(p => p.Probability);
        var exact = ordered.Select(p => p.Probability / total * Units).ToArray();
        var units = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var missing = Units - units.Sum();
        foreach (var p in Enumerable.Range(0, units.Length).OrderByDescending(p => exact[p] - units[p]).ThenBy(p => p).Take((int)missing))
        {
            units[p]++;
        }
        var published = ordered.Select((p, k) => new LotteryPanel(p.Keys, (decimal)units[k] / Units))
            .Where(p => p.Probability > 0)
            .ToList();
        var chance = model.Candidates.ToDictionary(c => c.Key, _ => 0m, StringComparer.Ordinal);
        foreach (var panel in published)
        {
            foreach (var key in panel.Keys)
            {
                chance[key] += panel.Probability;
            }
        }
        var neverKeys = never.Select(i => model.Candidates[i].Key).ToList();
        var chances = model.Candidates.Select(c => new CandidateChance(c.Key, chance[c.Key])).ToList();
        var selectable = chances.Where(c => !neverKeys.Contains(c.Key)).ToList();
        return new LotteryResult.Distribution(published, chances, selectable.Count == 0 ? 0 : selectable.Min(c => c.Chance), neverKeys);
    }

    /// <summary>The commitment published before the distribution: lower-case hex SHA-256 of the seed's UTF-8 bytes.</summary>
    public static string Commit(string seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
    }

    /// <summary>The number the draw uses: SHA-256 of the UTF-8 bytes of <see cref="DrawPrefix"/> followed by the seed,
    /// read as an unsigned big-endian integer, modulo <see cref="Units"/>.</summary>
    public static long DrawNumber(string seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(DrawPrefix + seed));
        return (long)(new BigInteger(hash, isUnsigned: true, isBigEndian: true) % Units);
    }

    /// <summary>Draws one selection: walking the panels in their published order and adding up their probabilities in
    /// units of 1/<see cref="Units"/>, the first panel whose running total exceeds <see cref="DrawNumber"/>.</summary>
    public static IReadOnlyList<string> Draw(LotteryResult result, string seed)
    {
        if (result is not LotteryResult.Distribution distribution)
        {
            throw new InvalidOperationException("There is nothing to draw from: no selection meets the targets.");
        }
        var number = DrawNumber(seed);
        long running = 0;
        foreach (var panel in distribution.Panels)
        {
            running += (long)(panel.Probability * Units);
            if (running > number)
            {
                return panel.Keys;
            }
        }
        throw new InvalidOperationException("The panels' probabilities do not add up to 1.");
    }

    private sealed class KeyListComparer : IComparer<string[]>
    {
        public static readonly KeyListComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
