using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Reports;

/// <summary>Saving reports, shared by the pages and the API. Every save adds a version; none changes an earlier one.</summary>
public static class ReportCommands
{
    /// <summary>The meeting report's "version number" when other saves at the same instant took the number twice.</summary>
    public const int Collided = 0;

    /// <summary>Saves a checked draft as the session report's next version. Returns its number, or null when other saves
    /// of the same report at the same instant took the number twice (<see cref="NumberedSave"/>): nothing is then saved.</summary>
    public static async Task<int?> SaveSessionReportAsync(AppDbContext db, TimeProvider clock, int sessionId, string userId, ReportDraft draft, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.Meeting).SingleAsync(s => s.Id == sessionId, ct);
        var number = 0;
        return await NumberedSave.TrySaveAsync(db, async () =>
        {
            number = (await db.SessionReportVersions.Where(v => v.SessionId == sessionId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            db.SessionReportVersions.Add(SessionVersion(session, number, userId, draft, clock));
        }, ct) ? number : null;
    }

    private static SessionReportVersion SessionVersion(Session session, int number, string userId, ReportDraft draft, TimeProvider clock)
    {
        var version = new SessionReportVersion
        {
            Session = session,
            Number = number,
            Summary = draft.Summary!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            Discussion = string.IsNullOrWhiteSpace(draft.Discussion) ? null : draft.Discussion.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            SavedByUserId = userId,
            SavedAt = clock.GetUtcNow(),
        };
        version.Points.AddRange(Points(ReportPointKind.KeyPoint, draft.CleanKeyPoints));
        version.Points.AddRange(Points(ReportPointKind.Recommendation, draft.CleanRecommendations));
        return version;
    }

    /// <summary>Why the meeting report may not be adopted now, in the reader's language; null when it may. A report is
    /// adopted once the meeting has started and was not cancelled, and adopting again needs something to adopt: a session
    /// report or the introduction changed since the last adoption (an identical adoption would only rewrite its date).</summary>
    public static async Task<string?> AdoptionRefusalAsync(
        AppDbContext db, TimeProvider clock, int meetingId, string? introduction, IStringLocalizer<ReportsText> t, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Status, m.StartsAtUtc }).SingleAsync(ct);
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            return t["The meeting was cancelled: there is no report to adopt."];
        }
        if (meeting.StartsAtUtc > clock.GetUtcNow())
        {
            return t["The meeting has not started yet: its report can be adopted once it has been held."];
        }
        var adopted = await db.MeetingReportVersions.AsNoTracking().Where(v => v.MeetingId == meetingId && v.AdoptedAt != null)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Introduction, Sessions = v.Entries.Select(e => e.SessionReportVersionId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (adopted is null)
        {
            return null;
        }
        var current = await ReportQueries.CurrentSessionReportsAsync(db, meetingId, ct);
        var unchanged = adopted.Introduction == Clean(introduction)
            && adopted.Sessions.Order().SequenceEqual(current.Select(s => s.VersionId).Order());
        return unchanged ? t["Nothing has changed since the report was last adopted."].Value : null;
    }

    private static string? Clean(string? introduction) =>
        string.IsNullOrWhiteSpace(introduction) ? null : introduction.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Saves the meeting report's next version: the introduction with the current report of every session.
    /// Adopting marks that version adopted and the meeting's status "report adopted". Returns the version number, or
    /// null when no session has a report yet (there is nothing to adopt), or <see cref="Collided"/> when other saves of the meeting report at
    /// the same instant took the number twice (<see cref="NumberedSave"/>): nothing is then saved.</summary>
    public static async Task<int?> SaveMeetingReportAsync(AppDbContext db, TimeProvider clock, Delegations.MeetingNotices notices, int meetingId, string userId,
        string? introduction, bool adopt, CancellationToken ct)
    {
        var sessionReports = await ReportQueries.CurrentSessionReportsAsync(db, meetingId, ct);
        if (adopt && sessionReports.Count == 0)
        {
            return null;
        }
        var meeting = await db.Meetings.Include(m => m.ParticipatingProcesses).Include(m => m.Invitees).SingleAsync(m => m.Id == meetingId, ct);
        var now = clock.GetUtcNow();
        // Outside the retry: the meeting stays tracked as changed, so a retry must not change it twice.
        if (adopt)
        {
            meeting.Status = MeetingStatus.ReportAdopted;
            meeting.UpdatedAt = now;
            meeting.Sequence++;
        }
        var number = 0;
        var saved = await NumberedSave.TrySaveAsync(db, async () =>
        {
            number = (await db.MeetingReportVersions.Where(v => v.MeetingId == meetingId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            var version = new MeetingReportVersion
            {
                Meeting = meeting,
                Number = number,
                Introduction = Clean(introduction),
                SavedByUserId = userId,
                SavedAt = now,
                AdoptedAt = adopt ? now : null,
            };
            version.Entries.AddRange(sessionReports.Select(s => new MeetingReportEntry { SessionReportVersionId = s.VersionId }));
            db.MeetingReportVersions.Add(version);
            if (adopt)
            {
                // Inside the retry: a collision forgets what was added, the mails with the rest.
                await notices.ReportAdoptedAsync(meeting, number, ct);
            }
        }, ct);
        if (!saved)
        {
            return Collided;
        }
        await notices.DeliverAsync(ct);
        return number;
    }

    private static IEnumerable<ReportPoint> Points(ReportPointKind kind, IReadOnlyList<string> texts) =>
        texts.Select((text, i) => new ReportPoint { Kind = kind, Position = i + 1, Text = text });
}
