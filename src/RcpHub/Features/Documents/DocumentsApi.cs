using System.IO.Compression;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Delegations;
using RcpHub.Features.Meetings;
using RcpHub.Features.Reports;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Documents;

/// <summary>A meeting's documents in JSON under /api/v1, their files and the meeting pack. Reading answers what the
/// meeting's audience and each document's access let the caller see (anything else is "not found"); uploading is for
/// the secretariat of the process named in the address.</summary>
public static class DocumentsApi
{
    public sealed record DocumentListItem(int Id, string Title, DocumentAccess Access, MeetingAudience MeetingAudience, int? AgendaItemId, int? SessionId,
        IReadOnlyList<VersionView> Latest, string Url);

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{id:int}/documents", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListMeetingDocuments").WithSummary("The documents of a meeting the caller may see, each with its latest version per language.")
            .Produces<IReadOnlyList<DocumentListItem>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:int}/documents/{documentId:int}", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetMeetingDocument").WithSummary("A document of a meeting with every version in every language.")
            .Produces<DocumentView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:int}/documents/{documentId:int}/versions/{versionId:int}/file", DownloadAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("DownloadMeetingDocument").WithSummary("The file of one version of a document, as an attachment.")
            .Produces(StatusCodes.Status200OK, contentType: FileSniffer.ContentTypes[0], additionalContentTypes: [.. FileSniffer.ContentTypes.Skip(1)])
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:int}/pack", PackAsync).Requires(Operation.ViewPublicRegistry).RequireRateLimiting(RateLimits.MeetingPack)
            .WithName("DownloadMeetingPack").WithSummary("One ZIP of the agenda, the meeting report (adopted, else the current draft) and the latest version of every document the caller may see.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/processes/{slug}/meetings/{id:int}/documents", UploadAsync).Requires(Operation.ScheduleMeetings)
            .WithName("UploadMeetingDocument").WithSummary("Uploads a new document (multipart form: file, title, language, status, access, agendaItemId, sessionId).")
            .Accepts<NewDocumentForm>("multipart/form-data")
            .Produces<DocumentView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/processes/{slug}/meetings/{id:int}/documents/{documentId:int}/versions", UploadVersionAsync).Requires(Operation.ScheduleMeetings)
            .WithName("UploadMeetingDocumentVersion").WithSummary("Uploads a new version, or a language version, of a document (multipart form: file, language, status).")
            .Accepts<NewVersionForm>("multipart/form-data")
            .Produces<DocumentView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPatch("/processes/{slug}/meetings/{id:int}/documents/{documentId:int}", ChangeAsync).Requires(Operation.ScheduleMeetings)
            .WithName("ChangeMeetingDocument").WithSummary("Renames a document or sets who may read it (JSON: title, access; either may be left out). For the secretariat.")
            .Produces<DocumentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/processes/{slug}/meetings/{id:int}/documents/{documentId:int}/versions/{versionId:int}", SetStatusAsync).Requires(Operation.ScheduleMeetings)
            .WithName("SetMeetingDocumentVersionStatus").WithSummary("Sets the translation status of one version of a document (JSON: status). For the secretariat.")
            .Produces<DocumentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RefusesWithout("status");
        api.MapDelete("/processes/{slug}/meetings/{id:int}/documents/{documentId:int}", DeleteAsync).Requires(Operation.ScheduleMeetings)
            .WithName("DeleteMeetingDocument").WithSummary("Deletes a document with every version and file. For the secretariat.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>What to change on a document; a field left out (null) stays as it is. Access is a name: Meeting, Members or Secretariat.</summary>
    public sealed record DocumentPatch(string? Title, string? Access);

    /// <summary>The translation status of a version by name: Original, Draft or Final.</summary>
    public sealed record VersionPatch(string? Status);

    private static async Task<Results<Ok<IReadOnlyList<DocumentListItem>>, ProblemHttpResult>> ListAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, HttpRequest request, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is not { } readable)
        {
            return NoMeeting();
        }
        var site = MeetingCalendar.Site(request);
        var documents = await DocumentReading.ListAsync(db, readable, null, ct);
        return TypedResults.Ok<IReadOnlyList<DocumentListItem>>([.. documents.Select(d => new DocumentListItem(d.Id, d.Title, d.Access, d.MeetingAudience,
            d.AgendaItemId, d.SessionId, d.Latest, new Uri(site, $"/api/v1/meetings/{id}/documents/{d.Id}").AbsoluteUri))]);
    }

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> GetAsync(
        int id, int documentId, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct) =>
        await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is { } readable
            && await DocumentReading.FindAsync(db, readable, documentId, ct) is { } document
            ? TypedResults.Ok(document)
            : NoDocument();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, int documentId, int versionId, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization,
        HttpResponse response, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is not { } readable
            || await DocumentReading.FileAsync(db, readable, documentId, versionId, ct) is not { } file)
        {
            return NoDocument();
        }
        // Served as what its bytes were found to be, as an attachment, and never re-guessed by the browser.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Bytes, file.Version.ContentType, DocumentReading.SafeFileName(file.Version.FileName));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PackAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, HttpResponse response,
        ReportGate reports, MeetingLabels labels, IWebHostEnvironment environment, IStringLocalizer<ReportsText> reportsText,
        IStringLocalizer<DocumentsText> t, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is not { } readable)
        {
            return NoMeeting();
        }
        // The report follows the report pages' rule (ReportGate), checked on its own rather than assumed from the documents'.
        var report = await reports.ReportHtmlAsync(user, id, labels, reportsText, "site.css", ct);
        var zip = await MeetingPack.BuildAsync(db, readable, report, await StylesheetAsync(environment, ct), t, ct);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(zip, "application/zip", $"meeting-{id}-pack.zip");
    }

    private static Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        AddressedProcess process, int id, HttpContext context, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization,
        TimeProvider clock, IConfiguration configuration, IStringLocalizer<DocumentsText> t, ILogger<DocumentsText> logger, MeetingNotices notices, CancellationToken ct) =>
        StoreAsync(process, id, null, context, user, db, readers, authorization, clock, configuration, t, logger, notices, ct);

    private static Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult>> UploadVersionAsync(
        AddressedProcess process, int id, int documentId, HttpContext context, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization,
        TimeProvider clock, IConfiguration configuration, IStringLocalizer<DocumentsText> t, ILogger<DocumentsText> logger, MeetingNotices notices, CancellationToken ct) =>
        StoreAsync(process, id, documentId, context, user, db, readers, authorization, clock, configuration, t, logger, notices, ct);

    private static async Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        AddressedProcess process, int id, int? documentId, HttpContext context, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization,
        TimeProvider clock, IConfiguration configuration, IStringLocalizer<DocumentsText> t, ILogger logger, MeetingNotices notices, CancellationToken ct)
    {
        if (await MeetingCommands.FindToChangeAsync(db, process.Id, id, ct) is not { } meeting)
        {
            return NoMeeting();
        }
        var document = documentId is null ? null : await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.MeetingId == id, ct);
        if (documentId is not null && document is null)
        {
            return NoDocument();
        }
        var read = await DocumentUpload.ReadApiFormAsync(context, configuration, t, ct);
        if (read.Form is not { } form)
        {
            return read.Status == StatusCodes.Status413PayloadTooLarge ? TooLarge(t, configuration) : Invalid([new("file", read.Refusal!)]);
        }
        var input = Bind(form);
        if (input is null)
        {
            return Invalid([new("status", t["Choose one of the values offered."])]);
        }
        var errors = await DocumentUpload.CheckInputAsync(db, id, input, document is null, t, ct);
        var (file, fileError) = await DocumentUpload.CheckFileAsync(form.Files.GetFile("file"), configuration, t, logger, ct);
        if (fileError is not null)
        {
            errors.Add(new("file", fileError));
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        if (await DocumentUpload.SaveAsync(db, clock, meeting, document, input, file!, user, ct) is not { } version)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Uploaded by someone else meanwhile", detail: DocumentUpload.Collided(t));
        }
        if (document is null)
        {
            await DocumentUpload.AnnounceAsync(db, notices, meeting, version, ct);
        }
        var readable = (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct))!;
        var view = (await DocumentReading.FindAsync(db, readable, version.DocumentId, ct))!;
        return TypedResults.Created($"/api/v1/meetings/{id}/documents/{view.Id}", view);
    }

    private static async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        AddressedProcess process, int id, int documentId, DocumentPatch patch, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers,
        IAuthorizationService authorization, IStringLocalizer<DocumentsText> t, CancellationToken ct)
    {
        var (readable, document, refusal) = await ToChangeAsync(process, id, documentId, user, db, readers, authorization, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = patch.Title is null ? [] : DocumentChanges.CheckTitle(patch.Title, t).ToList();
        var access = document!.Access;
        if (patch.Access is not null && !DocumentChanges.TryParse(patch.Access, out access))
        {
            errors.Add(new(nameof(DocumentPatch.Access), t["Choose one of the values offered."]));
        }
        if (errors.Count > 0)
        {
            return Invalid(errors, "The document could not be changed.");
        }
        await DocumentChanges.ChangeAsync(db, document, patch.Title ?? document.Title, access, ct);
        return TypedResults.Ok((await DocumentReading.FindAsync(db, readable!, documentId, ct))!);
    }

    private static async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        AddressedProcess process, int id, int documentId, int versionId, VersionPatch patch, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers,
        IAuthorizationService authorization, IStringLocalizer<DocumentsText> t, CancellationToken ct)
    {
        var (readable, document, refusal) = await ToChangeAsync(process, id, documentId, user, db, readers, authorization, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!DocumentChanges.TryParse(patch.Status, out TranslationStatus status))
        {
            return Invalid([new(nameof(VersionPatch.Status), t["Choose one of the values offered."])], "The version could not be changed.");
        }
        if (!await DocumentChanges.SetStatusAsync(db, document!, versionId, status, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Version not found", detail: "This document has no version with this id.");
        }
        return TypedResults.Ok((await DocumentReading.FindAsync(db, readable!, documentId, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AddressedProcess process, int id, int documentId, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct)
    {
        var (_, document, refusal) = await ToChangeAsync(process, id, documentId, user, db, readers, authorization, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        await DocumentChanges.DeleteAsync(db, document!, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The document of a meeting of the process named in the address, tracked for a change; otherwise why not:
    /// "not found" when the caller may not see it (as when it does not exist), "forbidden" when they may see it but not
    /// manage its meeting.</summary>
    private static async Task<(ReadableMeeting? Readable, Document? Document, ProblemHttpResult? Refusal)> ToChangeAsync(
        AddressedProcess process, int id, int documentId, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, user, id, ct) is not { } readable
            || await DocumentChanges.FindToChangeAsync(db, id, documentId, ct) is not { } document
            || !readable.Levels.Contains(document.Access)
            || document.Meeting!.ProcessId != process.Id)
        {
            return (null, null, NoDocument());
        }
        if (!await authorization.MayAsync(user, readable.Meeting, MeetingOperations.Manage))
        {
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Only the secretariat of the meeting's process may change or delete its documents. Nothing has been changed."));
        }
        return (readable, document, null);
    }

    /// <summary>The form fields by their JSON names; null when a status or access is not one of its names.</summary>
    private static UploadInput? Bind(IFormCollection form)
    {
        var status = TranslationStatus.Original;
        var access = DocumentAccess.Meeting;
        if ((form["status"].FirstOrDefault() is { } s && !DocumentChanges.TryParse(s, out status))
            || (form["access"].FirstOrDefault() is { } a && !DocumentChanges.TryParse(a, out access)))
        {
            return null;
        }
        return new UploadInput
        {
            Title = form["title"].FirstOrDefault(),
            Language = form["language"].FirstOrDefault() ?? "en",
            Status = status,
            Access = access,
            AgendaItemId = int.TryParse(form["agendaItemId"], out var item) ? item : null,
            SessionId = int.TryParse(form["sessionId"], out var session) ? session : null,
        };
    }

    private static ValidationProblem Invalid(IEnumerable<FieldError> errors, string title = "The document could not be stored.") => TypedResults.ValidationProblem(
        errors.GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: title);

    private static ProblemHttpResult TooLarge(IStringLocalizer<DocumentsText> t, IConfiguration configuration) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [DocumentUpload.TooLarge(t, configuration)] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The document could not be stored.",
        });

    private static async Task<byte[]?> StylesheetAsync(IWebHostEnvironment environment, CancellationToken ct)
    {
        var css = environment.WebRootFileProvider.GetFileInfo("css/site.css");
        if (!css.Exists)
        {
            return null;
        }
        await using var stream = css.CreateReadStream();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    // The same answer for what does not exist and for what the caller may not see: existence is not revealed.
    private static ProblemHttpResult NoMeeting() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting not found", detail: "There is no meeting with this id that you may see.");

    private static ProblemHttpResult NoDocument() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found", detail: "There is no document with this id that you may see.");
}
