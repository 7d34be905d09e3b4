namespace RcpHub.Domain;

/// <summary>A joint position that the civil society organisations of a process draft together in its caucus: a shared
/// text in versions (never changed once saved) with paragraph comments, each organisation's stance (endorsement, or
/// dissent with its text), then one submission to a meeting of the process, where it is shown as a statement with its
/// endorsers and dissenters. Submitting freezes it. Who may read the caucus: decision 0025.</summary>
public sealed class CaucusPosition : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    public required string Title { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set once, on submission to a meeting: the text, comments and stances are then frozen.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public List<CaucusVersion> Versions { get; set; } = [];
    public List<CaucusStance> Stances { get; set; } = [];
}

/// <summary>One saved text of a caucus position; paragraphs as in <see cref="DraftText"/>.</summary>
public sealed class CaucusVersion : IBelongsToProcess
{
    public int Id { get; set; }
    public int PositionId { get; set; }
    public CaucusPosition? Position { get; set; }

    /// <summary>1, 2, 3... within the position.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }
    public string? Note { get; set; }
    public required string SavedByUserId { get; set; }
    public AppUser? SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    int IBelongsToProcess.ProcessId => Position?.ProcessId ?? 0;
}

/// <summary>A comment on one paragraph of a version, made for the author's organisation when they act for one.</summary>
public sealed class CaucusComment : IBelongsToProcess
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public CaucusVersion? Version { get; set; }
    public int Paragraph { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string AuthorUserId { get; set; }
    public AppUser? Author { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }

    int IBelongsToProcess.ProcessId => Version?.Position?.ProcessId ?? 0;
}

public enum CaucusStanceKind
{
    Endorsed,
    Dissented,
}

/// <summary>Where an organisation stands on a caucus position: one per organisation and position, taken by one of its
/// representatives, on the version that was the latest then. A dissent carries its text.</summary>
public sealed class CaucusStance : IBelongsToProcess
{
    public int Id { get; set; }
    public int PositionId { get; set; }
    public CaucusPosition? Position { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public CaucusStanceKind Kind { get; set; }
    public string? DissentText { get; set; }
    public int VersionNumber { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    int IBelongsToProcess.ProcessId => Position?.ProcessId ?? 0;
}

/// <summary>A statement or position paper submitted to a meeting: by the representative of an organisation invited to
/// it (<see cref="OrganizationId"/>), or a caucus position of the meeting's process (<see cref="CaucusPositionId"/>),
/// with its endorsers and dissenters. A position paper is a document of the meeting (<see cref="DocumentId"/>), so it
/// is listed with the meeting's documents and in its pack for the meeting's audience.</summary>
public sealed class Statement : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public int? CaucusPositionId { get; set; }
    public CaucusPosition? CaucusPosition { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
    public int? DocumentId { get; set; }
    public Document? Document { get; set; }
    public required string SubmittedByUserId { get; set; }
    public AppUser? SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    // Statements are added through their tracked meeting, so the navigation is loaded when the audit log reads this.
    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

/// <summary>Lengths shared by the database columns and the form and API checks.</summary>
public static class CaucusLimits
{
    public const int Title = 300;
    public const int Text = 100_000;
    public const int Note = 1000;
    public const int Comment = 4000;
    public const int Dissent = 4000;
}
