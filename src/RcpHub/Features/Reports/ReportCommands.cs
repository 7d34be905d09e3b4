using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Reports;

/// <summary>Saving reports, shared by the pages and the API. Every save adds a version; none changes an earlier one.</summary>
public static class ReportCommands
{
    /// <summary>Saves a checked draft as the session report's next version.</summary>
    public static async Task<int> SaveSessionReportAsync(AppDbContext db, TimeProvider clock, int sessionId, string userId, ReportDraft draft, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.Meeting).SingleAsync(s => s.Id == sessionId, ct);
        var number = (await db.SessionReportVersions.Where(v => v.SessionId == sessionId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
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
        db.SessionReportVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return number;
    }

    /// <summary>Saves the meeting report's next version: the introduction with the current report of every session.
    /// Adopting marks that version adopted and the meeting's status "report adopted". Returns the version number, or
    /// null when no session has a report yet (there is nothing to adopt).</summary>
    public static async Task<int?> SaveMeetingReportAsync(AppDbContext db, TimeProvider clock, int meetingId, string userId, string? introduction, bool adopt, CancellationToken ct)
    {
        var sessionReports = await ReportQueries.CurrentSessionReportsAsync(db, meetingId, ct);
        if (adopt && sessionReports.Count == 0)
        {
            return null;
        }
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
        var number = (await db.MeetingReportVersions.Where(v => v.MeetingId == meetingId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var version = new MeetingReportVersion
        {
            Meeting = meeting,
            Number = number,
            Introduction = string.IsNullOrWhiteSpace(introduction) ? null : introduction.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            SavedByUserId = userId,
            SavedAt = now,
            AdoptedAt = adopt ? now : null,
        };
        version.Entries.AddRange(sessionReports.Select(s => new MeetingReportEntry { SessionReportVersionId = s.VersionId }));
        db.MeetingReportVersions.Add(version);
        if (adopt)
        {
            meeting.Status = MeetingStatus.ReportAdopted;
            meeting.UpdatedAt = now;
            meeting.Sequence++;
        }
        await db.SaveChangesAsync(ct);
        return number;
    }

    private static IEnumerable<ReportPoint> Points(ReportPointKind kind, IReadOnlyList<string> texts) =>
        texts.Select((text, i) => new ReportPoint { Kind = kind, Position = i + 1, Text = text });
}
