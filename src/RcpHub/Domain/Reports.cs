namespace RcpHub.Domain;

/// <summary>One saved version of a session's report, written by the session's rapporteur or the secretariat
/// (<see cref="AccessRules.MayWriteSessionReport"/>). Versions are never changed: every save adds one, so that an
/// adopted meeting report keeps pointing at exactly the text that was adopted.</summary>
public sealed class SessionReportVersion : IBelongsToProcess
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }

    /// <summary>1, 2, 3... within the session.</summary>
    public int Number { get; set; }
    public required string Summary { get; set; }
    public string? Discussion { get; set; }
    public required string SavedByUserId { get; set; }
    public AppUser? SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The numbered key points and recommendations raised, in order.</summary>
    public List<ReportPoint> Points { get; set; } = [];

    int IBelongsToProcess.ProcessId => Session?.Meeting?.ProcessId ?? 0;
}

public enum ReportPointKind
{
    KeyPoint,
    Recommendation,
}

/// <summary>A numbered key point or recommendation of one report version. Its id is stable: the row is never
/// changed, so a later output that carries a recommendation names exactly the text that was raised.</summary>
public sealed class ReportPoint
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public ReportPointKind Kind { get; set; }

    /// <summary>1-based number within its kind.</summary>
    public int Position { get; set; }
    public required string Text { get; set; }
}

/// <summary>A version of a meeting's report: an introduction and the session report versions current when it was
/// saved. Adopting (chair or secretariat) saves a version with <see cref="AdoptedAt"/>; later edits add draft versions
/// and leave the adopted one as it was.</summary>
public sealed class MeetingReportVersion : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Number { get; set; }
    public string? Introduction { get; set; }
    public required string SavedByUserId { get; set; }
    public AppUser? SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public DateTimeOffset? AdoptedAt { get; set; }
    public List<MeetingReportEntry> Entries { get; set; } = [];

    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

/// <summary>A session report version included in a meeting report version.</summary>
public sealed class MeetingReportEntry
{
    public int MeetingReportVersionId { get; set; }
    public int SessionReportVersionId { get; set; }
    public SessionReportVersion? SessionReport { get; set; }
}

/// <summary>How long report texts may be (the database columns and the form and API checks share them).</summary>
public static class ReportLimits
{
    public const int Summary = 4000;
    public const int Discussion = 20000;
    public const int Point = 1000;
    public const int PointsPerKind = 100;
}
