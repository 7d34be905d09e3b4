namespace RcpHub.Domain;

/// <summary>A meeting of a process, or of one of its bodies. Times are kept as UTC instants together with the
/// venue's IANA time zone, so that the venue's local time and any reader's local time can both be shown.</summary>
public sealed class Meeting : IBelongsToProcess
{
    public int Id { get; set; }

    /// <summary>The process that convenes the meeting (and whose secretariat manages it).</summary>
    public int ProcessId { get; set; }
    public Process? Process { get; set; }

    /// <summary>Set when a body of the process (a working group, the steering committee...) meets.</summary>
    public int? BodyId { get; set; }
    public Body? Body { get; set; }

    public required string Title { get; set; }
    public MeetingLevel Level { get; set; }
    public MeetingFormat Format { get; set; }
    public MeetingStatus Status { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code; null for a meeting held online only.</summary>
    public string? HostStateCode { get; set; }
    public State? HostState { get; set; }

    public string? Venue { get; set; }
    public string? OnlineUrl { get; set; }

    /// <summary>IANA time zone of the venue (e.g. "Africa/Nairobi"); forms take and show times in it.</summary>
    public required string TimeZoneId { get; set; }
    public DateTimeOffset StartsAtUtc { get; set; }
    public DateTimeOffset EndsAtUtc { get; set; }

    /// <summary>Two-letter codes among the interface languages (en, fr, es, ru, ar).</summary>
    public List<string> WorkingLanguages { get; set; } = [];

    /// <summary>Who may see the meeting and everything inside it: see <see cref="MeetingAccess"/>.</summary>
    public MeetingAudience Audience { get; set; } = MeetingAudience.MembersOnly;

    /// <summary>A summary the secretariat may publish on its own: shown to everyone when <see cref="SummaryPublished"/>,
    /// even when the rest of the meeting is restricted.</summary>
    public string? PublicSummary { get; set; }
    public bool SummaryPublished { get; set; }

    /// <summary>The themes the meeting is about (<see cref="Theme"/> ids), set by the secretariat: with
    /// <see cref="GcmObjectives"/>, the library's theme and objective facets of the meeting and of everything it holds
    /// (decision 0039). Kept on the meeting's row, as <see cref="WorkingLanguages"/> is: themes are never removed.</summary>
    public List<int> ThemeIds { get; set; } = [];

    /// <summary>The objectives of the Global Compact for Migration it serves (1-23, <see cref="GlobalFrameworks"/>).</summary>
    public List<int> GcmObjectives { get; set; } = [];


    /// <summary>Revision number for calendar clients (iCalendar SEQUENCE): raised on each change they should notice.</summary>
    public int Sequence { get; set; }

    /// <summary>Why the secretariat cancelled the meeting; mailed with the notice.</summary>
    public string? CancellationReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Further processes taking part, for a meeting across processes (a Global RCP Meeting).</summary>
    public List<MeetingProcess> ParticipatingProcesses { get; set; } = [];

    /// <summary>Who is invited to a meeting held <see cref="MeetingAudience.ByInvitation"/>.</summary>
    public List<MeetingInvitee> Invitees { get; set; } = [];

    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<Session> Sessions { get; set; } = [];
}

public enum MeetingLevel
{
    Expert,
    SeniorOfficials,
    Ministerial,
}

public enum MeetingFormat
{
    RegularMeeting,
    Seminar,
    Roundtable,
    Training,
    Workshop,
    ThematicMeeting,
    GlobalRcpMeeting,
}

public enum MeetingStatus
{
    Planned,
    InvitationsSent,
    Held,
    ReportAdopted,
    Cancelled,
    Postponed,
}

/// <summary>Who may see a meeting; the rule itself is <see cref="MeetingAccess"/>.</summary>
public enum MeetingAudience
{
    MembersOnly,
    MembersAndObservers,
    ByInvitation,
    Public,
}

/// <summary>A further process taking part in a meeting convened by another one.</summary>
public sealed class MeetingProcess
{
    public int MeetingId { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
}

/// <summary>One invitee of a by-invitation meeting: exactly one of a state (its focal points), an organisation
/// (its people, civil society organisations included) or a person (a platform user).</summary>
public sealed class MeetingInvitee : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public string? StateCode { get; set; }
    public State? State { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    // The audit log files a change under the process of the meeting it belongs to. Commands change meeting
    // children through their tracked meeting, so the navigation is always loaded when this is read.
    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

/// <summary>An item of a meeting's agenda. An item forwarded from an earlier meeting (an expert meeting's item taken
/// up by the Senior Officials, then by the Ministers) points to it; every item of one chain also points to the first,
/// so that a whole chain is read in one query.</summary>
public sealed class AgendaItem : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>1-based order within the agenda.</summary>
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    public DateTimeOffset? StartsAtUtc { get; set; }
    public DateTimeOffset? EndsAtUtc { get; set; }

    /// <summary>The session in which the item is discussed, if the agenda is split into sessions.</summary>
    public int? SessionId { get; set; }

    public int? ForwardedFromItemId { get; set; }
    public AgendaItem? ForwardedFrom { get; set; }

    /// <summary>The first item of the chain this item belongs to; null for an item that was not forwarded to it.</summary>
    public int? ChainRootItemId { get; set; }

    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

/// <summary>A session of a meeting as the programme prints it: its code ("Session 3.3"), title, guiding questions, the
/// people on its panel (<see cref="People"/>) and its rapporteur, who writes the report that hangs here later.</summary>
public sealed class Session : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Position { get; set; }

    /// <summary>The session's own number or code as the programme gives it ("Session 3.3", "Panel B"), if it has one.</summary>
    public string? Code { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset? StartsAtUtc { get; set; }
    public DateTimeOffset? EndsAtUtc { get; set; }

    /// <summary>One question per line.</summary>
    public string? GuidingQuestions { get; set; }

    /// <summary>The rapporteur when they have an account: they may then read the meeting and write this session's report
    /// (<see cref="AccessRules.MayWriteSessionReport"/>, <see cref="MeetingAccess"/>).</summary>
    public string? RapporteurUserId { get; set; }
    public AppUser? Rapporteur { get; set; }

    /// <summary>The rapporteur when they have no account (then the secretariat enters their report).</summary>
    public string? RapporteurName { get; set; }
    public string? RapporteurAffiliation { get; set; }

    /// <summary>Chairs, co-chairs, moderators, speakers and discussants, each in their role.</summary>
    public List<SessionPerson> People { get; set; } = [];

    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

/// <summary>What a person does in a session (declared in the order a programme lists them).</summary>
public enum SessionRole
{
    Chair,
    CoChair,
    Moderator,
    Speaker,
    Discussant,
}

/// <summary>A person of a session in one role, speaking for a state, an organisation, or (neither given) in a personal
/// capacity.</summary>
public sealed class SessionPerson : IBelongsToProcess
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public SessionRole Role { get; set; }

    /// <summary>The order within the session, across roles (a programme lists by role, then in this order).</summary>
    public int Position { get; set; }

    /// <summary>The person's name; empty only for a chair carried over from before people had names of their own
    /// (a state or organisation chairing).</summary>
    public required string Name { get; set; }
    public string? StateCode { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public bool InPersonalCapacity => StateCode is null && OrganizationId is null;

    int IBelongsToProcess.ProcessId => Session?.Meeting?.ProcessId ?? 0;
}

/// <summary>The secret address of a person's own calendar feed. Only a hash of the token is stored: the address
/// is shown once, when made, and revoking it deletes the row.</summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The meeting chain: an item moves up from an expert meeting to the Senior Officials and on to the Ministers
/// (or to a later meeting of the same level), never back in time or down in level, and within its process.</summary>
public static class MeetingChain
{
    /// <summary>The levels an item of a meeting at <paramref name="level"/> may be forwarded to (enum order is rank order).</summary>
    public static IReadOnlyList<MeetingLevel> LevelsFrom(MeetingLevel level) => Enum.GetValues<MeetingLevel>().Where(l => l >= level).ToList();

    public static bool MayForward(Meeting from, Meeting to) =>
        to.Id != from.Id
        && to.ProcessId == from.ProcessId
        && to.StartsAtUtc > from.StartsAtUtc
        && LevelsFrom(from.Level).Contains(to.Level)
        && to.Status != MeetingStatus.Cancelled;
}
