namespace RcpHub.Domain;

public enum OutputKind
{
    Declaration,
    Recommendations,
    ActionPlan,
    Conclusions,
    JointStatement,
}

/// <summary>What a meeting or a process produces in writing: a declaration, a set of recommendations, an action plan,
/// conclusions, a joint statement. It is drafted in versions (never changed once saved), commented on by member states
/// paragraph by paragraph, adopted once (date and meeting), and then signed, endorsed or reserved by each member state.
/// Who may read it: <see cref="Audience"/>, only <see cref="MeetingAudience.Public"/> or
/// <see cref="MeetingAudience.MembersOnly"/>, decided by the meeting rule (<see cref="MeetingAccess"/>).</summary>
public sealed class Output : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }

    /// <summary>The meeting the output comes from, when it comes from one (null for an output of the process itself).</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public OutputKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Two-letter code of the language the output is drafted in (en, fr, es, ru, ar).</summary>
    public required string OriginalLanguage { get; set; }

    public MeetingAudience Audience { get; set; } = MeetingAudience.MembersOnly;

    /// <summary>Set once, on adoption: a second adoption is refused.</summary>
    public DateOnly? AdoptedOn { get; set; }

    /// <summary>The meeting at which the output was adopted (may differ from <see cref="MeetingId"/>).</summary>
    public int? AdoptedAtMeetingId { get; set; }
    public Meeting? AdoptedAtMeeting { get; set; }

    /// <summary>The version whose text was adopted.</summary>
    public int? AdoptedVersionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changed by every write of a follow-up report on one of its recommendations (a save, an import, a review):
    /// counts of those reports kept in an instance's memory are valid while it is unchanged (FollowUpCountCache).</summary>
    public Guid FollowUpVersion { get; set; }

    public List<OutputVersion> Versions { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];
    public List<OutputPosition> Positions { get; set; } = [];
}

/// <summary>One saved text of an output. Paragraphs are separated by a blank line; comments name a paragraph by its
/// 1-based number in the version they were made on.</summary>
public sealed class OutputVersion : IBelongsToProcess
{
    public int Id { get; set; }
    public int OutputId { get; set; }
    public Output? Output { get; set; }

    /// <summary>1, 2, 3... within the output.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }

    /// <summary>What changed, in the drafter's words.</summary>
    public string? Note { get; set; }
    public required string SavedByUserId { get; set; }
    public AppUser? SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    int IBelongsToProcess.ProcessId => Output?.ProcessId ?? 0;
}

/// <summary>A member state's comment on one paragraph of a draft version.</summary>
public sealed class OutputComment : IBelongsToProcess
{
    public int Id { get; set; }
    public int OutputVersionId { get; set; }
    public OutputVersion? Version { get; set; }

    /// <summary>1-based paragraph of the version.</summary>
    public int Paragraph { get; set; }

    /// <summary>The state the comment is made for (the focal point's state); null for the secretariat or chair.</summary>
    public string? StateCode { get; set; }
    public State? State { get; set; }
    public required string AuthorUserId { get; set; }
    public AppUser? Author { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }

    int IBelongsToProcess.ProcessId => Version?.Output?.ProcessId ?? 0;
}

public enum StatePositionKind
{
    Signed,
    Endorsed,
    Reservation,
}

/// <summary>Where a member state stands on an adopted output: signed, endorsed, or a reservation with its text. One
/// per state and output.</summary>
public sealed class OutputPosition : IBelongsToProcess
{
    public int Id { get; set; }
    public int OutputId { get; set; }
    public Output? Output { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }
    public StatePositionKind Kind { get; set; }

    /// <summary>Required for a reservation, empty otherwise.</summary>
    public string? ReservationText { get; set; }
    public DateOnly On { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    int IBelongsToProcess.ProcessId => Output?.ProcessId ?? 0;
}

/// <summary>A numbered recommendation of an output, in its original language with translations, addressed to all
/// member states, named states, the secretariat and/or civil society, linked to themes, to objectives of the Global
/// Compact for Migration and to migration-related SDG targets and indicators. When it was carried from a session
/// report, <see cref="SourcePointId"/> names the exact point (and through it the report version, session and meeting).</summary>
public sealed class Recommendation : IBelongsToProcess
{
    public int Id { get; set; }
    public int OutputId { get; set; }
    public Output? Output { get; set; }

    /// <summary>1, 2, 3... within the output.</summary>
    public int Number { get; set; }
    public required string OriginalLanguage { get; set; }
    public required string Text { get; set; }

    public bool ToAllMembers { get; set; }
    public bool ToSecretariat { get; set; }
    public bool ToCivilSociety { get; set; }

    /// <summary>States named as addressees (besides, or instead of, all members).</summary>
    public List<RecommendationState> States { get; set; } = [];
    public List<RecommendationTranslation> Translations { get; set; } = [];
    public List<RecommendationTheme> Themes { get; set; } = [];
    public List<RecommendationGcmObjective> GcmObjectives { get; set; } = [];
    public List<RecommendationSdgTarget> SdgTargets { get; set; } = [];

    public int? SourcePointId { get; set; }
    public ReportPoint? SourcePoint { get; set; }

    int IBelongsToProcess.ProcessId => Output?.ProcessId ?? 0;
}

public sealed class RecommendationState
{
    public int RecommendationId { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }
}

/// <summary>A recommendation's text in another language, with its status (<see cref="TranslationStatus.Draft"/> or
/// <see cref="TranslationStatus.Final"/>). A language without one shows the original, marked as such.</summary>
public sealed class RecommendationTranslation
{
    public int RecommendationId { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
    public TranslationStatus Status { get; set; }
}

public sealed class RecommendationTheme
{
    public int RecommendationId { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>A link to one of the 23 objectives of the Global Compact for Migration (1-23).</summary>
public sealed class RecommendationGcmObjective
{
    public int RecommendationId { get; set; }
    public int Objective { get; set; }
}

/// <summary>A link to a migration-related SDG target or indicator by its code ("10.7", "10.7.2").</summary>
public sealed class RecommendationSdgTarget
{
    public int RecommendationId { get; set; }
    public required string Code { get; set; }
}

/// <summary>Lengths shared by the database columns and the form and API checks.</summary>
public static class OutputLimits
{
    public const int Title = 300;
    public const int Text = 100_000;
    public const int Note = 1000;
    public const int Comment = 4000;
    public const int Reservation = 4000;
    public const int Recommendation = 4000;
}
