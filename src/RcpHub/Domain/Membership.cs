using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>A state's or an organisation's part in a process over a period. A membership that ended
/// keeps its row with <see cref="LeftOn"/> set, so that the past stays visible.</summary>
public sealed class Membership : IBelongsToProcess, IHeldOverPeriod
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }

    /// <summary>Set for a state; exactly one of <see cref="StateCode"/> and <see cref="OrganizationId"/> is set.</summary>
    public string? StateCode { get; set; }
    public State? State { get; set; }

    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public MembershipRole Role { get; set; }

    /// <summary>Null when not known (most seeded memberships).</summary>
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }

    /// <summary>Free text from the source, e.g. "administratively hosts the IGC Secretariat".</summary>
    public string? Note { get; set; }

    /// <summary>The one rule for a current membership (<see cref="Periods.IsCurrent"/>), for queries.</summary>
    public static Expression<Func<Membership, bool>> CurrentOn(DateOnly today) => Periods.CurrentOn<Membership>(today);
}

public enum MembershipRole
{
    Member,
    Observer,
    TechnicalSecretariat,
    HostsSecretariat,
    SupportProject,
}
