using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Caucus;

/// <summary>A process's civil society caucus and the statements of a meeting in JSON under /api/v1, with the pages'
/// authorization: the caucus is read by the process's civil society participants and secretariat and written by the
/// former; statements are read by the meeting's audience and submitted by the representatives of invited organisations.</summary>
public static class CaucusApi
{
    public static RouteGroupBuilder MapCaucusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/processes/{slug}/caucus", ListAsync).Requires(Operation.ViewCaucus)
            .WithName("ListCaucusPositions").WithSummary("The joint positions of a process's civil society caucus, drafts first.")
            .Produces<List<PositionListItem>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/caucus", CreateAsync).Requires(Operation.TakePartInCaucus)
            .WithName("StartCaucusPosition").WithSummary("Starts a joint position (a civil society participant): its first text becomes version 1.")
            .Produces<PositionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RefusesWithout("title", "text");
        api.MapGet("/processes/{slug}/caucus/{id:int}", GetAsync).Requires(Operation.ViewCaucus)
            .WithName("GetCaucusPosition").WithSummary("A joint position: its latest text (or version ?version=n), its versions, the comments on that version, and the organisations' endorsements and dissents.")
            .Produces<PositionView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/caucus/{id:int}/versions", SaveVersionAsync).Requires(Operation.TakePartInCaucus)
            .WithName("SaveCaucusVersion").WithSummary("Saves a new version of a joint position still in draft. Versions are never changed.")
            .Produces<PositionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("text");
        api.MapGet("/processes/{slug}/caucus/{id:int}/diff", DiffAsync).Requires(Operation.ViewCaucus)
            .WithName("CompareCaucusVersions").WithSummary("The difference between versions ?from=n and ?to=m (by default the latest and the one before), paragraph by paragraph.")
            .Produces<DraftComparison>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/processes/{slug}/caucus/{id:int}/comments", CommentsAsync).Requires(Operation.ViewCaucus)
            .WithName("ListCaucusComments").WithSummary("Every comment on a joint position, by version and paragraph.")
            .Produces<List<PositionCommentView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/caucus/{id:int}/comments", CommentAsync).Requires(Operation.TakePartInCaucus)
            .WithName("CommentOnCaucusPosition").WithSummary("Comments on a paragraph of a version of a joint position still in draft.")
            .Produces<PositionCommentView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("version", "paragraph", "text");
        api.MapPost("/processes/{slug}/caucus/{id:int}/stances", StanceAsync).Requires(Operation.TakePartInCaucus)
            .WithName("TakeCaucusStance").WithSummary("Endorses a joint position, or records a dissent with its text, for an organisation the caller represents: once per organisation.")
            .Produces<StanceView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("organizationId", "kind");
        api.MapPost("/processes/{slug}/caucus/{id:int}/submission", SubmitAsync).Requires(Operation.TakePartInCaucus)
            .WithName("SubmitCaucusPosition").WithSummary("Submits a joint position with at least one endorsement to a meeting of the process, once; it becomes a statement of the meeting and is frozen.")
            .Produces<StatementView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("meetingId");
        api.MapGet("/meetings/{id:int}/statements", StatementsAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListMeetingStatements").WithSummary("The statements submitted to a meeting the caller may see, with their endorsers and dissenters for caucus positions.")
            .Produces<List<StatementView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/meetings/{id:int}/statements", SubmitStatementAsync).Requires(Operation.SubmitStatements)
            .WithName("SubmitMeetingStatement").WithSummary("Submits a written statement for an organisation invited to the meeting that the caller represents (position papers are attached on the page).")
            .Produces<StatementView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RefusesWithout("organizationId", "title", "text");
        api.MapPost("/meetings/{id:int}/position-papers", SubmitPositionPaperAsync).Requires(Operation.SubmitStatements)
            .WithName("SubmitMeetingPositionPaper").WithSummary("Submits a position paper (multipart form: file, organizationId, title, language, and an optional text) for an organisation invited to the meeting that the caller represents; the file passes the document checks and becomes a document of the meeting.")
            .Accepts<PositionPaperForm>("multipart/form-data")
            .Produces<StatementView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<Ok<List<PositionListItem>>> ListAsync(AddressedProcess process, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await CaucusQueries.ListAsync(db, process.Id, ct));

    private static async Task<Results<Created<PositionView>, ValidationProblem>> CreateAsync(
        AddressedProcess process, NewPosition input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<CaucusText> t, CancellationToken ct)
    {
        var outcome = await CaucusCommands.CreateAsync(db, clock, process.Id, ProcessAccess.UserIdOf(user)!, input, ct);
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/caucus/{outcome.Value}", (await AnswerAsync(db, process, outcome.Value, null, ct))!);
    }

    private static async Task<Results<Ok<PositionView>, ProblemHttpResult>> GetAsync(AddressedProcess process, int id, int? version, AppDbContext db, CancellationToken ct) =>
        await AnswerAsync(db, process, id, version, ct) is { } answer ? TypedResults.Ok(answer) : NoPosition();

    private static async Task<Results<Created<PositionView>, ValidationProblem, ProblemHttpResult>> SaveVersionAsync(
        AddressedProcess process, int id, NewDraftVersion input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<CaucusText> t, CancellationToken ct)
    {
        if (await CaucusQueries.FindAsync(db, process.Id, id, ct) is null)
        {
            return NoPosition();
        }
        var outcome = await CaucusCommands.SaveVersionAsync(db, clock, id, ProcessAccess.UserIdOf(user)!, input, ct);
        if (Refusal(outcome, t) is { } refused)
        {
            return refused;
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/caucus/{id}?version={outcome.Value}", (await AnswerAsync(db, process, id, outcome.Value, ct))!);
    }

    private static async Task<Results<Ok<DraftComparison>, ProblemHttpResult>> DiffAsync(
        AddressedProcess process, int id, int? from, int? to, AppDbContext db, CancellationToken ct) =>
        await CaucusQueries.FindAsync(db, process.Id, id, ct) is not null && await CaucusQueries.CompareAsync(db, id, from, to, ct) is { } comparison
            ? TypedResults.Ok(comparison)
            : NoPosition();

    private static async Task<Results<Ok<List<PositionCommentView>>, ProblemHttpResult>> CommentsAsync(AddressedProcess process, int id, AppDbContext db, CancellationToken ct) =>
        await CaucusQueries.FindAsync(db, process.Id, id, ct) is not null ? TypedResults.Ok(await CaucusQueries.CommentsAsync(db, id, ct)) : NoPosition();

    private static async Task<Results<Created<PositionCommentView>, ValidationProblem, ProblemHttpResult>> CommentAsync(
        AddressedProcess process, int id, NewDraftComment input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<CaucusText> t, CancellationToken ct)
    {
        if (await CaucusQueries.FindAsync(db, process.Id, id, ct) is null)
        {
            return NoPosition();
        }
        var outcome = await CaucusCommands.CommentAsync(db, clock, id, ProcessAccess.UserIdOf(user)!, input, ct);
        if (Refusal(outcome, t) is { } refused)
        {
            return refused;
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        var comment = (await CaucusQueries.CommentsAsync(db, id, ct)).Single(c => c.Id == outcome.Value);
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/caucus/{id}/comments", comment);
    }

    private static async Task<Results<Created<StanceView>, ValidationProblem, ProblemHttpResult>> StanceAsync(
        AddressedProcess process, int id, NewStance input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<CaucusText> t, CancellationToken ct)
    {
        if (await CaucusQueries.FindAsync(db, process.Id, id, ct) is null)
        {
            return NoPosition();
        }
        var outcome = await CaucusCommands.TakeStanceAsync(db, clock, id, ProcessAccess.UserIdOf(user)!, input, ct);
        if (Refusal(outcome, t) is { } refused)
        {
            return refused;
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        var stance = (await CaucusQueries.StancesAsync(db, id, ct)).Single(s => s.OrganizationId == input.OrganizationId);
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/caucus/{id}", stance);
    }

    private static async Task<Results<Created<StatementView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        AddressedProcess process, int id, NewSubmission input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization,
        TimeProvider clock, IStringLocalizer<CaucusText> t, CancellationToken ct)
    {
        if (await CaucusQueries.FindAsync(db, process.Id, id, ct) is null)
        {
            return NoPosition();
        }
        var outcome = await CaucusCommands.SubmitAsync(db, clock, id, ProcessAccess.UserIdOf(user)!, input, ct);
        if (Refusal(outcome, t) is { } refused)
        {
            return refused;
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/meetings/{input.MeetingId}/statements", await StatementAsync(db, readers, authorization, user, input.MeetingId!.Value, outcome.Value, ct));
    }

    private static async Task<Results<Ok<List<StatementView>>, ProblemHttpResult>> StatementsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct) =>
        await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is { } readable
            ? TypedResults.Ok(await Statements.ListAsync(db, readable, ct))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting not found", detail: "There is no meeting with this id that you may see.");

    private static async Task<Results<Created<StatementView>, ValidationProblem, ProblemHttpResult>> SubmitStatementAsync(
        int id, NewStatement input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, TimeProvider clock,
        IStringLocalizer<CaucusText> t, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting not found", detail: "There is no meeting with this id that you may see.");
        }
        var outcome = await Statements.SubmitAsync(db, clock, id, user, ProcessAccess.UserIdOf(user)!, input, null, null, ct);
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/meetings/{id}/statements", await StatementAsync(db, readers, authorization, user, id, outcome.Value, ct));
    }

    /// <summary>A position paper through the API: the form read and the file checked as the documents API does, then stored
    /// as the statements page stores it (<see cref="Statements.SubmitAsync"/>).</summary>
    private static async Task<Results<Created<StatementView>, ValidationProblem, ProblemHttpResult>> SubmitPositionPaperAsync(
        int id, HttpContext context, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, TimeProvider clock,
        IConfiguration configuration, IStringLocalizer<CaucusText> t, IStringLocalizer<DocumentsText> documentsText, ILogger<CaucusText> logger, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting not found", detail: "There is no meeting with this id that you may see.");
        }
        var read = await DocumentUpload.ReadApiFormAsync(context, configuration, documentsText, ct);
        if (read.Form is not { } form)
        {
            return read.Status == StatusCodes.Status413PayloadTooLarge ? PaperTooLarge(documentsText, configuration) : PaperRefused("file", read.Refusal!);
        }
        var organization = form["organizationId"].ToString();
        if (organization.Length > 0 && !int.TryParse(organization, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return PaperRefused("organizationId", t["Choose the organisation the statement is made for."]);
        }
        foreach (var (field, multiLine) in new[] { ("title", false), ("language", false), ("text", true) })
        {
            if (!TextInput.Allows(form[field].ToString(), multiLine))
            {
                return PaperRefused(field, t["Remove the control characters (invisible characters, or line breaks and tabs in a one-line field) from this text."]);
            }
        }
        var (paper, fileError) = await DocumentUpload.CheckFileAsync(form.Files.GetFile("file"), configuration, documentsText, logger, ct);
        if (fileError is not null)
        {
            return PaperRefused("file", fileError);
        }
        var input = new NewStatement(organization.Length == 0 ? null : int.Parse(organization, System.Globalization.CultureInfo.InvariantCulture),
            form["title"].ToString(), form["text"].ToString());
        var language = form["language"].ToString() is { Length: > 0 } chosen ? chosen : null;
        var outcome = await Statements.SubmitAsync(db, clock, id, user, ProcessAccess.UserIdOf(user)!, input, paper, language, ct);
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/meetings/{id}/statements", await StatementAsync(db, readers, authorization, user, id, outcome.Value, ct));
    }

    private static ProblemHttpResult PaperTooLarge(IStringLocalizer<DocumentsText> t, IConfiguration configuration) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [DocumentUpload.TooLarge(t, configuration)] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The position paper could not be stored.",
        });

