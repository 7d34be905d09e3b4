using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.DataRequests;

/// <summary>Data requests under /api/v1/processes/{slug}/data-requests: the same rules and authorization as the pages
/// (members read, the secretariat writes, sends and publishes, focal points answer for their own state; the aggregate
/// of a published compilation is public).</summary>
public static class DataRequestsApi
{
    /// <param name="State">"draft" (not sent), "open" (taking answers) or "closed" (past its deadline); a member state's
    /// proposal not sent: "proposal-draft" (its state writes it), "proposed" (waiting for the secretariat's review) or "declined".</param>
    /// <param name="RequestedBy">The member state that proposed the request through the secretariat (ISO 3166 alpha-3), when one did.</param>
    /// <param name="RequestedByName">That state's name in the reader's language.</param>
    /// <param name="DeclineReason">Why the secretariat declined the proposal.</param>
    public sealed record RequestJson(int Id, string Title, string? Instructions, DateTimeOffset DeadlineAt, DateTimeOffset? SentAt, DateTimeOffset? PublishedAt,
        string State, int Asked, int Submitted, string? RequestedBy = null, string? RequestedByName = null, DateTimeOffset? ProposedAt = null, string? DeclineReason = null);

    /// <param name="Kind">"Figure" (a number with unit and year), "Choice", "FreeText" or "Table" (rows under <paramref name="Columns"/>).</param>
    public sealed record QuestionJson(int Id, int Number, string Text, string Kind, string? Unit, int? Year, IReadOnlyList<string> Options, IReadOnlyList<ColumnJson> Columns);

    /// <param name="Kind">"Figure" (a number, in <paramref name="Unit"/> when given), "Choice" or "FreeText".</param>
    public sealed record ColumnJson(string Name, string Kind, string? Unit, IReadOnlyList<string> Options);

    /// <param name="Rows">A table answer's rows, each its cells in column order: numbers written with a point, choices as the option.</param>
    public sealed record AnswerJson(int QuestionId, decimal? Number, string? Unit, int? Year, string? Choice, string? Text, IReadOnlyList<IReadOnlyList<string?>>? Rows);

    /// <summary>A table's number column across the states that submitted: how many figures, and their total.</summary>
    public sealed record ColumnAggregateJson(string Name, string? Unit, int Figures, decimal Total);

    /// <summary>The new deadline: later or earlier, never in the past.</summary>
    public sealed record DeadlineInput(DateTimeOffset? DeadlineAt);

    /// <summary>A state asked, with its submitted answers and their source (who submitted, when); a draft's answers are not shown.</summary>
    public sealed record StateAnswersJson(string State, string Name, DateTimeOffset? SubmittedAt, string? SubmittedBy, IReadOnlyList<AnswerJson> Answers);

    public sealed record RequestDetailJson(RequestJson Request, IReadOnlyList<QuestionJson> Questions, IReadOnlyList<StateAnswersJson> States);

    /// <summary>One question across the states that submitted: numbers summed, lowest, median, highest; options counted.</summary>
    /// <param name="Columns">A table's number columns, summed (never a state's rows).</param>
    public sealed record QuestionAggregateJson(int Number, string Text, string Kind, string? Unit, int? Year, int Answered, decimal? Total, decimal? Lowest,
        decimal? Median, decimal? Highest, IReadOnlyDictionary<string, int> Choices, IReadOnlyList<ColumnAggregateJson> Columns);

    public sealed record AggregateJson(RequestJson Request, IReadOnlyList<QuestionAggregateJson> Questions);

    /// <summary>A state's answers as stored: a draft or submitted.</summary>
    public sealed record ResponseJson(string State, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt, IReadOnlyList<AnswerJson> Answers);

