using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
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
        practices.MapPost("/{id:int}/withdrawal", WithdrawAsync).Requires(Operation.SubmitPractices)
            .WithName("WithdrawPractice").WithSummary("Its submitter withdraws a practice not yet published: the secretariat no longer reviews it; it may be changed and submitted again (404 to anyone but its submitter).")
            .ProducesValidationProblem();
        practices.MapPost("/{id:int}/attachments", AttachAsync).Requires(Operation.SubmitPractices)
            .WithName("AttachToPractice").WithSummary("Attaches a document (multipart form: file) to a practice, for its submitter and the process's secretariat, up to five; the file passes the document checks.")
            .Accepts<PracticeAttachmentForm>("multipart/form-data")
            .Produces<PracticeAttachmentView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        practices.MapGet("/{id:int}/attachments/{fileId:int}", AttachmentAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetPracticeAttachment").WithSummary("Downloads a document of a practice, for whoever may read the practice (404 to anyone else).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        return api;
    }

    /// <summary>The multipart form of an attachment, for the OpenAPI document.</summary>
    public sealed class PracticeAttachmentForm
    {
        public required IFormFile File { get; init; }
    }

    private static async Task<Results<Created<PracticeAttachmentView>, ValidationProblem, ProblemHttpResult>> AttachAsync(AppDbContext db, PracticeDesk desk,
        IStringLocalizer<PracticesText> t, IStringLocalizer<DocumentsText> documentsText, IConfiguration configuration, ILogger<PracticeDesk> logger,
        HttpContext http, AddressedProcess process, int id, CancellationToken ct)
    {
        var read = await DocumentUpload.ReadApiFormAsync(http, configuration, documentsText, ct);
        if (read.Form is not { } form)
        {
            return read.Status == StatusCodes.Status413PayloadTooLarge
                ? TypedResults.Problem(read.Refusal, statusCode: StatusCodes.Status413PayloadTooLarge)
                : FileRefused(t, read.Refusal!);
        }
        var (file, error) = await DocumentUpload.CheckFileAsync(form.Files.GetFile("file"), configuration, documentsText, logger, ct);
        if (file is null)
        {
            return FileRefused(t, error!);
        }
        var outcome = await desk.AttachAsync(process.Id, id, file, await desk.ActorAsync(http.User, process.Id, ct), ct);
        if (outcome.NotFound)
        {
            return NoPractice(t);
        }
        if (!outcome.Done)
        {
            return FileRefused(t, outcome.Errors[PracticeDesk.AttachmentsField][0]);
        }
        var stored = await db.PracticeAttachments.AsNoTracking().Where(f => f.Id == outcome.Id)
            .Select(f => new PracticeAttachmentView(f.Id, f.FileName, f.Length, f.AddedAt)).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/practices/{id}/attachments/{stored.FileId}", stored);
    }

    private static ValidationProblem FileRefused(IStringLocalizer<PracticesText> t, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, title: t["The document could not be attached."]);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttachmentAsync(PracticeDesk desk, Meetings.MeetingReaders readers,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, int id, int fileId, CancellationToken ct) =>
        await desk.AttachmentAsync(process.Id, id, fileId, await readers.CurrentAsync(http.User), ct) is { } file
            ? TypedResults.File(file.Bytes, file.ContentType, file.FileName)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["No such document that you may read."]);

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
        var outcome = await desk.SubmitAsync(process, null, practice, actor, ct);
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

    private static async Task<Results<Ok<PracticeDetails>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(AppDbContext db, PracticeDesk desk,
        IStringLocalizer<PracticesText> t, HttpContext http, AddressedProcess process, int id, CancellationToken ct)
    {
        var actor = await desk.ActorAsync(http.User, process.Id, ct);
        return await AnswerAsync(db, t, actor, process, await desk.WithdrawAsync(process.Id, id, actor, ct), t["The practice could not be withdrawn."], ct);
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