    private static ValidationProblem PaperRefused(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The position paper could not be stored.");

    /// <summary>A statement just submitted, as the meeting's list shows it (the submitter may not be in the meeting's
    /// audience, when the meeting is the caucus's and not theirs to read: then the statement as stored).</summary>
    private static async Task<StatementView> StatementAsync(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, ClaimsPrincipal user,
        int meetingId, int statementId, CancellationToken ct)
    {
        var meeting = await db.FindForAccessAsync(meetingId, ct);
        var readable = new ReadableMeeting(meeting!, await readers.CurrentAsync(user), [DocumentAccess.Meeting]);
        return (await Statements.ListAsync(db, readable, ct)).Single(s => s.Id == statementId);
    }

    private static async Task<PositionView?> AnswerAsync(AppDbContext db, AddressedProcess process, int id, int? version, CancellationToken ct) =>
        await CaucusQueries.FindAsync(db, process.Id, id, ct) is { } position ? await CaucusQueries.ViewAsync(db, position, version, ct) : null;

    private static ProblemHttpResult? Refusal(CaucusOutcome outcome, IStringLocalizer<CaucusText> t) =>
        outcome.Refusal is { } refusal ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: t[refusal]) : null;

    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, IStringLocalizer<CaucusText> t) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => t[e.Message].Value).ToArray()),
            title: t["Nothing has been saved."]);

    private static ProblemHttpResult NoPosition() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Position not found", detail: "There is no joint position with this id in this process's caucus.");
}
