namespace RcpHub.Domain;

/// <summary>A state's report in force on one recommendation (in one round, or outside any round: round key 0).</summary>
public sealed record StatusInForce(int RecommendationId, string StateCode, int RoundKey, ImplementationStatus Status, ReviewState Review, DateOnly On, DateTimeOffset ReportedAt);

/// <summary>One recommendation asked of one state.</summary>
public readonly record struct Addressed(int RecommendationId, string StateCode);

/// <summary>How far a set of (recommendation, state) pairs is accomplished: how many were asked, how many reported,
/// and how many reported each status. "Not reported" is <see cref="Asked"/> minus <see cref="Reported"/>, never a
/// status of its own.</summary>
public sealed class Tally
{
    private readonly int[] byStatus = new int[Enum.GetValues<ImplementationStatus>().Length];

    public int Asked { get; private set; }
    public int Reported { get; private set; }
    public int NotReported => Asked - Reported;
    public int Count(ImplementationStatus status) => byStatus[(int)status];

    /// <summary>Implemented among the pairs where the recommendation applies (not applicable left out); null when none does.</summary>
    public double? ShareImplemented
    {
        get
        {
            var applicable = Asked - Count(ImplementationStatus.NotApplicable);
            return applicable == 0 ? null : Count(ImplementationStatus.Implemented) / (double)applicable;
        }
    }

    internal void Add(ImplementationStatus? status)
    {
        Asked++;
        if (status is { } s)
        {
            Reported++;
            byStatus[(int)s]++;
        }
    }
}

/// <summary>The one computation of follow-up progress: which reports are in force, and tallies of them by recommendation,
/// state, theme, GCM objective or anything else a caller groups by. Evaluation reports, dashboards, pictures and the
/// public accountability page all count through here.</summary>
public static class FollowUpProgress
{
    /// <summary>The reports in force of a process: in one round (<paramref name="roundId"/>), or in every round and
    /// outside them (null; pick with <see cref="LatestAcrossRounds"/>).</summary>
    public static IQueryable<StatusInForce> InForce(this IQueryable<FollowUpReport> reports, int processId, int? roundId) =>
        reports.Where(r => r.ProcessId == processId && r.IsLatest && (roundId == null || r.RoundKey == roundId))
            .Select(r => new StatusInForce(r.RecommendationId, r.StateCode, r.RoundKey, r.Status, r.Review, r.On, r.ReportedAt));

    /// <summary>Each state's most recent report on each recommendation, whichever round it was made in.</summary>
    public static Dictionary<Addressed, StatusInForce> LatestAcrossRounds(IEnumerable<StatusInForce> inForce) =>
        inForce.GroupBy(s => new Addressed(s.RecommendationId, s.StateCode))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.ReportedAt)!);

    /// <summary>Tallies the asked pairs under every key <paramref name="keysOf"/> gives a pair (none, one, or several:
    /// a recommendation under each of its themes).</summary>
    public static Dictionary<TKey, Tally> TallyBy<TKey>(
        IEnumerable<Addressed> asked, IReadOnlyDictionary<Addressed, StatusInForce> statuses, Func<Addressed, IEnumerable<TKey>> keysOf)
        where TKey : notnull
    {
        var tallies = new Dictionary<TKey, Tally>();
        foreach (var pair in asked)
        {
            var status = statuses.TryGetValue(pair, out var s) ? s.Status : (ImplementationStatus?)null;
            foreach (var key in keysOf(pair))
            {
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tallies[key] = tally = new Tally();
                }
                tally.Add(status);
            }
        }
        return tallies;
    }

    /// <summary>All asked pairs in one tally.</summary>
    public static Tally Overall(IEnumerable<Addressed> asked, IReadOnlyDictionary<Addressed, StatusInForce> statuses) =>
        TallyBy<bool>(asked, statuses, _ => [true]).GetValueOrDefault(true) ?? new Tally();
}
