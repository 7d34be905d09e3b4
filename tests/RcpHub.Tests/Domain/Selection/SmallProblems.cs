using RcpHub.Domain.Selection;

namespace RcpHub.Tests.Domain.Selection;

/// <summary>Small random calls that can be checked by listing every possible selection.</summary>
internal static class SmallProblems
{
    private static readonly string[] Regions = ["Africa", "Asia", "Europe"];
    private static readonly string[] Genders = ["female", "male"];
    private static readonly string[] Routes = ["network", "open"];

    public static SelectionCandidate Candidate(string key, decimal score, params (string Trait, string Value)[] traits) =>
        new(key, score, traits.ToDictionary(t => t.Trait, t => t.Value));

    public static SelectionProblem Random(int seed, int maxCandidates = 11)
    {
        var random = new Random(seed);
        var n = random.Next(3, maxCandidates + 1);
        var candidates = Enumerable.Range(0, n).Select(i => Candidate(
            $"A{random.Next(1000, 9999)}-{i}",
            // Few distinct scores so that ties, and with them the tie-break, come up often.
            random.Next(0, 8) / 2m + (random.Next(0, 3) == 0 ? 0.25m : 0m),
            ("region", Regions[random.Next(Regions.Length)]),
            ("gender", Genders[random.Next(Genders.Length)]),
            ("route", Routes[random.Next(Routes.Length)]))).ToList();
        var places = random.Next(1, n + 2);
        var targets = new List<BalanceTarget>();
        for (var t = random.Next(0, 4); t > 0; t--)
        {
            var (trait, values) = random.Next(3) switch
            {
                0 => ("region", Regions),
                1 => ("gender", Genders),
                _ => ("route", Routes),
            };
            int? min = random.Next(3) == 0 ? null : random.Next(0, 3);
            int? max = random.Next(3) == 0 ? null : (min ?? 0) + random.Next(0, 3);
            targets.Add(new BalanceTarget(trait, values[random.Next(values.Length)], min, max));
        }
        return new SelectionProblem(places, candidates, targets);
    }

    public static int Size(SelectionProblem problem) => Math.Min(problem.Places, problem.Candidates.Count);

    public static bool Holds(BalanceTarget target, IEnumerable<SelectionCandidate> selection)
    {
        var count = selection.Count(c => c.Traits.TryGetValue(target.Trait, out var v) && v == target.Value);
        return count >= (target.Min ?? 0) && count <= (target.Max ?? int.MaxValue);
    }

    /// <summary>Every selection of the right size that meets the given targets.</summary>
    public static List<SelectionCandidate[]> Feasible(SelectionProblem problem, IEnumerable<BalanceTarget> targets)
    {
        var list = targets.ToList();
        return Subsets(problem.Candidates, Size(problem)).Where(s => list.All(t => Holds(t, s))).ToList();
    }

    public static IEnumerable<SelectionCandidate[]> Subsets(IReadOnlyList<SelectionCandidate> items, int size)
    {
        var n = items.Count;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == size)
            {
                yield return [.. Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).Select(i => items[i])];
            }
        }
    }

    public static SelectionProblem Shuffled(SelectionProblem problem, int seed)
    {
        var random = new Random(seed);
        return problem with { Candidates = [.. problem.Candidates.OrderBy(_ => random.Next())] };
    }
}
