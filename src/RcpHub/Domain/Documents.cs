namespace RcpHub.Domain;

/// <summary>A document circulated for a meeting (a concept note, a presentation, a report), in one or more
/// language versions, each with its own history. Who may read it: <see cref="DocumentAccessRule"/>.</summary>
public sealed class Document : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public required string Title { get; set; }


    /// <summary>The agenda item or the session the document belongs to, if any.</summary>
    public int? AgendaItemId { get; set; }
    public int? SessionId { get; set; }

    public DocumentAccess Access { get; set; } = DocumentAccess.Meeting;
    public DateTimeOffset CreatedAt { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];

    // Documents are added through their tracked meeting, so the navigation is loaded when the audit log reads this.
    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

/// <summary>Who may read a document, always within the meeting's own audience (never wider).</summary>
public enum DocumentAccess
{
    /// <summary>Whoever may see the meeting.</summary>
    Meeting,

    /// <summary>Of the meeting's audience, the members of its processes only: secretariat, chair, member-state focal points.</summary>
    Members,

    /// <summary>Of the meeting's audience, its organisers only: the secretariat and chair of its processes.</summary>
    Secretariat,
}

public enum TranslationStatus
{
    Original,
    Draft,
    Final,
}

/// <summary>One uploaded file of a document in one language. A new upload in the same language adds a version with
/// the next number; earlier ones stay downloadable. The bytes live apart (<see cref="DocumentContent"/>) so that
/// listing versions never loads them.</summary>
public sealed class DocumentVersion : IBelongsToProcess
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }

    /// <summary>Two-letter code: en, fr, es, ru or ar.</summary>
    public required string Language { get; set; }
    public TranslationStatus Status { get; set; }

    /// <summary>1, 2, 3... within the document's language.</summary>
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the bytes.</summary>
    public required string Sha256 { get; set; }
    public string? UploadedByUserId { get; set; }
    public string? UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Plain text read from the file for search; null when none could be read.</summary>
    public string? ExtractedText { get; set; }

    public DocumentContent? Content { get; set; }

    int IBelongsToProcess.ProcessId => Document?.Meeting?.ProcessId ?? 0;
}

/// <summary>The bytes of one <see cref="DocumentVersion"/>, in the database so that every web instance serves them.</summary>
public sealed class DocumentContent : IBelongsToProcess
{
    public int VersionId { get; set; }
    public DocumentVersion? Version { get; set; }
    public required byte[] Bytes { get; set; }

    int IBelongsToProcess.ProcessId => Version?.Document?.Meeting?.ProcessId ?? 0;
}
