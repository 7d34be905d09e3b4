using System.Linq.Expressions;

namespace RcpHub.Domain;

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
}
