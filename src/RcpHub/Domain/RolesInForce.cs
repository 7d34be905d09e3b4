using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>A person who holds a role in force in a process and can be written to: their address and language, the state
/// the role is for (a focal point's) and their time zone.</summary>
public sealed record RoleHolder(string UserId, string DisplayName, string Email, string Language, string? StateCode, string? TimeZoneId);

/// <summary>Which role assignments give access: those not revoked, and for a focal point only while their state is a
/// current member of the process. A state that has left (or that is only an observer) has no focal point there: its
/// people are no longer members and keep nothing a member has (docs/decisions/0013-access-follows-membership.md).
/// Every reading of a person's roles for access goes through <see cref="InForce"/>.</summary>
public static class RolesInForce
{
    public static Expression<Func<ProcessRoleAssignment, bool>> InForce(IQueryable<Membership> memberships, DateOnly today)
    {
        var members = memberships.CurrentOn(today).Where(m => m.Role == MembershipRole.Member && m.StateCode != null);
        return a => a.RevokedAt == null
            && (a.Role != ProcessRole.FocalPoint
                || (a.StateCode != null && members.Any(m => m.ProcessId == a.ProcessId && m.StateCode == a.StateCode)));
    }

    /// <summary>The people who hold <paramref name="role"/> in force in the process and have an address, with their
    /// language: whom the process's mail goes to. Only the focal points of <paramref name="states"/> when given. One row
    /// per role held: a focal point of two states comes twice (the caller keeps one mail per person).</summary>
    public static IQueryable<RoleHolder> HoldersWithAddress(this IQueryable<ProcessRoleAssignment> assignments, IQueryable<Membership> memberships,
        DateOnly today, int processId, ProcessRole role, IReadOnlyCollection<string>? states = null)
    {
        var held = assignments.Where(InForce(memberships, today)).Where(a => a.ProcessId == processId && a.Role == role && a.User!.Email != null);
        if (states is not null)
        {
            held = held.Where(a => a.StateCode != null && states.Contains(a.StateCode));
        }
        return held.Select(a => new RoleHolder(a.UserId, a.User!.DisplayName, a.User.Email!, a.User.PreferredLanguage, a.StateCode, a.User.TimeZoneId));
    }
}
