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

    // Column generation stops when no mix improves the LP by more than this (in probability).
    private const double Tolerance = 1e-9;

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

        // Start with mixes that cover every kind of candidate that can be selected at all: each one holds members of as
        // many still uncovered kinds as possible; when the best holds none, the rest are in no selection meeting the
        // targets. (Members of a kind are interchangeable: one selectable means all are.)
        var start = new List<int[]>();
        var uncoveredKinds = Enumerable.Repeat(1.0, pricing.Kinds.Count).ToArray();
        while (uncoveredKinds.Any(w => w > 0))
        {
            var mix = pricing.HeaviestMix(uncoveredKinds, cover: true);
            var covers = mix.Select((c, k) => c > 0 && uncoveredKinds[k] > 0).Any(x => x);
            if (covers || start.Count == 0)
            {
                start.Add(mix);
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
        var never = new SortedSet<int>(Enumerable.Range(0, n).Where(i => uncoveredKinds[pricing.KindOf[i]] > 0));
        if (model.Size == 0 || never.Count == n)
        {
            return Publish(model, [[]], [1.0], never);
        }
        var (mixes, probabilities) = KindMaximin(pricing, start, [.. Enumerable.Range(0, n).Where(i => !never.Contains(i))]);
        var (panels, panelProbabilities) = InTurns(pricing, mixes, probabilities);
        return Publish(model, panels, panelProbabilities, never);
    }

    /// <summary>Realises each mix M of probability q_M by panels that give every member of a kind of n members, of which
    /// M takes c, the chance q_M·c/n exactly. The kind's members, in pseudonym order, are taken in turns: turn r takes
    /// the members at positions r·c to r·c + c − 1, counted round the kind; after T = n / gcd(n, c) turns every member
    /// has been taken c / gcd(n, c) times. Each kind's T turns split [0, 1) into T equal parts; the panel at a point of
    /// [0, 1) takes every kind's turn there, so the panels are the pieces between the parts' ends of all kinds together,
    /// each with q_M times its length. (Equal probabilities q_M / T for one T would need T to be a multiple of every
    /// kind's, which can be astronomically large.)</summary>
    private static (List<int[]> Panels, List<double> Probabilities) InTurns(LotteryPricing pricing, List<int[]> mixes, List<double> probabilities)
    {
        var panels = new List<int[]>();
        var panelProbabilities = new List<double>();
        for (var m = 0; m < mixes.Count; m++)
        {
            if (probabilities[m] <= 0)
            {
                continue;
            }
            var mix = mixes[m];
            var turns = mix.Select((c, k) => c == 0 || c >= pricing.Kinds[k].Length
                ? 1L
                : pricing.Kinds[k].Length / (long)BigInteger.GreatestCommonDivisor(pricing.Kinds[k].Length, c)).ToArray();
            // The ends of the turns as reduced fractions j / T, each once, in increasing order.
            var cuts = new HashSet<(long Numerator, long Denominator)>();
            foreach (var t in turns.Distinct())
            {
                for (var j = 0L; j < t; j++)
                {
                    var divisor = (long)BigInteger.GreatestCommonDivisor(j, t);
                    cuts.Add((j / divisor, t / divisor));
                }
            }
            var ordered = cuts.ToList();
            ordered.Sort((x, y) => (x.Numerator * y.Denominator).CompareTo(y.Numerator * x.Denominator));
            ordered.Add((1, 1));
            for (var s = 0; s + 1 < ordered.Count; s++)
            {
                var (from, to) = (ordered[s], ordered[s + 1]);
                var panel = new List<int>();
                for (var k = 0; k < mix.Length; k++)
                {
                    var members = pricing.Kinds[k];
                    var r = from.Numerator * turns[k] / from.Denominator;
                    for (var c = 0L; c < mix[k]; c++)
                    {
                        panel.Add(members[(int)((r * mix[k] + c) % members.Length)]);
                    }
                }
                panel.Sort();
                panels.Add([.. panel]);
                var length = (double)(to.Numerator * from.Denominator - from.Numerator * to.Denominator) / (from.Denominator * to.Denominator);
                panelProbabilities.Add(probabilities[m] * length);
            }
        }
        return (panels, panelProbabilities);
    }

    /// <summary>The maximin value over mixes (how many of each kind a selection holds) rather than selections: maximise z
    /// subject to Σ_M q_M = 1 and, for every kind k of n_k eligible members, Σ_M q_M·M_k ≥ z·n_k. Members of a kind are
    /// interchangeable, so averaging any distribution over the ways of naming them gives each the kind's mean chance:
    /// this z is the maximin value over selections too, and the mixes it uses are the ones the selections need. Solved by
    /// column generation as well, over a few hundred rows instead of thousands.</summary>
    private static (List<int[]> Mixes, List<double> Probabilities) KindMaximin(LotteryPricing pricing, IEnumerable<int[]> start, int[] eligible)
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
                return (mixes, [.. columns.Select(c => c.SolutionValue())]);
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

    /// <summary>Rounds the probabilities to whole units that add up to exactly <see cref="Units"/> (largest remainders
    /// first, ties to the canonically earlier selection) and puts everything in its canonical order.</summary>
    private static LotteryResult.Distribution Publish(SelectionModel model, List<int[]> panels, IReadOnlyList<double> probabilities, IReadOnlySet<int> never)
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
