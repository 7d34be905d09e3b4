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

    internal void AddAsked() => Asked++;

    internal void AddReported(ImplementationStatus status, int count)
    {
        Reported += count;
        byStatus[(int)status] += count;
    }
}

/// <summary>A count made by the database: how many reports in force of <see cref="Status"/> there are for a
/// recommendation, a state, or one pair. An empty <see cref="StateCode"/> (or a <see cref="RecommendationId"/> of 0)
/// stands for every state (every recommendation) the count covers, all of them asked; when both are set the count is
/// one pair's, which counts only if the pair is asked.</summary>
public readonly record struct Counted(int RoundKey, int RecommendationId, string StateCode, ImplementationStatus Status, bool Validated, int Count);

/// <summary>What <see cref="FollowUpProgress.Counts"/> groups by besides the status.</summary>
public enum CountedBy
{
    Recommendation,
    State,
}

/// <summary>The one computation of follow-up progress: which reports are in force, and tallies of them by recommendation,
/// state, theme, GCM objective or anything else a caller groups by. Evaluation reports, dashboards, pictures and the
/// public accountability page all count through here.</summary>
public static class FollowUpProgress
{
    /// <summary>The reports in force of a process: in one round (<paramref name="roundId"/>), or in every round and
    /// outside them (null; pick with <see cref="LatestAcrossRounds"/>).</summary>
    public static IQueryable<StatusInForce> InForce(this IQueryable<FollowUpReport> reports, int processId, int? roundId) =>
        reports.InForceReports(processId, roundId)
            .Select(r => new StatusInForce(r.RecommendationId, r.StateCode, r.RoundKey, r.Status, r.Review, r.On, r.ReportedAt));

    /// <summary>The rows behind <see cref="InForce"/>, to count in the database (<see cref="Counts"/>).</summary>
    public static IQueryable<FollowUpReport> InForceReports(this IQueryable<FollowUpReport> reports, int processId, int? roundId) =>
        reports.Where(r => r.ProcessId == processId && r.IsLatest && (roundId == null || r.RoundKey == roundId));

    /// <summary>Each state's most recent report on each recommendation, whichever round it was made in (of two made at
    /// the same instant, the later round's).</summary>
    public static Dictionary<Addressed, StatusInForce> LatestAcrossRounds(IEnumerable<StatusInForce> inForce) =>
        inForce.GroupBy(s => new Addressed(s.RecommendationId, s.StateCode))
            .ToDictionary(g => g.Key, g => Latest(g, s => s.ReportedAt, s => s.RoundKey));

    /// <summary>The one choice among a pair's reports in force (one per round): the most recent, of two made at the same
    /// instant the later round's.</summary>
    private static T Latest<T>(IEnumerable<T> inForceOfPair, Func<T, DateTimeOffset> reportedAt, Func<T, int> roundKey) =>
        inForceOfPair.OrderByDescending(reportedAt).ThenByDescending(roundKey).First();

    /// <summary>Marks, among one pair's reports in force (one per round, the one being saved included), the one
    /// <see cref="LatestAcrossRounds"/> picks as <see cref="FollowUpReport.IsLatestAcrossRounds"/>, and no other. Every
    /// save of a report calls it, in the same save.</summary>
    public static void MarkLatestAcrossRounds(IReadOnlyCollection<FollowUpReport> inForceOfPair)
    {
        if (inForceOfPair.Count == 0)
        {
            return;
        }
        var latest = Latest(inForceOfPair, r => r.ReportedAt, r => r.RoundKey);
        foreach (var report in inForceOfPair)
        {
            report.IsLatestAcrossRounds = ReferenceEquals(report, latest);
        }
    }

    /// <summary><see cref="LatestAcrossRounds"/> in the database, to count there (<see cref="Counts"/>): the reports
    /// marked <see cref="FollowUpReport.IsLatestAcrossRounds"/> when saved, one per pair (a partial index holds them:
    /// about 12,000 per process at the scale of the world, against 60,000 in force over five rounds).</summary>
    public static IQueryable<FollowUpReport> LatestAcrossRoundsReports(this IQueryable<FollowUpReport> reports, int processId) =>
        reports.Where(r => r.ProcessId == processId && r.IsLatestAcrossRounds);

