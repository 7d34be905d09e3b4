using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.Features.Delegations;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Documents;

/// <summary>What the secretariat gives with a file: for a new document its title, place in the meeting and access;
/// for every file its language and translation status.</summary>
public sealed class UploadInput
{
    public string? Title { get; set; }

    public string Language { get; set; } = "en";
    public TranslationStatus Status { get; set; } = TranslationStatus.Original;
    public DocumentAccess Access { get; set; } = DocumentAccess.Meeting;
    public int? AgendaItemId { get; set; }
    public int? SessionId { get; set; }

    /// <summary>The form for adding to an existing document: most often its translation, so a language it has no
    /// version in yet (the first in the platform's order), as a draft.</summary>
    public static UploadInput TranslationOf(DocumentView document) => new()
    {
        Language = DocumentUpload.Languages.FirstOrDefault(l => document.LatestIn(l) is null)
            ?? document.Latest.FirstOrDefault()?.Language ?? DocumentUpload.Languages[0],
        Status = TranslationStatus.Draft,
    };
}

/// <summary>A file that passed every check, ready to store, with the text read from it for search.</summary>
public sealed record CheckedFile(string FileName, FileKind Kind, byte[] Bytes, string? Text);

/// <summary>The upload rules shared by the form and the API: size, content type, name; then the save.</summary>
public static class DocumentUpload
{
    public static readonly string[] Languages = ["en", "fr", "es", "ru", "ar"];

    private const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>Room for the form's other fields around the file in a request.</summary>
    private const long FormOverhead = 1024 * 1024;

    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue<long?>("Documents:MaxBytes") ?? DefaultMaxBytes;

    /// <summary>"20 MB", for messages.</summary>
    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " MB";

    /// <summary>Raises the request body limit of an upload to the file limit and a little room for the form, before the body
    /// is read; false when the request announces a larger body, which is then refused without reading it.</summary>
    public static bool AdmitBody(HttpContext context, IConfiguration configuration)
    {
        var limit = MaxBytes(configuration) + FormOverhead;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        // The server's own limit holds only where the server has one, and a body sent in chunks announces no length: the
        // body is counted here too, so that no transfer encoding gets past the limit.
        if (!context.Features.IsReadOnly && context.Features.Get<BodyLimit>() is null)
        {
            var counted = new BodyLimit(limit);
            context.Features.Set(counted);
            context.Request.Body = new ReadingLimits.CountingStream(context.Request.Body, counted.Count);
        }
        if (context.Features.Get<IFormFeature>() is null or { Form: null })
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
        return context.Request.ContentLength is not { } length || length <= limit;
    }

