using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Outputs;

/// <summary>A process's outputs in JSON under /api/v1. Reading follows the output's audience (<see cref="OutputAccess"/>):
/// outside it an output is "not found", exactly like one that does not exist. Drafting and recording positions is for
/// the secretariat, commenting for the secretariat, chair and focal points, adopting for the secretariat and chair.</summary>
public static class OutputsApi
{
    /// <summary>An output with its current text, versions, comments on that version, recommendations and positions.</summary>
    public sealed record OutputAnswer(OutputListItem Output, int? AdoptedVersion, OutputVersionView? Current, IReadOnlyList<OutputVersionItem> Versions,
        IReadOnlyList<OutputCommentView> Comments, IReadOnlyList<OutputRecommendationItem> Recommendations, IReadOnlyList<OutputPositionView> Positions);

    public static RouteGroupBuilder MapOutputsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/processes/{slug}/outputs", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListOutputs").WithSummary("The outputs of a process the reader may read (?meeting=id: those of one meeting).")
            .Produces<List<OutputListItem>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/outputs", CreateAsync).Requires(Operation.DraftOutputs)
            .WithName("CreateOutput").WithSummary("Starts an output (the secretariat): its first text becomes version 1.")
            .Produces<OutputAnswer>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RefusesWithout("kind", "title", "originalLanguage", "audience", "text");
        api.MapGet("/processes/{slug}/outputs/{id:int}", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetOutput").WithSummary("An output: its latest text (or version ?version=n), its versions, the comments on that version, its recommendations and the states' positions.")
            .Produces<OutputAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/outputs/{id:int}/versions", SaveVersionAsync).Requires(Operation.DraftOutputs)
            .WithName("SaveOutputVersion").WithSummary("Saves a new version of a draft output (the secretariat). Versions are never changed.")
            .Produces<OutputAnswer>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("text");
        api.MapGet("/processes/{slug}/outputs/{id:int}/diff", DiffAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("CompareOutputVersions").WithSummary("The difference between versions ?from=n and ?to=m (by default the latest and the one before), paragraph by paragraph with inserted and deleted words.")
            .Produces<DraftComparison>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/processes/{slug}/outputs/{id:int}/comments", CommentsAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListOutputComments").WithSummary("Every comment on an output, by version and paragraph.")
            .Produces<List<OutputCommentView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/outputs/{id:int}/comments", CommentAsync).Requires(Operation.CommentOnOutputs)
            .WithName("CommentOnOutput").WithSummary("Comments on a paragraph of a version of a draft (a focal point for their own state).")
            .Produces<OutputCommentView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("version", "paragraph", "text");
        api.MapPost("/processes/{slug}/outputs/{id:int}/adoption", AdoptAsync).Requires(Operation.AdoptOutputs)
            .WithName("AdoptOutput").WithSummary("Adopts an output once (date not in the future, meeting of the process), freezing its latest version.")
            .Produces<OutputAnswer>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("on", "meetingId");
        api.MapPut("/processes/{slug}/outputs/{id:int}/positions/{code}", RecordPositionAsync).Requires(Operation.DraftOutputs)
            .WithName("RecordOutputPosition").WithSummary("Records or changes a member state's position on an adopted output (the secretariat).")
            .Produces<OutputPositionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("kind", "on");
        api.MapDelete("/processes/{slug}/outputs/{id:int}/positions/{code}", RemovePositionAsync).Requires(Operation.DraftOutputs)
            .WithName("RemoveOutputPosition").WithSummary("Removes a state's recorded position (the secretariat).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<OutputListItem>>> ListAsync(
        AddressedProcess process, int? meeting, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct) =>
        TypedResults.Ok(await OutputQueries.ListAsync(db, await readers.CurrentAsync(user), process.Id, meeting, ct));

    private static async Task<Results<Created<OutputAnswer>, ValidationProblem>> CreateAsync(
        AddressedProcess process, NewOutput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<OutputsText> t, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        var outcome = await OutputCommands.CreateAsync(db, clock, process.Id, reader.UserId!, input, ct);
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/outputs/{outcome.Value}", (await AnswerAsync(db, reader, process, outcome.Value, null, ct))!);
    }

    private static async Task<Results<Ok<OutputAnswer>, ProblemHttpResult>> GetAsync(
        AddressedProcess process, int id, int? version, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct) =>
        await AnswerAsync(db, await readers.CurrentAsync(user), process, id, version, ct) is { } answer ? TypedResults.Ok(answer) : NoOutput();

    private static async Task<Results<Created<OutputAnswer>, ValidationProblem, ProblemHttpResult>> SaveVersionAsync(
        AddressedProcess process, int id, NewDraftVersion input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<OutputsText> t, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        if (await OutputQueries.FindAsync(db, reader, process.Id, id, ct) is null)
        {
            return NoOutput();
        }
        var outcome = await OutputCommands.SaveVersionAsync(db, clock, id, reader.UserId!, input, ct);
        if (outcome.Refusal is { } refusal)
        {
            return Conflict(t[refusal]);
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/outputs/{id}?version={outcome.Value}",
            (await AnswerAsync(db, reader, process, id, outcome.Value, ct))!);
    }

    private static async Task<Results<Ok<DraftComparison>, ProblemHttpResult>> DiffAsync(
        AddressedProcess process, int id, int? from, int? to, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct) =>
        await OutputQueries.FindAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not null
            && await OutputQueries.CompareAsync(db, id, from, to, ct) is { } comparison
            ? TypedResults.Ok(comparison)
            : NoOutput();

    private static async Task<Results<Ok<List<OutputCommentView>>, ProblemHttpResult>> CommentsAsync(
        AddressedProcess process, int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct) =>
        await OutputQueries.FindAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not null
            ? TypedResults.Ok(await OutputQueries.CommentsAsync(db, id, ct))
            : NoOutput();

    private static async Task<Results<Created<OutputCommentView>, ValidationProblem, ProblemHttpResult>> CommentAsync(
        AddressedProcess process, int id, NewDraftComment input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<OutputsText> t, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        if (await OutputQueries.FindAsync(db, reader, process.Id, id, ct) is null)
        {
            return NoOutput();
        }
        var outcome = await OutputCommands.CommentAsync(db, clock, id, process.Id, reader, input, ct);
        if (outcome.Refusal is { } refusal)
        {
            return Conflict(t[refusal]);
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        var comment = (await OutputQueries.CommentsAsync(db, id, ct)).Single(c => c.Id == outcome.Value);
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/outputs/{id}/comments", comment);
    }

    private static async Task<Results<Created<OutputAnswer>, ValidationProblem, ProblemHttpResult>> AdoptAsync(
        AddressedProcess process, int id, Adoption input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<OutputsText> t, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        if (await OutputQueries.FindAsync(db, reader, process.Id, id, ct) is null)
        {
            return NoOutput();
        }
        var outcome = await OutputCommands.AdoptAsync(db, clock, id, process.Id, input, ct);
        if (outcome.Refusal is { } refusal)
        {
            return Conflict(t[refusal]);
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/outputs/{id}", (await AnswerAsync(db, reader, process, id, null, ct))!);
    }

    private static async Task<Results<Ok<OutputPositionView>, ValidationProblem, ProblemHttpResult>> RecordPositionAsync(
        AddressedProcess process, int id, string code, PositionInput input, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<OutputsText> t, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        if (await OutputQueries.FindAsync(db, reader, process.Id, id, ct) is null)
        {
            return NoOutput();
        }
        // The address names the state: changing a position here is what the client asks for.
        var outcome = await OutputCommands.RecordPositionAsync(db, clock, id, process.Id, reader.UserId!, code, input, replace: true, ct);
        if (outcome.Refusal is { } refusal)
        {
            return Conflict(t[refusal]);
        }
        if (!outcome.Done)
        {
            return Invalid(outcome.Errors, t);
        }
        var stateCode = code.Trim().ToUpperInvariant();
        return TypedResults.Ok((await OutputQueries.PositionsAsync(db, id, ct)).Single(p => p.StateCode == stateCode));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePositionAsync(
        AddressedProcess process, int id, string code, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct)
    {
        if (await OutputQueries.FindAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is null)
        {
            return NoOutput();
        }
        return await OutputCommands.RemovePositionAsync(db, id, code, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Position not found", detail: "This state has no position recorded on this output.");
    }

    private static async Task<OutputAnswer?> AnswerAsync(AppDbContext db, MeetingReader reader, AddressedProcess process, int id, int? version, CancellationToken ct) =>
        await OutputQueries.FindAsync(db, reader, process.Id, id, ct) is { } output && await OutputQueries.ViewAsync(db, output, version, ct) is { } view
            ? new OutputAnswer(view.Output, view.AdoptedVersion, view.Current, view.Versions, view.Comments, view.Recommendations, view.Positions)
            : null;

    /// <summary>Field errors as the JSON spells the fields; the state of a position is named by the address ("code").</summary>
    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, IStringLocalizer<OutputsText> t) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field == nameof(OutputPosition.StateCode) ? "code" : JsonNamingPolicy.CamelCase.ConvertName(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => t[e.Message].Value).ToArray()),
            title: t["The output could not be saved."]);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: detail);

    private static ProblemHttpResult NoOutput() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Output not found", detail: "There is no output with this id in this process that you may see.");
}
