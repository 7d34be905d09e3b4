using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Reports;

public sealed record ReportPointView(int Id, int Position, string Text);

/// <summary>One version of a session's report, with its session's place in the meeting.</summary>
public sealed record SessionReportView(
    int VersionId, int SessionId, int SessionPosition, string SessionTitle, int Number, string Summary, string? Discussion,
    string SavedBy, DateTimeOffset SavedAt, IReadOnlyList<ReportPointView> KeyPoints, IReadOnlyList<ReportPointView> Recommendations);

public sealed record VersionListItem(int Number, string SavedBy, DateTimeOffset SavedAt, bool Adopted);

/// <summary>A recommendation raised in a session, numbered "session.recommendation" within its meeting; <see cref="Id"/>
/// names this exact text for good (report versions are never changed).</summary>
public sealed record RaisedRecommendation(int Id, string Number, int SessionId, string SessionTitle, string Text);

/// <summary>A meeting report: the introduction and session reports of one version (or of the current draft).</summary>
public sealed record MeetingReportView(
    int MeetingId, int? Number, string? Introduction, string? SavedBy, DateTimeOffset? SavedAt, DateTimeOffset? AdoptedAt,
    IReadOnlyList<SessionReportView> Sessions)
{
    public IReadOnlyList<RaisedRecommendation> Recommendations => Sessions
        .SelectMany(s => s.Recommendations.Select(r => new RaisedRecommendation(r.Id, $"{s.SessionPosition}.{r.Position}", s.SessionId, s.SessionTitle, r.Text)))
        .ToList();
}

/// <summary>Reads reports: each method is one query, whatever the number of sessions and points.</summary>
public static class ReportQueries
{
    private static readonly Expression<Func<SessionReportVersion, SessionReportView>> AsView = v => new SessionReportView(
        v.Id, v.SessionId, v.Session!.Position, v.Session.Title, v.Number, v.Summary, v.Discussion, v.SavedBy!.DisplayName, v.SavedAt,
        v.Points.Where(p => p.Kind == ReportPointKind.KeyPoint).OrderBy(p => p.Position).Select(p => new ReportPointView(p.Id, p.Position, p.Text)).ToList(),
        v.Points.Where(p => p.Kind == ReportPointKind.Recommendation).OrderBy(p => p.Position).Select(p => new ReportPointView(p.Id, p.Position, p.Text)).ToList());

    /// <summary>Version <paramref name="number"/> of a session's report, or its latest when null; null when there is none.</summary>
    public static Task<SessionReportView?> SessionReportAsync(AppDbContext db, int sessionId, int? number, CancellationToken ct) =>
        db.SessionReportVersions.AsNoTracking()
            .Where(v => v.SessionId == sessionId)
            .Where(v => number == null ? v.Number == db.SessionReportVersions.Where(x => x.SessionId == sessionId).Max(x => x.Number) : v.Number == number)
            .Select(AsView)
            .SingleOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<VersionListItem>> SessionVersionsAsync(AppDbContext db, int sessionId, CancellationToken ct) =>
        await db.SessionReportVersions.AsNoTracking().Where(v => v.SessionId == sessionId).OrderByDescending(v => v.Number)
            .Select(v => new VersionListItem(v.Number, v.SavedBy!.DisplayName, v.SavedAt, false)).ToListAsync(ct);

    /// <summary>The latest report of every session of a meeting, in session order.</summary>
    public static async Task<IReadOnlyList<SessionReportView>> CurrentSessionReportsAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        await db.SessionReportVersions.AsNoTracking()
            .Where(v => v.Session!.MeetingId == meetingId && v.Number == db.SessionReportVersions.Where(x => x.SessionId == v.SessionId).Max(x => x.Number))
            .OrderBy(v => v.Session!.Position).ThenBy(v => v.SessionId)
            .Select(AsView)
            .ToListAsync(ct);

    /// <summary>The number of the meeting report's latest adopted version; null when it was never adopted.</summary>
    public static Task<int?> AdoptedNumberAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        db.MeetingReportVersions.AsNoTracking().Where(v => v.MeetingId == meetingId && v.AdoptedAt != null).MaxAsync(v => (int?)v.Number, ct);

    public static async Task<IReadOnlyList<VersionListItem>> MeetingVersionsAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        await db.MeetingReportVersions.AsNoTracking().Where(v => v.MeetingId == meetingId).OrderByDescending(v => v.Number)
            .Select(v => new VersionListItem(v.Number, v.SavedBy!.DisplayName, v.SavedAt, v.AdoptedAt != null)).ToListAsync(ct);

    /// <summary>Version <paramref name="number"/> of a meeting's report as it was saved; or, when null, the current draft:
    /// the latest introduction with the latest report of every session. Null for a version that does not exist.</summary>
    public static async Task<MeetingReportView?> MeetingReportAsync(AppDbContext db, int meetingId, int? number, CancellationToken ct)
    {
        var version = await db.MeetingReportVersions.AsNoTracking()
            .Where(v => v.MeetingId == meetingId)
            .OrderByDescending(v => v.Number)
            .Where(v => number == null || v.Number == number)
            .Select(v => new { v.Id, v.Number, v.Introduction, SavedBy = v.SavedBy!.DisplayName, v.SavedAt, v.AdoptedAt })
            .FirstOrDefaultAsync(ct);
        if (number is null)
        {
            var current = await CurrentSessionReportsAsync(db, meetingId, ct);
            return new MeetingReportView(meetingId, null, version?.Introduction, null, null, null, current);
        }
        if (version is null)
        {
            return null;
        }
        var sessions = await db.SessionReportVersions.AsNoTracking()
            .Where(s => db.Set<MeetingReportEntry>().Any(e => e.MeetingReportVersionId == version.Id && e.SessionReportVersionId == s.Id))
            .OrderBy(s => s.Session!.Position).ThenBy(s => s.SessionId)
            .Select(AsView)
            .ToListAsync(ct);
        return new MeetingReportView(meetingId, version.Number, version.Introduction, version.SavedBy, version.SavedAt, version.AdoptedAt, sessions);
    }
}
