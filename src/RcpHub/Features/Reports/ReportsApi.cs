using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Reports;

/// <summary>Session and meeting reports in JSON under /api/v1. Reading follows the meeting's audience: outside it, the
/// meeting, its sessions and reports are "not found". Writing a session report is for its rapporteur or the secretariat
/// (<see cref="AccessRules.MayWriteSessionReport"/>); adopting the meeting report for the chair or the secretariat.</summary>
public static class ReportsApi
{
    /// <summary>A meeting report with the number of its adopted version, if any.</summary>
    public sealed record MeetingReportAnswer(MeetingReportView Report, int? AdoptedVersion, IReadOnlyList<VersionListItem> Versions);

    public sealed record AdoptionRequest([property: MultiLine] string? Introduction);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{id:int}/sessions/{sessionId:int}/report", GetSessionReportAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetSessionReport").WithSummary("A session's report: its latest version, or version ?version=n.")
            .Produces<SessionReportView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/report", WriteSessionReportAsync).Requires(Operation.WriteSessionReport)
            .WithName("WriteSessionReport").WithSummary("Saves a new version of a session's report (its rapporteur or the secretariat).")
            .Produces<SessionReportView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("summary");
        api.MapGet("/meetings/{id:int}/report", GetMeetingReportAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetMeetingReport").WithSummary("A meeting's report (current draft, or version ?version=n) with the recommendations raised.")
            .Produces<MeetingReportAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/meetings/{id:int}/report/adoption", AdoptAsync).Requires(Operation.AdoptMeetingReport)
            .WithName("AdoptMeetingReport").WithSummary("Adopts the meeting report: freezes the current session reports with the introduction given.")
            .Produces<MeetingReportView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<SessionReportView>, ProblemHttpResult>> GetSessionReportAsync(
        int id, int sessionId, int? version, ClaimsPrincipal user, AppDbContext db, ReportGate gate, CancellationToken ct) =>
        await gate.MeetingAsync(user, id, ct) is not null && await gate.SessionAsync(id, sessionId, ct) is not null
            && await ReportQueries.SessionReportAsync(db, sessionId, version, ct) is { } report
            ? TypedResults.Ok(report)
            : NotFound("Report not found", "There is no report of this session that you may see (yet).");

    private static async Task<Results<Ok<SessionReportView>, ValidationProblem, ProblemHttpResult>> WriteSessionReportAsync(
        AddressedProcess process, int id, int sessionId, ReportDraft draft, ClaimsPrincipal user, AppDbContext db, ReportGate gate, TimeProvider clock,
        IStringLocalizer<ReportsText> t, CancellationToken ct)
    {
        if (await gate.MeetingAsync(user, id, ct) is not { } meeting || meeting.ProcessSlug != process.Slug
            || await gate.SessionAsync(id, sessionId, ct) is not { } session)
        {
            return NoMeeting();
        }
        if (!meeting.MayWrite(session))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Only the session's rapporteur or the secretariat may write its report. Nothing has been saved.");
        }
        var errors = draft.Check();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => t[e.Message].Value).ToArray()),
                title: "The report could not be saved.");
        }
        if (await ReportCommands.SaveSessionReportAsync(db, clock, sessionId, meeting.Reader.UserId!, draft, ct) is not { } number)
        {
            return Collided(t);
        }
        return TypedResults.Ok((await ReportQueries.SessionReportAsync(db, sessionId, number, ct))!);
    }

    private static async Task<Results<Ok<MeetingReportAnswer>, ProblemHttpResult>> GetMeetingReportAsync(
        int id, int? version, ClaimsPrincipal user, AppDbContext db, ReportGate gate, CancellationToken ct)
    {
        if (await gate.MeetingAsync(user, id, ct) is null || await ReportQueries.MeetingReportAsync(db, id, version, ct) is not { } report)
        {
            return NoMeeting();
        }
        var versions = await ReportQueries.MeetingVersionsAsync(db, id, ct);
        return TypedResults.Ok(new MeetingReportAnswer(report, versions.FirstOrDefault(v => v.Adopted)?.Number, versions));
    }

    private static async Task<Results<Created<MeetingReportView>, ValidationProblem, ProblemHttpResult>> AdoptAsync(
        AddressedProcess process, int id, AdoptionRequest request, ClaimsPrincipal user, AppDbContext db, ReportGate gate, TimeProvider clock,
        Delegations.MeetingNotices notices, IStringLocalizer<ReportsText> t, CancellationToken ct)
    {
        if (await gate.MeetingAsync(user, id, ct) is not { } meeting || meeting.ProcessSlug != process.Slug)
        {
            return NoMeeting();
        }
        if ((request.Introduction?.Trim().Length ?? 0) > ReportLimits.Discussion)
        {
            return Invalid("introduction", t["The introduction is too long (20,000 characters at most)."]);
        }
        if (await ReportCommands.AdoptionRefusalAsync(db, clock, id, request.Introduction, t, ct) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["The report cannot be adopted now."], detail: refusal);
        }
        if (await ReportCommands.SaveMeetingReportAsync(db, clock, notices, id, meeting.Reader.UserId!, request.Introduction, adopt: true, ct) is not { } number)
        {
            return Invalid("sessions", t["No session report has been written yet: there is nothing to adopt."]);
        }
        if (number == ReportCommands.Collided)
        {
            return Collided(t);
        }
        return TypedResults.Created($"/api/v1/meetings/{id}/report?version={number}", (await ReportQueries.MeetingReportAsync(db, id, number, ct))!);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The report could not be saved.");

    private static ProblemHttpResult Collided(IStringLocalizer<ReportsText> t) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Saved by someone else meanwhile",
            detail: t["Someone else saved this report at the same moment. Nothing of yours was saved: check the latest version and save again."]);

    private static ProblemHttpResult NoMeeting() =>
        NotFound("Meeting not found", "There is no meeting with this id that you may see.");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
