namespace RcpHub.Domain;

/// <summary>An inter-State consultation mechanism on migration: a regional consultative process,
/// an inter-regional forum or a global process.</summary>
public sealed class Process
{
    public int Id { get; set; }

    /// <summary>Lower-case address segment, e.g. "midsa" or "bali-process".</summary>
    public required string Slug { get; set; }

    public required string Acronym { get; set; }
    public required string Name { get; set; }

    public ProcessKind Kind { get; set; }
    public required string Region { get; set; }

    /// <summary>Null when no source says.</summary>
    public ProcessStatus? Status { get; set; }

    /// <summary>What the source says of the status when it is more than one word (e.g. "dormant (HLD); succeeded by the IMRF").</summary>
    public string? StatusNote { get; set; }

    public int? FoundedYear { get; set; }

    /// <summary>False when no source lists the member states: the process then shows "not known", never "0 members".</summary>
    public bool MemberStatesKnown { get; set; } = true;

    /// <summary>The fictitious process that <c>--demo</c> loads: kept out of public counts and maps, and what
    /// <c>remove-demo</c> deletes.</summary>
    public bool IsDemo { get; set; }
    public string? FormalInstitution { get; set; }

    /// <summary>The secretariat arrangement as the source words it.</summary>
    public string? SecretariatDescription { get; set; }

    /// <summary>The chairing arrangement as the source words it.</summary>
    public string? ChairDescription { get; set; }

    public string? IomRole { get; set; }
    public string? Notes { get; set; }

    /// <summary>Length of one chair term, used with the rotation order to schedule future chairs.</summary>
    public int? ChairTermMonths { get; set; }

    public List<Theme> Themes { get; set; } = [];
    public List<ProcessSource> Sources { get; set; } = [];
    public List<Membership> Memberships { get; set; } = [];
    public List<ChairTerm> ChairTerms { get; set; } = [];
    public List<ChairRotationSlot> ChairRotation { get; set; } = [];
    public List<Body> Bodies { get; set; } = [];
}

public enum ProcessKind
{
    RegionalConsultativeProcess,
    InterRegionalForum,
    GlobalProcess,
}

public enum ProcessStatus
{
    Active,
    Emerging,
    Dormant,
}

public sealed class Theme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Process> Processes { get; set; } = [];
}

/// <summary>A public source that the process's facts are taken from.</summary>
public sealed class ProcessSource : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public required string Url { get; set; }
    public bool IsPrimary { get; set; }
}
