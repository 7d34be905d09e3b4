using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Documents;

/// <summary>What the secretariat may change on a document after uploading it: its title and who may read it.</summary>
public sealed class DocumentChange
{
    public string? Title { get; set; }
    public DocumentAccess Access { get; set; } = DocumentAccess.Meeting;
}

/// <summary>The secretariat's changes to a stored document, shared by its page and the API. Each change is one save, so
/// that it leaves its audit entries (filed under the meeting's process) or nothing at all.</summary>
public static class DocumentChanges
{
    public const int MaxTitleLength = 300;

    /// <summary>The title rules of a new document and of a renamed one.</summary>
    public static IEnumerable<FieldError> CheckTitle(string? title, IStringLocalizer<DocumentsText> t)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            yield return new(nameof(DocumentChange.Title), t["Give the document a title."]);
        }
        else if (title.Trim().Length > MaxTitleLength)
        {
            yield return new(nameof(DocumentChange.Title), t["A title has at most 300 characters."]);
        }
    }

    /// <summary>An access level or translation status by its name; false for anything that is not one of them.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    /// <summary>The document, tracked with its meeting (whose process its audit entries are filed under) and its versions;
    /// null if the meeting has no such document.</summary>
    public static Task<Document?> FindToChangeAsync(AppDbContext db, int meetingId, int documentId, CancellationToken ct) =>
        db.Documents.Include(d => d.Meeting).Include(d => d.Versions)
            .SingleOrDefaultAsync(d => d.Id == documentId && d.MeetingId == meetingId, ct);

    /// <summary>Renames the document and sets who may read it. The levels are all within the meeting's audience, so no
    /// choice can open the document wider than its meeting.</summary>
    public static async Task ChangeAsync(AppDbContext db, Document document, string title, DocumentAccess access, CancellationToken ct)
    {
        document.Title = title.Trim();
        document.Access = access;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets the translation status of one version; false when the document has no such version.</summary>
    public static async Task<bool> SetStatusAsync(AppDbContext db, Document document, int versionId, TranslationStatus status, CancellationToken ct)
    {
        if (document.Versions.SingleOrDefault(v => v.Id == versionId) is not { } version)
        {
            return false;
        }
        version.Status = status;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes the document with every version and file. The files' bytes are not read: each is deleted through a
    /// stand-in that carries its key, so that its removal is logged like the rest.</summary>
    public static async Task DeleteAsync(AppDbContext db, Document document, CancellationToken ct)
    {
        var versions = document.Versions.ToDictionary(v => v.Id);
        var ids = versions.Keys.ToList();
        var stored = await db.DocumentContents.AsNoTracking().Where(c => ids.Contains(c.VersionId)).Select(c => c.VersionId).ToListAsync(ct);
        foreach (var versionId in stored)
        {
            db.DocumentContents.Remove(new DocumentContent { VersionId = versionId, Version = versions[versionId], Bytes = [] });
        }
        db.DocumentVersions.RemoveRange(document.Versions);
        db.Documents.Remove(document);
        await db.SaveChangesAsync(ct);
    }
}
