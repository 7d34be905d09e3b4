using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>Meetings in JSON under /api/v1. Reading is open to anyone and answers what <see cref="MeetingAccess"/> lets the
/// caller see: a meeting outside the caller's audience is "not found", exactly like one that does not exist. Writing
/// is for the secretariat of the process named in the address.</summary>
public static class MeetingsApi
{
    public sealed record MeetingListItem(
        int Id, string Title, string ProcessSlug, string ProcessAcronym, MeetingLevel Level, MeetingFormat Format, MeetingStatus Status,
        MeetingAudience Access, bool SummaryOnly, DateTimeOffset StartsAtUtc, DateTimeOffset EndsAtUtc, string TimeZone,
        string StartsAtVenue, string EndsAtVenue, string? HostStateCode, string? Venue, bool Online, string Url);

    public sealed record MeetingListPage(IReadOnlyList<MeetingListItem> Items, bool Past, int Page, int PageSize, int PageCount, int UpcomingCount, int PastCount);

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/processes/{slug}/meetings", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListMeetings").WithSummary("The meetings of a process the caller may see, upcoming (or past with when=past), 50 a page.")
            .Produces<MeetingListPage>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/meetings/{id:int}", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetMeeting").WithSummary("A meeting with its agenda, sessions and invitees; only its public summary to those outside its audience.")
            .Produces<MeetingView>().Produces<MeetingSummaryView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:int}/agenda", GetAgendaAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetMeetingAgenda").WithSummary("A meeting's agenda items in order, each with its forwarding path.")
            .Produces<IReadOnlyList<AgendaItemView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:int}/sessions", GetSessionsAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetMeetingSessions").WithSummary("A meeting's sessions with guiding questions, chair, speakers and rapporteur.")
            .Produces<IReadOnlyList<SessionView>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/processes/{slug}/meetings", CreateAsync).Requires(Operation.ScheduleMeetings)
            .WithName("ScheduleMeeting").WithSummary("Schedules a meeting of the process (times on the venue's clock, in timeZone; themeIds from the themes list and gcmObjectives 1-23 tag it and everything it holds in the library).")
            .Produces<MeetingView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/processes/{slug}/meetings/{id:int}", UpdateAsync).Requires(Operation.ScheduleMeetings)
            .WithName("UpdateMeeting").WithSummary("Changes a meeting of the process: every field, as when scheduling it (themeIds and gcmObjectives left out remove its themes and objectives).")
            .Produces<MeetingView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/meetings/{id:int}/agenda", AddAgendaItemAsync).Requires(Operation.ScheduleMeetings)
            .WithName("AddAgendaItem").WithSummary("Adds an item at the end of a meeting's agenda.")
            .Produces<AgendaItemView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/meetings/{id:int}/agenda/{itemId:int}/forward", ForwardAgendaItemAsync).Requires(Operation.ScheduleMeetings)
            .WithName("ForwardAgendaItem").WithSummary("Forwards an agenda item to a later meeting of the process, of the same or a higher level.")
            .Produces<AgendaItemView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RefusesWithout("targetMeetingId");
        api.MapPost("/processes/{slug}/meetings/{id:int}/sessions", AddSessionAsync).Requires(Operation.ScheduleMeetings)
            .WithName("AddSession").WithSummary("Adds a session (with its speakers, if given) to a meeting.")
            .Produces<SessionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}", UpdateSessionAsync).Requires(Operation.ScheduleMeetings)
            .WithName("UpdateSession").WithSummary("Changes a session; its speakers are replaced when given.")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public sealed record ForwardRequest(int TargetMeetingId);

    private static async Task<Results<Ok<MeetingListPage>, ProblemHttpResult>> ListAsync(
        AddressedProcess process, MeetingLevel? level, MeetingFormat? format, MeetingStatus? status, string? q, string? when, int? page,
        ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var past = when == "past";
        var result = await MeetingList.ForProcessAsync(db, await readers.CurrentAsync(user), process.Id,
            new MeetingFilter(level, format, status, q, past, page ?? 1), clock.GetUtcNow(), ct);
        var site = MeetingCalendar.Site(request);
        return TypedResults.Ok(new MeetingListPage(
            result.Rows.Select(r => new MeetingListItem(r.Id, r.Title, r.ProcessSlug, r.ProcessAcronym, r.Level, r.Format, r.Status, r.Audience, r.SummaryOnly,
                r.StartsAtUtc, r.EndsAtUtc, r.TimeZoneId, TimeZones.InputValue(r.StartsAtUtc, r.TimeZoneId), TimeZones.InputValue(r.EndsAtUtc, r.TimeZoneId),
                r.HostStateCode, r.Venue, r.Online, new Uri(site, $"/api/v1/meetings/{r.Id}").AbsoluteUri)).ToList(),
            past, result.Page, MeetingFilter.PageSize, result.PageCount(past), result.UpcomingCount, result.PastCount));
    }

    private static async Task<Results<Ok<MeetingView>, Ok<MeetingSummaryView>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct)
    {
        var meeting = await db.FindForAccessAsync(id, ct);
        if (meeting is not null && await authorization.MayAsync(user, meeting, MeetingOperations.View))
        {
            return TypedResults.Ok(await MeetingDetails.LoadAsync(db, await readers.CurrentAsync(user), meeting, ct));
        }
        if (meeting is not null && await authorization.MayAsync(user, meeting, MeetingOperations.ViewSummary))
        {
            return TypedResults.Ok(await MeetingDetails.LoadSummaryAsync(db, meeting, ct));
        }
        return NoMeeting();
    }

    private static async Task<Results<Ok<IReadOnlyList<AgendaItemView>>, ProblemHttpResult>> GetAgendaAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct) =>
        await VisibleAsync(id, user, db, readers, authorization, ct) is { } view ? TypedResults.Ok(view.Agenda) : NoMeeting();

    private static async Task<Results<Ok<IReadOnlyList<SessionView>>, ProblemHttpResult>> GetSessionsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct) =>
        await VisibleAsync(id, user, db, readers, authorization, ct) is { } view ? TypedResults.Ok(view.Sessions) : NoMeeting();

    private static async Task<Results<Created<MeetingView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        AddressedProcess process, MeetingInput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        var (errors, starts, ends) = await CheckAsync(input, () => input.CheckAsync(db, process.Id, t, ct), t);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var meeting = await MeetingCommands.ScheduleAsync(db, clock, process.Id, input, starts, ends, ct);
        var view = await SavedAsync(db, readers, user, meeting.Id, ct);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", view);
    }

    private static async Task<Results<Ok<MeetingView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AddressedProcess process, int id, MeetingInput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        Delegations.MeetingNotices notices, IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        if (await FindToChangeAsync(db, process, id, ct) is not { } meeting)
        {
            return NoMeeting();
        }
        var (errors, starts, ends) = await CheckAsync(input, () => input.CheckAsync(db, meeting.ProcessId, t, ct), t);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        await MeetingCommands.UpdateAsync(db, clock, notices, meeting, input, starts, ends, ct);
        return TypedResults.Ok(await SavedAsync(db, readers, user, id, ct));
    }

    private static async Task<Results<Created<AgendaItemView>, ValidationProblem, ProblemHttpResult>> AddAgendaItemAsync(
        AddressedProcess process, int id, AgendaItemInput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        if (await FindToChangeAsync(db, process, id, ct) is not { } meeting)
        {
            return NoMeeting();
        }
        var (errors, starts, ends) = await CheckAsync(input, () => AgendaCommands.CheckAsync(db, meeting, input, t, ct), t);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var item = AgendaCommands.Add(meeting, await AgendaCommands.LoadAsync(db, meeting, ct), input, starts, ends);
        await MeetingCommands.TouchAndSaveAsync(db, clock, meeting, ct);
        var view = await SavedAsync(db, readers, user, id, ct);
        return TypedResults.Created($"/api/v1/meetings/{id}/agenda", view.Agenda.Single(i => i.Id == item.Id));
    }

    private static async Task<Results<Created<AgendaItemView>, ValidationProblem, ProblemHttpResult>> ForwardAgendaItemAsync(
        AddressedProcess process, int id, int itemId, ForwardRequest request, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        if (await FindToChangeAsync(db, process, id, ct) is not { } meeting
            || await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct) is not { } item)
        {
            return NoMeeting();
        }
        var (forwarded, error) = await AgendaCommands.ForwardAsync(db, clock, meeting, item, request.TargetMeetingId, t, ct);
        if (forwarded is null)
        {
            return Invalid([new FieldError(nameof(ForwardRequest.TargetMeetingId), error!)]);
        }
        var view = await SavedAsync(db, readers, user, forwarded.MeetingId, ct);
        return TypedResults.Created($"/api/v1/meetings/{view.Id}/agenda", view.Agenda.Single(i => i.Id == forwarded.Id));
    }

    private static async Task<Results<Created<SessionView>, ValidationProblem, ProblemHttpResult>> AddSessionAsync(
        AddressedProcess process, int id, SessionInput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        if (await FindToChangeAsync(db, process, id, ct) is not { } meeting)
        {
            return NoMeeting();
        }
        var (errors, starts, ends) = await CheckAsync(input, () => SessionCommands.CheckAsync(db, meeting, input, t, ct), t);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var next = (await db.Sessions.Where(s => s.MeetingId == id).MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
        var session = await SessionCommands.SaveAsync(db, meeting, null, input, starts, ends, next, ct);
        await MeetingCommands.TouchAndSaveAsync(db, clock, meeting, ct);
        var view = await SavedAsync(db, readers, user, id, ct);
        return TypedResults.Created($"/api/v1/meetings/{id}/sessions", view.Sessions.Single(s => s.Id == session.Id));
    }

    private static async Task<Results<Ok<SessionView>, ValidationProblem, ProblemHttpResult>> UpdateSessionAsync(
        AddressedProcess process, int id, int sessionId, SessionInput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<MeetingsText> t, CancellationToken ct)
    {
        if (await FindToChangeAsync(db, process, id, ct) is not { } meeting
            || await db.Sessions.Include(s => s.People).SingleOrDefaultAsync(s => s.Id == sessionId && s.MeetingId == id, ct) is not { } session)
        {
            return NoMeeting();
        }
        var (errors, starts, ends) = await CheckAsync(input, () => SessionCommands.CheckAsync(db, meeting, input, t, ct), t);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        await SessionCommands.SaveAsync(db, meeting, session, input, starts, ends, session.Position, ct);
        await MeetingCommands.TouchAndSaveAsync(db, clock, meeting, ct);
        var view = await SavedAsync(db, readers, user, id, ct);
        return TypedResults.Ok(view.Sessions.Single(s => s.Id == sessionId));
    }

    private static async Task<MeetingView?> VisibleAsync(int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct)
    {
        var meeting = await db.FindForAccessAsync(id, ct);
        return meeting is not null && await authorization.MayAsync(user, meeting, MeetingOperations.View)
            ? await MeetingDetails.LoadAsync(db, await readers.CurrentAsync(user), meeting, ct)
            : null;
    }

    /// <summary>A meeting as it now is, for the answer to a change its secretariat just made (and so may see).</summary>
    private static async Task<MeetingView> SavedAsync(AppDbContext db, MeetingReaders readers, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await MeetingDetails.LoadAsync(db, await readers.CurrentAsync(user), (await db.FindForAccessAsync(id, ct))!, ct);

    private static Task<Meeting?> FindToChangeAsync(AppDbContext db, AddressedProcess process, int id, CancellationToken ct) =>
        MeetingCommands.FindToChangeAsync(db, process.Id, id, ct);

    /// <summary>The attributes of the input (which minimal APIs do not check by themselves), then its own checks.</summary>
    private static async Task<(List<FieldError> Errors, TStart Starts, TEnd Ends)> CheckAsync<TStart, TEnd>(
        object input, Func<Task<(List<FieldError> Errors, TStart Starts, TEnd Ends)>> check, IStringLocalizer<MeetingsText> t)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results.SelectMany(r => r.MemberNames.Select(m => new FieldError(m, t[r.ErrorMessage ?? ""]))).ToList();
        if (errors.Count > 0)
        {
            return (errors, default!, default!);
        }
        return await check();
    }

    private static ValidationProblem Invalid(IEnumerable<FieldError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
        title: "The meeting could not be saved.");

    /// <summary>"Speakers[0].Name" → "speakers[0].name": the names the JSON body uses.</summary>
    private static string JsonName(string field) => string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    // The same answer for a meeting that does not exist and for one the caller may not see: existence is not revealed.
    private static ProblemHttpResult NoMeeting() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting not found", detail: "There is no meeting with this id that you may see.");

}
