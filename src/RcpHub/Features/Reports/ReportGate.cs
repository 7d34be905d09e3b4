using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Reports;

/// <summary>The session a report belongs to, as the report pages show it.</summary>
public sealed record ReportSession(int Id, int Position, string Title, string? RapporteurUserId, string? RapporteurName);

/// <summary>The meeting a report belongs to, with what the reader may do with its reports.</summary>
public sealed record ReportMeeting(int Id, string Title, MeetingAudience Audience, MeetingStatus Status, string ProcessSlug, string ProcessName, bool MayAdopt, MeetingReader Reader)
{
    public bool MayWrite(ReportSession session) =>
        AccessRules.MayWriteSessionReport(Reader.UserId, session.RapporteurUserId, Reader.IsPlatformAdministrator, Reader.RolesIn(ProcessId));

    public int ProcessId { get; init; }
}

/// <summary>Reports are read by whoever may see their meeting (<see cref="MeetingOperations.View"/>), and by nobody else:
/// for anyone else the meeting, its sessions and reports do not exist (404), on pages, API and downloads alike.</summary>
public sealed class ReportGate(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization)
{
    public async Task<ReportMeeting?> MeetingAsync(ClaimsPrincipal user, int meetingId, CancellationToken ct)
    {
        var meeting = await db.FindForAccessAsync(meetingId, ct);
        if (meeting is null || !await authorization.MayAsync(user, meeting, MeetingOperations.View))
        {
            return null;
        }
        var reader = await readers.CurrentAsync(user);
        var process = await db.Processes.AsNoTracking().Where(p => p.Id == meeting.ProcessId).Select(p => new { p.Slug, p.Name }).SingleAsync(ct);
        var mayAdopt = AccessRules.Allows(Operation.AdoptMeetingReport, reader.IsPlatformAdministrator, reader.RolesIn(meeting.ProcessId));
        return new ReportMeeting(meeting.Id, meeting.Title, meeting.Audience, meeting.Status, process.Slug, process.Name, mayAdopt, reader) { ProcessId = meeting.ProcessId };
    }

    /// <summary>The meeting report as the printable page shows it by default (the adopted version when there is one, else
    /// the current draft), for a reader who may see it; null when they may not, or when nothing has been written yet.</summary>
    public async Task<string?> ReportHtmlAsync(ClaimsPrincipal user, int meetingId, MeetingLabels labels, IStringLocalizer<ReportsText> t,
        string stylesheet, CancellationToken ct) =>
        await MeetingAsync(user, meetingId, ct) is { } meeting
            && await ReportQueries.MeetingReportAsync(db, meetingId, await ReportQueries.AdoptedNumberAsync(db, meetingId, ct), ct) is { } report
            && (report.Sessions.Count > 0 || report.Introduction is not null)
            ? ReportDocument.Html(meeting, report, await SessionViews.LoadAsync(db, meetingId, ct), labels.Audience(meeting.Audience), t, stylesheet)
            : null;

    public Task<ReportSession?> SessionAsync(int meetingId, int sessionId, CancellationToken ct) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MeetingId == meetingId)
            .Select(s => new ReportSession(s.Id, s.Position, s.Title, s.RapporteurUserId, s.Rapporteur != null ? s.Rapporteur.DisplayName : s.RapporteurName))
            .SingleOrDefaultAsync(ct);
}

public static class ReportsServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportGate>();
        services.AddSingleton<ChromiumPdf>();
        return services;
    }
}