    public static RouteGroupBuilder MapDataRequestsApi(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/processes/{slug}/data-requests").WithTags("Data requests")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("", ListAsync).Requires(Operation.ViewDataRequests)
            .WithName("ListDataRequests").WithSummary("The process's data requests, latest first, with how many states were asked and submitted.");
        requests.MapPost("", CreateAsync).Requires(Operation.ManageDataRequests)
            .WithName("CreateDataRequest").WithSummary("Writes a data request with its questions (kind Figure: a number with its unit and optional year; Choice: options one per line; or FreeText); it is sent by /send.")
            .ProducesValidationProblem().RefusesWithout("title", "deadlineAt");
        requests.MapGet("/proposals", ProposalsAsync).Requires(Operation.ViewDataRequests)
            .WithName("ListDataRequestProposals").WithSummary("The member states' proposals not yet sent that the reader sees: the secretariat those submitted to it, a focal point their own state's.");
        requests.MapPost("/proposals", ProposeAsync).Requires(Operation.AnswerDataRequests)
            .WithName("ProposeDataRequest").WithSummary("A member state's focal point proposes a data request, with its questions, through the secretariat, which is mailed; the state must be a current member they are the focal point of.")
            .ProducesValidationProblem().RefusesWithout("state", "title", "deadlineAt");
        requests.MapPost("/{requestId:int}/decline", DeclineAsync).Requires(Operation.ManageDataRequests)
            .WithName("DeclineDataRequestProposal").WithSummary("Declines a state's proposal waiting for review, with the reason the proposing state's focal points are mailed.")
            .ProducesValidationProblem().RefusesWithout("reason");
        requests.MapPost("/{requestId:int}/withdrawal", WithdrawAsync).Requires(Operation.AnswerDataRequests)
            .WithName("WithdrawDataRequestProposal").WithSummary("The proposing state takes back its proposal while it waits for review; it is its draft again.")
            .ProducesValidationProblem();
        requests.MapPut("/proposals/{requestId:int}/questions/{questionId:int}", EditProposedQuestionAsync).Requires(Operation.AnswerDataRequests)
            .WithName("EditDataRequestProposalQuestion").WithSummary("The proposing state changes a question of its proposal while it writes it (not submitted, or taken back), with the checks of the secretariat's editing.")
            .ProducesValidationProblem();
        requests.MapDelete("/proposals/{requestId:int}/questions/{questionId:int}", RemoveProposedQuestionAsync).Requires(Operation.AnswerDataRequests)
            .WithName("RemoveDataRequestProposalQuestion").WithSummary("The proposing state takes a question out of its proposal while it writes it; the question is kept, and put back on the request's page.")
            .ProducesValidationProblem();
        requests.MapPost("/proposals/{requestId:int}/questions", AddProposedQuestionAsync).Requires(Operation.AnswerDataRequests)
            .WithName("AddDataRequestProposalQuestion").WithSummary("The proposing state adds a question to its proposal while it writes it (not submitted, or taken back), with the checks of the secretariat's adding.")
            .ProducesValidationProblem();
        requests.MapPost("/proposals/{requestId:int}/questions/{questionId:int}/restoration", RestoreProposedQuestionAsync).Requires(Operation.AnswerDataRequests)
            .WithName("RestoreDataRequestProposalQuestion").WithSummary("The proposing state puts back a question it took out of its proposal while it writes it.")
            .ProducesValidationProblem();
        foreach (var (up, way) in Ways)
        {
            requests.MapPost($"/proposals/{{requestId:int}}/questions/{{questionId:int}}/move-{way}", (AddressedProcess process, int requestId, int questionId,
                ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t,
                CancellationToken ct) => MoveProposedQuestionAsync(process, requestId, questionId, up, user, access, commands, queries, t, ct))
                .Requires(Operation.AnswerDataRequests)
                .WithName($"MoveDataRequestProposalQuestion{(up ? "Up" : "Down")}")
                .WithSummary($"The proposing state moves a question of its proposal one place {way} while it writes it (the {(up ? "first stays first" : "last stays last")}).")
                .ProducesValidationProblem();
        }
        requests.MapPut("/proposals/{requestId:int}/deadline", MoveProposedDeadlineAsync).Requires(Operation.AnswerDataRequests)
            .WithName("MoveDataRequestProposalDeadline").WithSummary("The proposing state moves the deadline it proposes (not into the past) while it writes its proposal.")
            .ProducesValidationProblem().RefusesWithout("deadlineAt");
        requests.MapPost("/proposals/{requestId:int}/submission", SubmitProposalAsync).Requires(Operation.AnswerDataRequests)
            .WithName("SubmitDataRequestProposal").WithSummary("The proposing state submits its proposal written or taken back (with a question and a deadline ahead) to the secretariat, which is mailed.")
            .ProducesValidationProblem();
        requests.MapGet("/{requestId:int}", GetAsync).Requires(Operation.ViewDataRequests)
            .WithName("GetDataRequest").WithSummary("A data request, its questions and the compilation: every state asked with its submitted answers and their source.");
        requests.MapPost("/{requestId:int}/questions", AddQuestionAsync).Requires(Operation.ManageDataRequests)
            .WithName("AddDataRequestQuestion").WithSummary("Adds a question, before or after the request is sent (kind Table: columns, each a Figure with optional unit, a Choice or FreeText).")
            .ProducesValidationProblem();
        requests.MapPut("/{requestId:int}/questions/{questionId:int}", EditQuestionAsync).Requires(Operation.ManageDataRequests)
            .WithName("EditDataRequestQuestion").WithSummary("Changes a question: anything while the request is a draft, only its wording once sent.")
            .ProducesValidationProblem();
        requests.MapDelete("/{requestId:int}/questions/{questionId:int}", RemoveQuestionAsync).Requires(Operation.ManageDataRequests)
            .WithName("RemoveDataRequestQuestion").WithSummary("Takes a question out of the request, before or after it is sent: the question and the states' answers to it are kept, hidden until it is put back by /restoration.")
            .ProducesValidationProblem();
        requests.MapPost("/{requestId:int}/questions/{questionId:int}/restoration", RestoreQuestionAsync).Requires(Operation.ManageDataRequests)
            .WithName("RestoreDataRequestQuestion").WithSummary("Puts back a question taken out of the request, with its answers.")
            .ProducesValidationProblem();
        foreach (var (up, way) in Ways)
        {
            requests.MapPost($"/{{requestId:int}}/questions/{{questionId:int}}/move-{way}", (AddressedProcess process, int requestId, int questionId,
                DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
                MoveQuestionAsync(process, requestId, questionId, up, commands, queries, t, ct))
                .Requires(Operation.ManageDataRequests)
                .WithName($"MoveDataRequestQuestion{(up ? "Up" : "Down")}")
                .WithSummary($"Moves a question of a request not yet sent one place {way} (the {(up ? "first stays first" : "last stays last")}); once sent, its questions keep their numbers.")
                .ProducesValidationProblem();
        }
        requests.MapPut("/{requestId:int}/deadline", MoveDeadlineAsync).Requires(Operation.ManageDataRequests)
            .WithName("MoveDataRequestDeadline").WithSummary("Moves the deadline (not into the past); the focal points of the states asked are mailed it, and the reminders follow it.")
            .ProducesValidationProblem().RefusesWithout("deadlineAt");
        requests.MapPost("/{requestId:int}/send", SendAsync).Requires(Operation.ManageDataRequests)
            .WithName("SendDataRequest").WithSummary("Sends the request to the states that are members of the process today and mails their focal points.")
            .ProducesValidationProblem();
        requests.MapPost("/{requestId:int}/publication", PublishAsync).Requires(Operation.ManageDataRequests)
            .WithName("PublishDataRequestAggregate").WithSummary("Publishes the compilation in aggregate (no state's own answer) for everyone.")
            .ProducesValidationProblem();
        requests.MapDelete("/{requestId:int}/publication", UnpublishAsync).Requires(Operation.ManageDataRequests)
            .WithName("UnpublishDataRequestAggregate").WithSummary("Takes the published aggregate back to the process's members: it is no longer public, nor found in the library by others, until published again.")
            .ProducesValidationProblem();
        requests.MapPut("/{requestId:int}/answers", AnswerAsync).Requires(Operation.AnswerDataRequests)
            .WithName("AnswerDataRequest").WithSummary("Saves a state's answers as a draft (submit false) or submits them: only for a state one is the focal point of, before the deadline; a number in the question's unit and year.")
            .ProducesValidationProblem().RefusesWithout("state");
        requests.MapGet("/{requestId:int}/aggregate", AggregateAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetDataRequestAggregate").WithSummary("The published aggregate of a compilation; not found until the secretariat publishes it.");
        return api;
    }

    /// <summary>The two ways a question moves, one place at a time: its route's last segment is move-up or move-down.</summary>
    private static readonly (bool Up, string Way)[] Ways = [(true, "up"), (false, "down")];

    private static ProblemHttpResult NoRequest(IStringLocalizer<DataRequestsText> t) =>
        TypedResults.Problem(t["There is no such data request in this process."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);

    private static RequestJson Json(RequestRow r, string? instructions, DateTimeOffset now) =>
        new(r.Id, r.Title, instructions, r.DeadlineAt, r.SentAt, r.PublishedAt, r.StateAt(now), r.Asked, r.Submitted,
            r.Proposal?.State, r.Proposal?.StateName, r.Proposal?.ProposedAt, r.Proposal?.DeclineReason);

    private static RequestJson Json(RequestView v, DateTimeOffset now) =>
        Json(new RequestRow(v.Id, v.Title, v.DeadlineAt, v.SentAt, v.PublishedAt, v.Responses.Count, v.Submitted.Count(), v.Proposal), v.Instructions, now);

    /// <summary>Who reads, for the proposals not yet sent (<see cref="ProposalReader"/>).</summary>
    public static async Task<ProposalReader> ReaderAsync(IAuthorizationService authorization, ProcessAccess access, ClaimsPrincipal user, int processId) =>
        new((await authorization.AuthorizeAsync(user, new ProcessResource(processId), OperationPolicies.NameOf(Operation.ManageDataRequests))).Succeeded,
            await AnswererAsync(access, user, processId));

    /// <summary>After a command that was allowed: the request as it now stands, whoever proposed it.</summary>
    private static readonly ProposalReader Allowed = new(true, new Answerer("", true, []));

    private static QuestionJson Json(QuestionRow q) => new(q.Id, q.Number, q.Text, q.Kind.ToString(), q.Unit, q.Year, q.Options,
        q.Columns.Select(c => new ColumnJson(c.Name, c.Kind.ToString(), c.Unit, c.Options)).ToList());

    private static AnswerJson Json(QuestionRow? q, AnswerRow a) => new(a.QuestionId, a.Number, q?.Kind == DataQuestionKind.Figure ? q.Unit : null, a.Year, a.Choice, a.Text,
        q?.Kind == DataQuestionKind.Table ? a.Rows : null);

    private static async Task<Ok<IReadOnlyList<RequestJson>>> ListAsync(AddressedProcess process, ClaimsPrincipal user, IAuthorizationService authorization,
        ProcessAccess access, DataRequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RequestJson>>((await queries.ListAsync(process.Id, await ReaderAsync(authorization, access, user, process.Id), ct))
            .Select(r => Json(r, null, queries.Now)).ToList());

    private static async Task<Ok<IReadOnlyList<RequestJson>>> ProposalsAsync(AddressedProcess process, ClaimsPrincipal user, IAuthorizationService authorization,
        ProcessAccess access, DataRequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RequestJson>>((await queries.ListAsync(process.Id, await ReaderAsync(authorization, access, user, process.Id), ct, proposalsOnly: true))
            .Select(r => Json(r, null, queries.Now)).ToList());

    private static async Task<Results<Created<RequestJson>, ValidationProblem>> ProposeAsync(AddressedProcess process, ProposalInput proposal, ClaimsPrincipal user,
        ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, CancellationToken ct)
    {
        var outcome = await commands.ProposeAsync(process.Id, await AnswererAsync(access, user, process.Id), proposal, submit: true, new FieldErrors(), ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var view = (await queries.LoadAsync(process.Id, outcome.Id, Allowed, ct))!;
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/data-requests/{outcome.Id}", Json(view, queries.Now));
    }

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> DeclineAsync(AddressedProcess process, int requestId, DeclineInput decline,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.DeclineAsync(process.Id, requestId, decline, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(AddressedProcess process, int requestId, ClaimsPrincipal user,
        ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.WithdrawAsync(process.Id, requestId, await AnswererAsync(access, user, process.Id), new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Created<RequestJson>, ValidationProblem>> CreateAsync(AddressedProcess process, NewRequestInput request, ClaimsPrincipal user,
        DataRequestCommands commands, DataRequestQueries queries, CancellationToken ct)
    {
        var outcome = await commands.CreateAsync(process.Id, ProcessAccess.UserIdOf(user)!, request, new FieldErrors(), ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var view = (await queries.LoadAsync(process.Id, outcome.Id, Allowed, ct))!;
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/data-requests/{outcome.Id}", Json(view, queries.Now));
    }

    private static async Task<Results<Ok<RequestDetailJson>, ProblemHttpResult>> GetAsync(AddressedProcess process, int requestId, ClaimsPrincipal user,
        IAuthorizationService authorization, ProcessAccess access, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct)
    {
        if (await queries.LoadAsync(process.Id, requestId, await ReaderAsync(authorization, access, user, process.Id), ct) is not { } view)
        {
            return NoRequest(t);
        }
        var questions = view.Questions.ToDictionary(q => q.Id);
        return TypedResults.Ok(new RequestDetailJson(Json(view, queries.Now), view.Questions.Select(Json).ToList(),
            view.Responses.Select(r => new StateAnswersJson(r.StateCode, r.StateName, r.SubmittedAt, r.SubmittedAt is null ? null : r.SubmittedBy,
                r.SubmittedAt is null ? [] : r.Answers.Select(a => Json(questions.GetValueOrDefault(a.QuestionId), a)).ToList())).ToList()));
    }

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> Done(Outcome outcome, AddressedProcess process, int requestId,
        DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct)
    {
        if (outcome.IsNotFound)
        {
            return NoRequest(t);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok(Json((await queries.LoadAsync(process.Id, requestId, Allowed, ct))!, queries.Now));
    }

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> AddQuestionAsync(AddressedProcess process, int requestId, QuestionInput question,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.AddQuestionAsync(process.Id, requestId, question, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> EditQuestionAsync(AddressedProcess process, int requestId, int questionId,
        QuestionInput question, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.EditQuestionAsync(process.Id, requestId, questionId, question, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> EditProposedQuestionAsync(AddressedProcess process, int requestId, int questionId,
        QuestionInput question, ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t,
        CancellationToken ct) =>
        await Done(await commands.EditQuestionAsync(process.Id, requestId, questionId, question, new FieldErrors(), ct, await AnswererAsync(access, user, process.Id)),
            process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> AddProposedQuestionAsync(AddressedProcess process, int requestId,
        QuestionInput question, ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t,
        CancellationToken ct) =>
        await Done(await commands.AddQuestionAsync(process.Id, requestId, question, new FieldErrors(), ct, await AnswererAsync(access, user, process.Id)),
            process, requestId, queries, t, ct);

    private static Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> RemoveProposedQuestionAsync(AddressedProcess process, int requestId, int questionId,
        ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        TakeOutProposedQuestionAsync(process, requestId, questionId, restore: false, user, access, commands, queries, t, ct);

    private static Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> RestoreProposedQuestionAsync(AddressedProcess process, int requestId, int questionId,
        ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        TakeOutProposedQuestionAsync(process, requestId, questionId, restore: true, user, access, commands, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> TakeOutProposedQuestionAsync(AddressedProcess process, int requestId,
        int questionId, bool restore, ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries,
        IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.RemoveQuestionAsync(process.Id, requestId, questionId, restore, new FieldErrors(), ct, await AnswererAsync(access, user, process.Id)),
            process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> MoveProposedQuestionAsync(AddressedProcess process, int requestId,
        int questionId, bool up, ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries,
        IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.MoveQuestionAsync(process.Id, requestId, questionId, up, new FieldErrors(), ct, await AnswererAsync(access, user, process.Id)),
            process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> MoveProposedDeadlineAsync(AddressedProcess process, int requestId,
        DeadlineInput deadline, ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries,
        IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.MoveDeadlineAsync(process.Id, requestId, deadline.DeadlineAt, new FieldErrors(), ct, await AnswererAsync(access, user, process.Id)),
            process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> SubmitProposalAsync(AddressedProcess process, int requestId,
        ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t,
        CancellationToken ct) =>
        await Done(await commands.SubmitProposalAsync(process.Id, requestId, await AnswererAsync(access, user, process.Id), new FieldErrors(), ct),
            process, requestId, queries, t, ct);

    private static Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> RemoveQuestionAsync(AddressedProcess process, int requestId, int questionId,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        TakeOutQuestionAsync(process, requestId, questionId, restore: false, commands, queries, t, ct);

    private static Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> RestoreQuestionAsync(AddressedProcess process, int requestId, int questionId,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        TakeOutQuestionAsync(process, requestId, questionId, restore: true, commands, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> TakeOutQuestionAsync(AddressedProcess process, int requestId,
        int questionId, bool restore, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.RemoveQuestionAsync(process.Id, requestId, questionId, restore, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> MoveQuestionAsync(AddressedProcess process, int requestId, int questionId,
        bool up, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.MoveQuestionAsync(process.Id, requestId, questionId, up, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> MoveDeadlineAsync(AddressedProcess process, int requestId, DeadlineInput deadline,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.MoveDeadlineAsync(process.Id, requestId, deadline.DeadlineAt, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> SendAsync(AddressedProcess process, int requestId,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.SendAsync(process.Id, requestId, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> PublishAsync(AddressedProcess process, int requestId,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.PublishAsync(process.Id, requestId, new FieldErrors(), ct), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<RequestJson>, ValidationProblem, ProblemHttpResult>> UnpublishAsync(AddressedProcess process, int requestId,
        DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct) =>
        await Done(await commands.PublishAsync(process.Id, requestId, new FieldErrors(), ct, publish: false), process, requestId, queries, t, ct);

    private static async Task<Results<Ok<ResponseJson>, ValidationProblem, ProblemHttpResult>> AnswerAsync(AddressedProcess process, int requestId, AnswersInput answers,
        ClaimsPrincipal user, ProcessAccess access, DataRequestCommands commands, DataRequestQueries queries, IStringLocalizer<DataRequestsText> t, CancellationToken ct)
    {
        var outcome = await commands.AnswerAsync(process.Id, requestId, await AnswererAsync(access, user, process.Id), answers, new FieldErrors(), ct);
        if (outcome.IsNotFound)
        {
            return NoRequest(t);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var view = (await queries.LoadAsync(process.Id, requestId, null, ct))!;
        var questions = view.Questions.ToDictionary(q => q.Id);
        var response = view.Responses.Single(r => string.Equals(r.StateCode, answers.State!.Trim(), StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok(new ResponseJson(response.StateCode, response.UpdatedAt, response.SubmittedAt,
            response.Answers.Select(a => Json(questions.GetValueOrDefault(a.QuestionId), a)).ToList()));
    }

    /// <summary>Who answers: a platform administrator for any state asked, a focal point for their own states.</summary>
    public static async Task<Answerer> AnswererAsync(ProcessAccess access, ClaimsPrincipal user, int processId)
    {
        var grant = await access.ForProcessAsync(user, processId);
        return new Answerer(ProcessAccess.UserIdOf(user) ?? "", grant.IsPlatformAdministrator, grant.FocalPointStates);
    }

    private static async Task<Results<Ok<AggregateJson>, ProblemHttpResult>> AggregateAsync(AddressedProcess process, int requestId, DataRequestQueries queries,
        IStringLocalizer<DataRequestsText> t, CancellationToken ct)
    {
        if (await queries.LoadAsync(process.Id, requestId, null, ct) is not { PublishedAt: not null } view)
        {
            return NoRequest(t);
        }
        var submitted = view.Submitted.ToList();
        return TypedResults.Ok(new AggregateJson(Json(view, queries.Now) with { Instructions = null }, view.Questions.Select(q => AggregateRow.Of(q, submitted)).Select(a =>
            new QuestionAggregateJson(a.Question.Number, a.Question.Text, a.Question.Kind.ToString(), a.Question.Unit, a.Question.Year, a.Answered, a.Total, a.Lowest, a.Median, a.Highest,
                a.Choices.ToDictionary(c => c.Option, c => c.Count), a.Columns.Select(c => new ColumnAggregateJson(c.Column.Name, c.Column.Unit, c.Figures, c.Total)).ToList())).ToList()));
    }
}