    /// <summary>Counts by status, in the database, the reports in force among <paramref name="inForce"/> (from
    /// <see cref="InForceReports"/> or <see cref="LatestAcrossRoundsReports"/>) on the recommendations
    /// <paramref name="recommendationIds"/>, per round and recommendation or per round and state, for pages that need
    /// only tallies (<see cref="TallyCounted"/>): a few hundred rows instead of one per pair. A state in
    /// <paramref name="steadyMembers"/> (a member on every day the caller asks about) is asked exactly the
    /// recommendations to all members and those naming it (<see cref="RecommendationAddressees"/>), so its reports are
    /// filtered and summed here; any other state's are counted pair by pair, for <see cref="TallyCounted"/> to check
    /// against the pairs asked. With <paramref name="inRoundScope"/>, a report counts only if its round covers the
    /// recommendation's output.</summary>
    public static IQueryable<Counted> Counts(this IQueryable<FollowUpReport> inForce, IReadOnlyCollection<int> recommendationIds,
        IReadOnlyCollection<string> steadyMembers, CountedBy by, bool perRound, bool inRoundScope)
    {
        var ids = recommendationIds.ToList();
        var steady = steadyMembers.ToList();
        var rows = inForce.Where(r => ids.Contains(r.RecommendationId)
            && (!inRoundScope || r.Round!.OutputId == null || r.Round.OutputId == r.Recommendation!.OutputId)
            && (!steady.Contains(r.StateCode) || r.Recommendation!.ToAllMembers || r.Recommendation.States.Any(s => s.StateCode == r.StateCode)));
        if (by == CountedBy.Recommendation)
        {
            return rows
                .GroupBy(r => new { RoundKey = perRound ? r.RoundKey : 0, r.RecommendationId, StateCode = steady.Contains(r.StateCode) ? "" : r.StateCode, r.Status })
                .Select(g => new Counted(g.Key.RoundKey, g.Key.RecommendationId, g.Key.StateCode, g.Key.Status, false, g.Count()));
        }
        return rows
            .GroupBy(r => new { RoundKey = perRound ? r.RoundKey : 0, RecommendationId = steady.Contains(r.StateCode) ? 0 : r.RecommendationId, r.StateCode, r.Status, Validated = r.Review == ReviewState.Validated })
            .Select(g => new Counted(g.Key.RoundKey, g.Key.RecommendationId, g.Key.StateCode, g.Key.Status, g.Key.Validated, g.Count()));
    }

    /// <summary><see cref="TallyBy"/> from counts made by the database (<see cref="Counts"/>, one round's): the same
    /// tallies, asked counted over <paramref name="asked"/> here, reported from the counts. <paramref name="keysOf"/>
    /// must depend only on what the counts keep: the recommendation when counted by recommendation, the state when by
    /// state.</summary>
    public static Dictionary<TKey, Tally> TallyCounted<TKey>(
        IEnumerable<Addressed> asked, IEnumerable<Counted> counts, Func<Addressed, IEnumerable<TKey>> keysOf)
        where TKey : notnull
    {
        var tallies = new Dictionary<TKey, Tally>();
        var pairs = new HashSet<Addressed>();
        foreach (var pair in asked)
        {
            pairs.Add(pair);
            foreach (var key in keysOf(pair))
            {
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tallies[key] = tally = new Tally();
                }
                tally.AddAsked();
            }
        }
        foreach (var count in counts)
        {
            var pair = new Addressed(count.RecommendationId, count.StateCode);
            if (count.RecommendationId != 0 && count.StateCode.Length > 0 && !pairs.Contains(pair))
            {
                continue;
            }
            foreach (var key in keysOf(pair))
            {
                if (tallies.TryGetValue(key, out var tally))
                {
                    tally.AddReported(count.Status, count.Count);
                }
            }
        }
        return tallies;
    }

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

    /// <summary>All asked pairs in one tally, from counts made by the database (<see cref="TallyCounted"/>).</summary>
    public static Tally OverallCounted(IEnumerable<Addressed> asked, IEnumerable<Counted> counts) =>
        TallyCounted<bool>(asked, counts, _ => [true]).GetValueOrDefault(true) ?? new Tally();
}
