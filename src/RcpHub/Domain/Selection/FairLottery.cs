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

    // Dual weights go to CP-SAT as integers: this many units per 1 (a selection's weight is at most 1).
    private const double PricingScale = 1e12;

    /// <summary>The maximin distribution, or a minimal set of conflicting targets when no selection meets them all.</summary>
    public static LotteryResult Distribute(SelectionProblem problem)
    {
        var model = new SelectionModel(problem);
        var all = model.AllTargets;
        var n = model.Candidates.Count;
        if (!model.Feasible(all))
        {
            var (conflicting, explanation) = model.Conflict();
            return new LotteryResult.Infeasible(conflicting, explanation);
        }

        // Start with selections that cover every candidate who can be selected at all: each one holds as many still
        // uncovered candidates as possible; when the best holds none, the rest are in no selection meeting the targets.
        var panels = new List<int[]>();
        var uncovered = new SortedSet<int>(Enumerable.Range(0, n));
        while (uncovered.Count > 0)
        {
            var weights = Enumerable.Range(0, n).Select(i => uncovered.Contains(i) ? 1L : 0L).ToArray();
            var panel = model.Solve(all, weights)!;
            if (!panel.Any(uncovered.Contains))
            {
                break;
            }
            panels.Add(panel);
            uncovered.ExceptWith(panel);
        }
        if (panels.Count == 0)
        {
            panels.Add(model.Solve(all, null)!);
        }
        var never = uncovered;
        var eligible = Enumerable.Range(0, n).Where(i => !never.Contains(i)).ToArray();

        var probabilities = eligible.Length == 0 || model.Size == 0
            ? [.. panels.Select((_, p) => p == 0 ? 1.0 : 0.0)]
            : MaximinProbabilities(model, panels, eligible);
        return Publish(model, panels, probabilities, never);
    }

    /// <summary>Column generation. Master LP over the known selections P: maximise z subject to Σ_P p_P = 1 and, for
    /// every eligible candidate i, Σ_{P∋i} p_P ≥ z. Its duals y_i (≥ 0, Σ y_i = 1) and μ (for Σ p_P = 1) price a new
    /// selection S: it can raise z only when Σ_{i∈S} y_i > μ, so CP-SAT looks for the selection with the largest
    /// Σ y_i; when that is not above μ the LP optimum is the optimum over all selections.</summary>
    private static double[] MaximinProbabilities(SelectionModel model, List<int[]> panels, int[] eligible)
    {
        using var lp = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver is not available.");
        var z = lp.MakeNumVar(0, 1, "z");
        var sum = lp.MakeConstraint(1, 1, "sum");
        var rows = new Dictionary<int, Constraint>();
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
        void AddColumn(int[] panel)
        {
            var column = lp.MakeNumVar(0, 1, $"p{columns.Count}");
            sum.SetCoefficient(column, 1);
            foreach (var i in panel)
            {
                if (rows.TryGetValue(i, out var row))
                {
                    row.SetCoefficient(column, 1);
                }
            }
            columns.Add(column);
            known.Add(string.Join(',', panel));
        }
        foreach (var panel in panels)
        {
            AddColumn(panel);
        }

        var weights = new long[model.Candidates.Count];
        while (true)
        {
            if (lp.Solve() != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException("The lottery's linear program has no optimal solution.");
            }
            // Solvers differ in the sign they give duals of a maximisation; Σ y_i = 1 fixes it.
            var raw = eligible.Select(i => rows[i].DualValue()).ToArray();
            var sign = raw.Sum() > 0 ? -1.0 : 1.0;
            var y = raw.Select(d => Math.Max(0, -sign * d)).ToArray();
            var mu = sign * sum.DualValue();
            Array.Clear(weights);
            for (var e = 0; e < eligible.Length; e++)
            {
                weights[eligible[e]] = (long)Math.Round(y[e] * PricingScale);
            }
            var best = model.Solve(model.AllTargets, weights)!;
            var yOf = eligible.Select((i, e) => (i, e)).ToDictionary(p => p.i, p => y[p.e]);
            var value = best.Sum(i => yOf.GetValueOrDefault(i));
            // A selection already in the LP cannot improve it: seeing one again means rounding, not progress.
            if (value <= mu + Tolerance || known.Contains(string.Join(',', best)))
            {
                break;
            }
            panels.Add(best);
            AddColumn(best);
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
