using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Documents;

public sealed record VersionView(int Id, string Language, TranslationStatus Status, int Number, string FileName, string ContentType, long Size,
    string Sha256, string? UploadedBy, DateTimeOffset UploadedAt, bool HasText);

public sealed record DocumentView(int Id, int MeetingId, string Title, DocumentAccess Access, MeetingAudience MeetingAudience,
    int? AgendaItemId, string? AgendaItemTitle, int? SessionId, string? SessionTitle, DateTimeOffset CreatedAt, IReadOnlyList<VersionView> Versions)
{
    /// <summary>The newest version in each language, in the platform's language order.</summary>
    public IReadOnlyList<VersionView> Latest => [.. Versions.GroupBy(v => v.Language).Select(g => g.MaxBy(v => v.Number)!)
        .OrderBy(v => Array.IndexOf(DocumentUpload.Languages, v.Language))];

    public VersionView? LatestIn(string language) => Versions.Where(v => v.Language == language).MaxBy(v => v.Number);
}

/// <summary>A meeting its reader may see, with the document access levels open to them.</summary>
public sealed record ReadableMeeting(Meeting Meeting, MeetingReader Reader, IReadOnlyList<DocumentAccess> Levels)
{
    /// <summary>Columns of the side-by-side view: the meeting's working languages and any other language a document has.</summary>
    public IReadOnlyList<string> LanguagesWith(IEnumerable<DocumentView> documents) =>
        [.. DocumentUpload.Languages.Where(l => Meeting.WorkingLanguages.Contains(l) || documents.Any(d => d.Versions.Any(v => v.Language == l)))];
}

/// <summary>Every read of documents goes through here: first the meeting's own rule, then the document's access level,
/// so that a document its reader may not see is neither shown, nor counted, nor downloadable.</summary>
public static class DocumentReading
{
    /// <summary>The meeting, if <paramref name="user"/> may see it in full; null (answer 404) otherwise.</summary>
    public static async Task<ReadableMeeting?> MeetingAsync(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization,
        ClaimsPrincipal user, int meetingId, CancellationToken ct)
    {
        var meeting = await db.FindForAccessAsync(meetingId, ct);
        if (meeting is null || !await authorization.MayAsync(user, meeting, MeetingOperations.View))
        {
            return null;
        }
        var reader = await readers.CurrentAsync(user);
        return new ReadableMeeting(meeting, reader, DocumentAccessRule.LevelsFor(reader, meeting));
    }

    /// <summary>The documents of the meeting the reader may see, with their versions (never their bytes nor text), in one query.</summary>
    public static async Task<IReadOnlyList<DocumentView>> ListAsync(AppDbContext db, ReadableMeeting readable, int? documentId, CancellationToken ct)
    {
        var levels = readable.Levels.ToList();
        var audience = readable.Meeting.Audience;
        return await db.Documents.AsNoTracking()
            .Where(d => d.MeetingId == readable.Meeting.Id && levels.Contains(d.Access) && (documentId == null || d.Id == documentId))
            .OrderBy(d => d.Title).ThenBy(d => d.Id)
            .Select(d => new DocumentView(d.Id, d.MeetingId, d.Title, d.Access, audience,
                d.AgendaItemId, db.AgendaItems.Where(i => i.Id == d.AgendaItemId).Select(i => i.Title).FirstOrDefault(),
                d.SessionId, db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.Title).FirstOrDefault(),
                d.CreatedAt,
                d.Versions.OrderBy(v => v.Language).ThenByDescending(v => v.Number)
                    .Select(v => new VersionView(v.Id, v.Language, v.Status, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256,
                        v.UploadedByName, v.UploadedAt, v.ExtractedText != null))
                    .ToList()))
            .ToListAsync(ct);
    }

    public static async Task<DocumentView?> FindAsync(AppDbContext db, ReadableMeeting readable, int documentId, CancellationToken ct) =>
        (await ListAsync(db, readable, documentId, ct)).SingleOrDefault();

    /// <summary>The bytes of a version of a document the reader may see; null otherwise.</summary>
    public static async Task<(VersionView Version, byte[] Bytes)?> FileAsync(AppDbContext db, ReadableMeeting readable, int documentId, int versionId, CancellationToken ct)
    {
        var levels = readable.Levels.ToList();
        var found = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.Id == versionId && v.DocumentId == documentId && v.Document!.MeetingId == readable.Meeting.Id && levels.Contains(v.Document.Access))
            .Select(v => new
            {
                View = new VersionView(v.Id, v.Language, v.Status, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedByName, v.UploadedAt, v.ExtractedText != null),
                v.Content!.Bytes,
            })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.View, found.Bytes);
    }

    /// <summary>A file name safe in a Content-Disposition header and on any disk: letters, digits, dot, dash, underscore. A
    /// name stored before names were cleaned loses its invisible characters rather than showing them as underscores.</summary>
    public static string SafeFileName(string name)
    {
        var safe = new string([.. FileSniffer.CleanName(name).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).Trim('.');
        return safe.Length == 0 ? "document" : safe;
    }
}
