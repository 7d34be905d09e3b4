namespace RcpHub.Domain;

/// <summary>The registry's idea of "now" for memberships, in queries: the one rule of <see cref="Membership.CurrentOn"/>.</summary>
public static class MembershipQueries
{
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The SQL form of <see cref="Periods.IsCurrent"/>.</summary>
    public static IQueryable<Membership> CurrentOn(this IQueryable<Membership> memberships, DateOnly today) =>
        memberships.Where(Membership.CurrentOn(today));

    /// <summary>The states that are members today: not observers, not former members, not organisations, and not in the
    /// fictitious demo process. Every count of "member states" starts here.</summary>
    public static IQueryable<Membership> CurrentMemberStatesOn(this IQueryable<Membership> memberships, DateOnly today) =>
        memberships.CurrentOn(today).Where(m => m.Role == MembershipRole.Member && m.StateCode != null && !m.Process!.IsDemo);

    public static IQueryable<Membership> FormerOn(this IQueryable<Membership> memberships, DateOnly today) =>
        memberships.Where(m => m.LeftOn != null && m.LeftOn <= today);
}
