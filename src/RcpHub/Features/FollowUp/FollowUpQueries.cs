using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>A recommendation as the follow-up pages show it.</summary>
public sealed record AskedRecommendation(int Id, int OutputId, string OutputTitle, int Number, string Text, string OriginalLanguage);

/// <summary>One line of a state's grid: a recommendation addressed to it, and the report in force on it (if any).</summary>
public sealed record GridRow(AskedRecommendation Recommendation, ReportView? Current);

/// <summary>One evidence file of a report (its bytes are fetched only when downloaded).</summary>
public sealed record EvidenceFileView(int Id, string FileName, long Length);

/// <summary>One saved report, as its history shows it.</summary>
public sealed record ReportView(
    int Id, int RecommendationId, string StateCode, int RoundKey, string? RoundTitle, int Sequence, bool IsLatest,
    ImplementationStatus Status, string? Action, string? ResponsibleMinistry, string? EvidenceText, IReadOnlyList<string> EvidenceLinks,
    DateOnly On, string ReportedBy, DateTimeOffset ReportedAt, ReviewState Review, string? ReviewNote, DateTimeOffset? ReviewedAt,
    IReadOnlyList<EvidenceFileView> Files);

/// <summary>A member state of the process with the tally of the recommendations asked of it.</summary>
public sealed record StateProgress(string Code, string Name, Tally Tally);

/// <summary>The round a report made now goes into: the evaluation round open now for the recommendation's output, or none.</summary>
public sealed record OpenRound(int Id, string Title, DateTimeOffset DeadlineAt);

/// <summary>Reading follow-up: what is asked of a state, what it reported, in what round. Recommendations come only from
/// adopted outputs the reader may read (<see cref="OutputAccess"/>); who is asked, from <see cref="RecommendationAddressees"/>;
/// what is in force, from <see cref="FollowUpProgress"/>.</summary>
public static class FollowUpQueries
{
    private static IQueryable<Recommendation> Adopted(AppDbContext db, int processId, MeetingReader reader) =>
        db.Outputs.AsNoTracking().Where(o => o.ProcessId == processId && o.AdoptedOn != null)
            .VisibleRecommendations(reader)
            .Include(r => r.States).Include(r => r.Output);