    /// <summary>The form of an upload after <see cref="AdmitBody"/>, or why it cannot be read: 413 for a body over the limit,
    /// 400 for a body that is not a well-formed form (a broken multipart body, a section header it cannot parse).</summary>
    public static async Task<(IFormCollection? Form, int Status)> ReadFormAsync(HttpContext context, CancellationToken ct)
    {
        try
        {
            return (await context.Request.ReadFormAsync(ct), StatusCodes.Status200OK);
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            return (null, context.Features.Get<BodyLimit>() is { Exceeded: true } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>An API upload's form, or why it cannot be read: <see cref="Status"/> 413 (too large) or 400 (not a form, or a
    /// broken one) with the message for the <c>file</c> field.</summary>
    public sealed record ApiForm(IFormCollection? Form, int Status, string? Refusal);

    /// <summary>The API's one way to read a multipart upload: the body's size (<see cref="AdmitBody"/>), its type and its form
    /// (<see cref="ReadFormAsync"/>). Each endpoint answers a refusal in its own problem's shape.</summary>
    public static async Task<ApiForm> ReadApiFormAsync(HttpContext context, IConfiguration configuration, IStringLocalizer<DocumentsText> t, CancellationToken ct)
    {
        if (!AdmitBody(context, configuration))
        {
            return new(null, StatusCodes.Status413PayloadTooLarge, TooLarge(t, configuration));
        }
        if (!context.Request.HasFormContentType)
        {
            return new(null, StatusCodes.Status400BadRequest, t["Send the file as multipart/form-data."]);
        }
        var (form, status) = await ReadFormAsync(context, ct);
        return form is not null ? new(form, StatusCodes.Status200OK, null)
            : status == StatusCodes.Status413PayloadTooLarge ? new(null, status, TooLarge(t, configuration))
            : new(null, StatusCodes.Status400BadRequest,
                t["The request is not a well-formed multipart/form-data form (a broken part, or a file name with quotes or line breaks): nothing has been stored."]);
    }

    /// <summary>Fails a request body, as the server does, once more than its limit has been read.</summary>
    private sealed class BodyLimit(long limit)
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public void Count(int bytes)
        {
            _read += bytes;
            if (_read > limit)
            {
                Exceeded = true;
                throw new BadHttpRequestException("The request body is larger than the upload limit.", StatusCodes.Status413PayloadTooLarge);
            }
        }
    }

    public static string TooLarge(IStringLocalizer<DocumentsText> t, IConfiguration configuration) =>
        t["The file is larger than {0}, the largest file accepted.", Megabytes(MaxBytes(configuration))];

    public static string Collided(IStringLocalizer<DocumentsText> t) =>
        t["Other versions of this document in this language were uploaded at the same moment. Yours was not stored: check the document and upload again."];

    /// <summary>Reads and checks the file, then reads its text within <see cref="ReadingLimits"/>: nothing about it is
    /// trusted but its bytes. Its name is cleaned of invisible and control characters (<see cref="FileSniffer.CleanName"/>).</summary>
    public static async Task<(CheckedFile? File, string? Error)> CheckFileAsync(IFormFile? file, IConfiguration configuration, IStringLocalizer<DocumentsText> t,
        ILogger logger, CancellationToken ct)
    {
        if (file is null)
        {
            return (null, t["Choose a file."]);
        }
        if (file.Length > MaxBytes(configuration))
        {
            return (null, TooLarge(t, configuration));
        }
        // IFormFile.FileName throws on a Content-Disposition it cannot parse (a quote or line break in the name).
        var fileName = ContentDispositionHeaderValue.TryParse(file.ContentDisposition, out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString()
            : "";
        fileName = FileSniffer.CleanName(fileName);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }
        var result = FileSniffer.Check(fileName, bytes);
        var error = result.Refusal switch
        {
            FileRefusal.None => null,
            FileRefusal.Empty => t["The file is empty."],
            FileRefusal.PathInName => t["The file name contains a folder or drive ({0}): give a file name only.", fileName],
            FileRefusal.BadName => t["The file name is not valid: at most 200 characters, no control characters, not starting with a dot."],
            FileRefusal.Archive => t["Archives (ZIP, 7z, RAR, TAR, GZ) are not accepted: upload each document on its own."],
            FileRefusal.NameDoesNotMatch => t["The file is a {0} file but its name ends otherwise: name it {1}.", result.Kind!.Name, string.Join(" / ", result.Kind.Extensions)],
            FileRefusal.Macros => t["Files with macros are not accepted: save the document without macros (as .docx, .xlsx or .pptx) and upload it again."],
            FileRefusal.Overloaded => Overloaded(t),
            _ => t["This type of file is not accepted: upload a PDF, an Office or OpenDocument file, or an image (PNG, JPEG, GIF, WebP)."],
        };
        if (error is not null)
        {
            return (null, error);
        }
        var text = await TextExtractor.ExtractAsync(result.Kind!, bytes, logger, ct);
        return text.OverLimits ? (null, Overloaded(t)) : (new CheckedFile(fileName, result.Kind!, bytes, text.Text), null);
    }

    /// <summary>Checks the files of a form that takes several (<see cref="CheckFileAsync"/> each; an empty file input is no
    /// file): the files that passed, and a message for each that did not.</summary>
    public static async Task<(List<CheckedFile> Files, List<string> Errors)> CheckFilesAsync(IEnumerable<IFormFile> uploads, IConfiguration configuration,
        IStringLocalizer<DocumentsText> t, ILogger logger, CancellationToken ct)
    {
        var (files, errors) = (new List<CheckedFile>(), new List<string>());
        foreach (var upload in uploads.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            var (file, error) = await CheckFileAsync(upload, configuration, t, logger, ct);
            if (file is null)
            {
                errors.Add(error!);
            }
            else
            {
                files.Add(file);
            }
        }
        return (files, errors);
    }

    private static string Overloaded(IStringLocalizer<DocumentsText> t) =>
        t["The file unpacks to far more than its size, or has too many parts, to be read safely: it is damaged or built to overload the server, and is not accepted."];

    /// <summary>The other fields: a title for a new document, a known language, an agenda item and session of this meeting.</summary>
    public static async Task<List<FieldError>> CheckInputAsync(AppDbContext db, int meetingId, UploadInput input, bool newDocument, IStringLocalizer<DocumentsText> t, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (newDocument)
        {
            errors.AddRange(DocumentChanges.CheckTitle(input.Title, t));
        }
        if (!Languages.Contains(input.Language))
        {
            errors.Add(new(nameof(UploadInput.Language), t["Choose one of the languages offered."]));
        }
        if (newDocument && input.AgendaItemId is { } item && !await db.AgendaItems.AnyAsync(i => i.Id == item && i.MeetingId == meetingId, ct))
        {
            errors.Add(new(nameof(UploadInput.AgendaItemId), t["Choose an item of this meeting's agenda."]));
        }
        if (newDocument && input.SessionId is { } session && !await db.Sessions.AnyAsync(s => s.Id == session && s.MeetingId == meetingId, ct))
        {
            errors.Add(new(nameof(UploadInput.SessionId), t["Choose a session of this meeting."]));
        }
        return errors;
    }

    /// <summary>Tells the people who may read a document just added to the meeting (after the save that stored it: the
    /// outbox key needs the document's id), and sends the mail; how many people are told.</summary>
    public static async Task<int> AnnounceAsync(AppDbContext db, MeetingNotices notices, Meeting meeting, DocumentVersion version, CancellationToken ct)
    {
        var document = version.Document ?? await db.Documents.SingleAsync(d => d.Id == version.DocumentId, ct);
        var told = await notices.DocumentAddedAsync(meeting, document, ct);
        await db.SaveChangesAsync(ct);
        await notices.DeliverAsync(ct);
        return told;
    }

    /// <summary>Stores a new document with its first version, or a new version of <paramref name="document"/>; null when
    /// other uploads of the same document and language at the same instant took the number twice (<see cref="NumberedSave"/>).</summary>
    public static async Task<DocumentVersion?> SaveAsync(AppDbContext db, TimeProvider clock, Meeting meeting, Document? document, UploadInput input,
        CheckedFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (document is null)
        {
            document = new Document
            {
                Meeting = meeting,
                Title = input.Title!.Trim(),
                Access = input.Access,
                AgendaItemId = input.AgendaItemId,
                SessionId = input.SessionId,
                CreatedAt = now,
            };
            db.Documents.Add(document);
        }
        document.Meeting = meeting;
        DocumentVersion? version = null;
        var saved = await NumberedSave.TrySaveAsync(db, async () =>
        {
            var number = document.Id == 0 ? 1
                : (await db.DocumentVersions.Where(v => v.DocumentId == document.Id && v.Language == input.Language).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            version = new DocumentVersion
            {
                Document = document,
                Language = input.Language,
                Status = input.Status,
                Number = number,
                FileName = file.FileName,
                ContentType = file.Kind.ContentType,
                Size = file.Bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
                UploadedByUserId = ProcessAccess.UserIdOf(user),
                UploadedByName = AccountClaims.NameOf(user),
                UploadedAt = now,
                ExtractedText = file.Text,
                Content = new DocumentContent { Bytes = file.Bytes },
            };
            db.DocumentVersions.Add(version);
        }, ct);
        return saved ? version : null;
    }
}
