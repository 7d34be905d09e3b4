namespace RcpHub.Domain;

/// <summary>How far a member state has implemented a recommendation. A process may rename these labels
/// (<see cref="StatusLabel"/>); the values themselves are fixed so that rounds and processes compare.</summary>
public enum ImplementationStatus
{
    NotStarted,
    Planned,
    InProgress,
    Implemented,
    NotApplicable,
}

/// <summary>A process's own name for an implementation status in one interface language.</summary>
public sealed class StatusLabel : IBelongsToProcess
{
    public int ProcessId { get; set; }
    public ImplementationStatus Status { get; set; }
    public required string Language { get; set; }
    public required string Label { get; set; }
}

public enum ReviewState
{
    Submitted,
    ClarificationAsked,
    Validated,
}

/// <summary>One report by a member state on one recommendation addressed to it, in an evaluation round or (with no
/// round open) on its own. Reports are never changed by the state: each save adds the next <see cref="Sequence"/> for
/// (recommendation, state, round), so the history stays; <see cref="IsLatest"/> marks the one in force. The unique
/// (recommendation, state, round key, sequence) index makes two saves from the same starting point collide instead of
/// one silently replacing the other. The secretariat's review (clarification asked, validated) is set on the report
/// it reviews.</summary>
public sealed class FollowUpReport : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }

    public int? RoundId { get; set; }
    public EvaluationRound? Round { get; set; }

    /// <summary><see cref="RoundId"/>, or 0 for a report made outside any round: a unique index needs a value that is
    /// never null.</summary>
    public int RoundKey { get; set; }

    /// <summary>1, 2, 3... within (recommendation, state, round).</summary>
    public int Sequence { get; set; }

    /// <summary>In force in its round: the state's latest report on the recommendation in <see cref="RoundKey"/>.</summary>
    public bool IsLatest { get; set; }

    /// <summary>In force across rounds: of the state's reports in force on the recommendation (one per round), the one
    /// <see cref="FollowUpProgress.LatestAcrossRounds"/> picks. Kept by every save (<see cref="FollowUpProgress.MarkLatestAcrossRounds"/>)
    /// so that dashboards count a process's pairs without choosing among its rounds on each view (decision 0024).</summary>
    public bool IsLatestAcrossRounds { get; set; }

    public ImplementationStatus Status { get; set; }

    /// <summary>What was done.</summary>
    public string? Action { get; set; }
    public string? ResponsibleMinistry { get; set; }
    public string? EvidenceText { get; set; }

    /// <summary>Web addresses of evidence (laws, decrees, reports), one per line when entered.</summary>
    public List<string> EvidenceLinks { get; set; } = [];

    /// <summary>When the reported state of things was reached (not in the future).</summary>
    public DateOnly On { get; set; }
    public required string ReportedByUserId { get; set; }
    public AppUser? ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }

    public ReviewState Review { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}

/// <summary>An evaluation round: the secretariat asks member states to report, by a deadline, on the recommendations
/// of the process's adopted outputs (or of one output). Reports made while it is open belong to it; it closes by itself
/// at its deadline (<see cref="ClosedAt"/> set by whichever instance sees it first).</summary>
public sealed class EvaluationRound : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    public required string Title { get; set; }

    /// <summary>Null: every adopted output of the process.</summary>
    public int? OutputId { get; set; }
    public Output? Output { get; set; }

    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset DeadlineAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public required string OpenedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Changed by every write of a report in the round (a save, an import, a review): its counts kept in an
    /// instance's memory are valid while it is unchanged (FollowUpCountCache). A closed round takes no
    /// report, so only a review changes it.</summary>
    public Guid ReportsVersion { get; set; }

    /// <summary>The one rule for a closed round: closed by hand, or past its deadline. A reader, or a report saved, after
    /// the deadline finds the round closed even before the closing pass has written it down.</summary>
    public static bool IsClosed(DateTimeOffset? closedAt, DateTimeOffset deadlineAt, DateTimeOffset now) => closedAt is not null || deadlineAt <= now;

    /// <summary>Opened and not closed at <paramref name="now"/>: the round a report saved then goes into.</summary>
    public static bool IsOpen(DateTimeOffset opensAt, DateTimeOffset? closedAt, DateTimeOffset deadlineAt, DateTimeOffset now) =>
        opensAt <= now && !IsClosed(closedAt, deadlineAt, now);
}

public static class FollowUpLimits
{
    public const int Action = 8000;
    public const int Ministry = 300;
    public const int EvidenceText = 4000;
    public const int Link = 2000;
    public const int Links = 20;
    public const int ReviewNote = 4000;
    public const int Label = 80;
    public const int RoundTitle = 200;
}
