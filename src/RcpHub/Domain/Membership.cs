using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>A state's or an organisation's part in a process over a period. A membership that ended
/// keeps its row with <see cref="LeftOn"/> set, so that the past stays visible.</summary>
public sealed class Membership : IBelongsToProcess
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

    /// <summary>The one rule for a current membership: begun (or with no known start) and not yet ended on
    /// <paramref name="today"/>. <see cref="CurrentOn"/> is the same rule for queries.</summary>
    public bool IsCurrent(DateOnly today) => (JoinedOn is null || JoinedOn <= today) && (LeftOn is null || LeftOn > today);

    public static Expression<Func<Membership, bool>> CurrentOn(DateOnly today) =>
        m => (m.JoinedOn == null || m.JoinedOn <= today) && (m.LeftOn == null || m.LeftOn > today);
}

public enum MembershipRole
{
    Member,
    Observer,
    TechnicalSecretariat,
    HostsSecretariat,
    SupportProject,
}