    public static async Task<HashSet<string>> MemberStatesAsync(AppDbContext db, int processId, DateOnly today, CancellationToken ct) =>
        (await db.Memberships.MemberStatesOf(processId, today).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    private static AskedRecommendation View(Recommendation r) => new(r.Id, r.OutputId, r.Output!.Title, r.Number, r.Text, r.OriginalLanguage);

    /// <summary>The recommendations addressed to <paramref name="stateCode"/>, in output and number order.</summary>
    public static async Task<List<AskedRecommendation>> AskedOfAsync(
        AppDbContext db, int processId, string stateCode, MeetingReader reader, IReadOnlySet<string> members, CancellationToken ct) =>
        (await Adopted(db, processId, reader).Where(r => r.ToAllMembers || r.States.Any(s => s.StateCode == stateCode)).ToListAsync(ct))
            .Where(r => RecommendationAddressees.IsAddressedTo(r, stateCode, members))
            .OrderBy(r => r.OutputId).ThenBy(r => r.Number)
            .Select(View).ToList();

    /// <summary>One recommendation the reader may read, of an adopted output of the process, if addressed to the state.</summary>
    public static async Task<(AskedRecommendation? Found, bool Addressed)> RecommendationAsync(
        AppDbContext db, int processId, int recommendationId, string stateCode, MeetingReader reader, IReadOnlySet<string> members, CancellationToken ct)
    {
        var r = await Adopted(db, processId, reader).Where(r => r.Id == recommendationId).FirstOrDefaultAsync(ct);
        return r is null ? (null, false) : (View(r), RecommendationAddressees.IsAddressedTo(r, stateCode, members));
    }

    /// <summary>Whether a grid exists for the state: a current member, or named by a recommendation of the process.</summary>
    public static async Task<bool> IsAskedStateAsync(AppDbContext db, int processId, string stateCode, IReadOnlySet<string> members, CancellationToken ct) =>
        members.Contains(stateCode) || await db.Recommendations.AnyAsync(r => r.Output!.ProcessId == processId && r.States.Any(s => s.StateCode == stateCode), ct);

    /// <summary>A state's grid: every recommendation asked of it with the report in force, whichever round it was made in.</summary>
    public static async Task<List<GridRow>> GridAsync(
        AppDbContext db, int processId, string stateCode, MeetingReader reader, IReadOnlySet<string> members, CancellationToken ct)
    {
        var asked = await AskedOfAsync(db, processId, stateCode, reader, members, ct);
        var ids = asked.Select(a => a.Id).ToList();
        var inForce = FollowUpProgress.LatestAcrossRounds(
            await db.FollowUpReports.Where(r => r.StateCode == stateCode && ids.Contains(r.RecommendationId)).InForce(processId, null).ToListAsync(ct));
        var latest = (await Reports(db, db.FollowUpReports.Where(r => r.ProcessId == processId && r.StateCode == stateCode && r.IsLatest && ids.Contains(r.RecommendationId))).ToListAsync(ct))
            .ToLookup(r => (r.RecommendationId, r.RoundKey));
        return asked.Select(a => new GridRow(a,
                inForce.TryGetValue(new Addressed(a.Id, stateCode), out var s) ? latest[(a.Id, s.RoundKey)].FirstOrDefault() : null))
            .ToList();
    }

    /// <summary>Every report of the state on the recommendation, newest first.</summary>
    public static Task<List<ReportView>> HistoryAsync(AppDbContext db, int processId, int recommendationId, string stateCode, CancellationToken ct) =>
        Reports(db, db.FollowUpReports.Where(r => r.ProcessId == processId && r.RecommendationId == recommendationId && r.StateCode == stateCode)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)).ToListAsync(ct);

    private static IQueryable<ReportView> Reports(AppDbContext db, IQueryable<FollowUpReport> reports) =>
        reports.AsNoTracking().Select(r => new ReportView(
            r.Id, r.RecommendationId, r.StateCode, r.RoundKey, r.Round == null ? null : r.Round.Title, r.Sequence, r.IsLatest,
            r.Status, r.Action, r.ResponsibleMinistry, r.EvidenceText, r.EvidenceLinks,
            r.On, r.ReportedBy!.DisplayName, r.ReportedAt, r.Review, r.ReviewNote, r.ReviewedAt,
            db.FollowUpEvidenceFiles.Where(f => f.ReportId == r.Id).OrderBy(f => f.Id).Select(f => new EvidenceFileView(f.Id, f.FileName, f.Length)).ToList()));

    /// <summary>The evaluation round open now for the output, if any (the latest opened when several are).</summary>
    public static async Task<OpenRound?> OpenRoundAsync(AppDbContext db, int processId, int outputId, DateTimeOffset now, CancellationToken ct) =>
        (await OpenRoundsAsync(db, processId, [outputId], now, ct))[outputId];

