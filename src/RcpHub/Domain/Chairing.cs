namespace RcpHub.Domain;

/// <summary>A period during which a state (or, for some processes, an organisation) chairs the process.</summary>
public sealed class ChairTerm : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public string? StateCode { get; set; }
    public State? State { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>First year of the term; the seed often knows no more than the year.</summary>
    public int StartYear { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? EndYear { get; set; }
    public string? Note { get; set; }

    /// <summary>How the term is known: stated as a chairmanship, or inferred from a statement that only implies it.</summary>
    public ChairTermBasis Basis { get; set; }

    /// <summary>Where the statement comes from (the registry's source for the process); null for a term the secretariat entered.</summary>
    public string? SourceUrl { get; set; }
}

/// <summary>How a chair term is known.</summary>
public enum ChairTermBasis
{
    /// <summary>The source names the state as chair for the period.</summary>
    Stated,

    /// <summary>The source calls the state the "incoming" chair: that it then held the chair is inferred.</summary>
    InferredFromIncoming,

    /// <summary>The source says the state hosts (or hosted) the meeting that the chair hosts by rule: inferred.</summary>
    InferredFromHost,
}

/// <summary>A position in the process's chair rotation order.</summary>
public sealed class ChairRotationSlot : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public int Position { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }
}
