namespace RcpHub.Domain;

/// <summary>A steering committee, working group or expert group of a process.</summary>
public sealed class Body : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    public BodyKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Mandate { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }
    public List<BodyMember> Members { get; set; } = [];
}

public enum BodyKind
{
    SteeringCommittee,
    WorkingGroup,
    ExpertGroup,
}

public sealed class BodyMember : IHeldOverPeriod
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public string? StateCode { get; set; }
    public State? State { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public bool IsChair { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}