    /// <summary>For each output, the evaluation round open now for it, if any (the latest opened when several are), read
    /// with one query. Which rounds are open is <see cref="EvaluationRound.IsOpen"/>'s to say, checked here on the few
    /// rounds that opened already.</summary>
    public static async Task<Dictionary<int, OpenRound?>> OpenRoundsAsync(AppDbContext db, int processId, IReadOnlyCollection<int> outputIds, DateTimeOffset now, CancellationToken ct)
    {
        var open = (await db.EvaluationRounds.AsNoTracking()
                .Where(r => r.ProcessId == processId && r.OpensAt <= now)
                .Select(r => new { r.Id, r.Title, r.OutputId, r.OpensAt, r.DeadlineAt, r.ClosedAt })
                .ToListAsync(ct))
            .Where(r => EvaluationRound.IsOpen(r.OpensAt, r.ClosedAt, r.DeadlineAt, now))
            .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id)
            .ToList();
        return outputIds.Distinct().ToDictionary(o => o, o => open.Where(r => r.OutputId == null || r.OutputId == o)
            .Select(r => new OpenRound(r.Id, r.Title, r.DeadlineAt)).FirstOrDefault());
    }

    /// <summary>Each state asked by the process's adopted outputs, with its tally, counted by the database (<see cref="FollowUpProgress.Counts"/>)
    /// or held from an earlier count while no report of these outputs changed (<see cref="FollowUpCountCache"/>: the
    /// outputs' versions come with the recommendations).</summary>
    public static async Task<List<StateProgress>> StatesAsync(AppDbContext db, FollowUpCountCache cache, int processId, MeetingReader reader,
        IReadOnlySet<string> members, string language, CancellationToken ct)
    {
        // Only what the count and the addressee rule read: not the recommendations' texts nor their outputs' rows.
        var recommendations = (await db.Outputs.AsNoTracking().Where(o => o.ProcessId == processId && o.AdoptedOn != null)
                .VisibleRecommendations(reader)
                // The named states joined by the database: one row per recommendation (JoinedList).
                .Select(r => new { r.Id, r.OutputId, r.ToAllMembers, States = r.States.GroupBy(s => s.RecommendationId).Select(g => string.Join(",", g.Select(s => s.StateCode))).FirstOrDefault(), r.Output!.FollowUpVersion })
                .ToListAsync(ct))
            .Select(r => (r.Id, r.OutputId, r.FollowUpVersion, Recommendation: new Recommendation
            {
                Id = r.Id, OriginalLanguage = "", Text = "", ToAllMembers = r.ToAllMembers,
                States = JoinedList.Codes(r.States).Select(s => new RecommendationState { StateCode = s }).ToList(),
            }))
            .ToList();
        var key = FollowUpCountCache.KeyOf($"latest:{processId}:{CountedBy.State}", recommendations.Select(r => r.FollowUpVersion).Distinct(),
            FollowUpCountCache.Digest(recommendations.Select(r => (r.Id, r.OutputId, r.Recommendation.ToAllMembers, r.Recommendation.States.Select(s => s.StateCode))), members));
        // The finished tallies are held under the same key as the counts they are made of: a view of an unchanged
        // dashboard neither counts nor tallies.
        if (cache.Made<Dictionary<string, Tally>>("tallies|" + key) is not { } tallies)
        {
            var ids = recommendations.Select(r => r.Id).ToList();
            var counts = await cache.GetOrCountAsync(key, () => db.FollowUpReports.AsNoTracking().LatestAcrossRoundsReports(processId)
                .Counts(ids, members, CountedBy.State, perRound: false, inRoundScope: false).ToListAsync(ct));
            var asked = recommendations.SelectMany(r => RecommendationAddressees.StatesOf(r.Recommendation, members).Select(s => new Addressed(r.Id, s)));
            tallies = FollowUpProgress.TallyCounted<string>(asked, counts, a => [a.StateCode]);
            cache.Keep("tallies|" + key, tallies, tallies.Count);
        }
        var codes = Enumerable.Concat(members, tallies.Keys).Distinct().ToList();
        var names = await db.States.NamesAsync(codes, language, ct);
        return codes.Select(c => new StateProgress(c, names.GetValueOrDefault(c) ?? c, tallies.GetValueOrDefault(c) ?? new Tally()))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
    }

    public static async Task<string?> StateNameAsync(AppDbContext db, string code, string language, CancellationToken ct) =>
        (await db.States.AsNoTracking().Where(s => s.Code == code).ToListAsync(ct)).Select(s => s.Name(language)).FirstOrDefault();
}
