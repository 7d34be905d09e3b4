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
