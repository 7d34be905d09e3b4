using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Practices;

/// <summary>/api/v1/processes/{slug}/practices: the good practices of a process, with the same authorization and rules as
/// the pages.</summary>
public static class PracticesApi
{
    public static RouteGroupBuilder MapPracticesApi(this RouteGroupBuilder api)
    {
        var practices = api.MapGroup("/processes/{slug}/practices").WithTags("Good practices")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        practices.MapGet("/", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListPractices")
            .WithSummary("The published practices the reader may see (members-only ones for the process's members), newest first, filtered by country, theme, GCM objective, year and adapting state.");
        practices.MapGet("/{id:int}", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetPractice").WithSummary("A practice with its adaptations and comments (its submitter and the secretariat also read it before publication).");
        practices.MapPost("/", SubmitAsync).Requires(Operation.SubmitPractices)
            .WithName("SubmitPractice")
            .WithSummary("Submits a practice for review (a focal point for their own state, an organisation's people for it, the secretariat for any member state); the same title from the same state or organisation is refused.")
            .ProducesValidationProblem().RefusesWithout("title", "summary", "stateCode", "fromYear", "languages");
        practices.MapPost("/{id:int}/review", ReviewAsync).Requires(Operation.ReviewPractices)
            .WithName("ReviewPractice").WithSummary("Publishes a submitted practice (to the members or to everyone) or returns it with a note; the submitter is told by e-mail.")
            .ProducesValidationProblem().RefusesWithout("decision");
        practices.MapPost("/{id:int}/comments", CommentAsync).Requires(Operation.CommentOnPractices)
            .WithName("CommentOnPractice").WithSummary("Adds a member's comment to a published practice.")
            .ProducesValidationProblem().RefusesWithout("text");
        practices.MapPost("/{id:int}/adaptations", AdaptAsync).Requires(Operation.AdaptPractices)
            .WithName("AdaptPractice").WithSummary("Says a member state adapted the practice, with a note (a focal point for their own state); again for the same state corrects the note.")
            .ProducesValidationProblem().RefusesWithout("stateCode", "note");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PracticeRow>>> ListAsync(AppDbContext db, Meetings.MeetingReaders readers, HttpContext http, AddressedProcess process,
        string? country, int? theme, int? objective, int? year, string? adaptedBy, CancellationToken ct) =>
        TypedResults.Ok(await PracticeQueries.PublishedAsync(db, await readers.CurrentAsync(http.User), process.Id,
            PracticeFilter.Of(country, theme, objective, year, adaptedBy), Cultures.Current, ct));

    private static async Task<Results<Ok<PracticeDetails>, ProblemHttpResult>> GetAsync(AppDbContext db, Meetings.MeetingReaders readers,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, int id, CancellationToken ct) =>
        await PracticeQueries.DetailsAsync(db, await readers.CurrentAsync(http.User), process.Id, id, Cultures.Current, ct) is { } practice
            ? TypedResults.Ok(practice)
            : NoPractice(t);

    private static async Task<Results<Created<PracticeDetails>, ValidationProblem, ProblemHttpResult>> SubmitAsync(AppDbContext db, PracticeDesk desk,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, PracticeInput practice, CancellationToken ct)
    {
        var actor = await desk.ActorAsync(http.User, process.Id, ct);
        var outcome = await desk.SubmitAsync(process.Id, null, practice, actor, ct);
        if (!outcome.Done)
        {
            return TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The practice could not be submitted."]);
        }
        return await PracticeQueries.DetailsAsync(db, actor.Reader, process.Id, outcome.Id!.Value, Cultures.Current, ct) is { } details
            ? TypedResults.Created($"/api/v1/processes/{process.Slug}/practices/{outcome.Id}", details)
            : NoPractice(t);
    }

    private static async Task<Results<Ok<PracticeDetails>, ValidationProblem, ProblemHttpResult>> ReviewAsync(AppDbContext db, PracticeDesk desk,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, int id, PracticeReviewInput review, CancellationToken ct)
    {
        var actor = await desk.ActorAsync(http.User, process.Id, ct);
        return await AnswerAsync(db, t, actor, process, await desk.ReviewAsync(process, id, review, actor, ct), t["The practice could not be reviewed."], ct);
    }

    private static async Task<Results<Ok<PracticeDetails>, ValidationProblem, ProblemHttpResult>> CommentAsync(AppDbContext db, PracticeDesk desk,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, int id, PracticeCommentInput comment, CancellationToken ct)
    {
        var actor = await desk.ActorAsync(http.User, process.Id, ct);
        return await AnswerAsync(db, t, actor, process, await desk.CommentAsync(process.Id, id, comment, actor, ct), t["The comment could not be added."], ct);
    }

    private static async Task<Results<Ok<PracticeDetails>, ValidationProblem, ProblemHttpResult>> AdaptAsync(AppDbContext db, PracticeDesk desk,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, int id, PracticeAdaptationInput adaptation, CancellationToken ct)
    {
        var actor = await desk.ActorAsync(http.User, process.Id, ct);
        return await AnswerAsync(db, t, actor, process, await desk.AdaptAsync(process.Id, id, adaptation, actor, ct), t["The adaptation could not be recorded."], ct);
    }

    private static async Task<Results<Ok<PracticeDetails>, ValidationProblem, ProblemHttpResult>> AnswerAsync(AppDbContext db, IStringLocalizer<PracticesText> t,
        PracticeActor actor, AddressedProcess process, PracticeOutcome outcome, string refused, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return NoPractice(t);
        }
        if (!outcome.Done)
        {
            return TypedResults.ValidationProblem(outcome.JsonErrors, title: refused);
        }
        return await PracticeQueries.DetailsAsync(db, actor.Reader, process.Id, outcome.Id!.Value, Cultures.Current, ct) is { } details
            ? TypedResults.Ok(details)
            : NoPractice(t);
    }

    private static ProblemHttpResult NoPractice(IStringLocalizer<PracticesText> t) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["No such practice that you may read."]);
}
