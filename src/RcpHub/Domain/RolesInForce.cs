using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>A person who holds a role in force in a process and can be written to: their address and language, the state
/// the role is for (a focal point's) and their time zone.</summary>
public sealed record RoleHolder(string UserId, string DisplayName, string Email, string Language, string? StateCode, string? TimeZoneId);

/// <summary>Which role assignments give access: those not revoked, and for a focal point only while their state is a
/// current member of the process. A state that has left (or that is only an observer) has no focal point there: its
/// people are no longer members and keep nothing a member has (docs/decisions/0013-access-follows-membership.md).
/// Every reading of a person's roles for access asks this one rule, <see cref="InForceOn"/>: as a filter with the day's
/// values (<see cref="InForce"/>), or inside a query written in C# as <c>InForceOn.Holds(...)</c>, which
/// <see cref="RuleExpressions.Expand"/> replaces by the rule (the compiled reader query, whose day is its own parameter).</summary>
/// <remarks>The state's membership is asked with a row limit (<c>LIMIT</c>): one row, as a literal (<see cref="InForce"/>)
/// or as a query parameter (the compiled reader query's). PostgreSQL drops a literal one, and may then answer the question
/// for every membership of every process at once, by hashing them all, when the rows asked are few and the memberships
/// many: 0.7 ms for the signed-in reader's own roles at 60 processes (decision 0055). A limit it cannot read keeps the
/// question per role, by index. The answer is the same either way.</remarks>
public static class RolesInForce
{
    public static Expression<Func<ProcessRoleAssignment, bool>> InForce(IQueryable<Membership> memberships, DateOnly today) =>
        RuleExpressions.Expand<Func<ProcessRoleAssignment, bool>>(a => InForceOn.Holds(a, memberships, today, 1));

    /// <summary>The rule, with the memberships, the day and the row limit the state's membership is asked with (one) as
    /// parameters: <see cref="InForce"/> gives it values, a compiled query its own parameters (<c>InForceOn.Holds(...)</c>,
    /// the row limit a parameter, so that PostgreSQL asks per role: see the remarks).</summary>
    public static Expression<Func<ProcessRoleAssignment, IQueryable<Membership>, DateOnly, int, bool>> InForceOn { get; } = Rule();

    private static Expression<Func<ProcessRoleAssignment, IQueryable<Membership>, DateOnly, int, bool>> Rule()
    {
        var a = Expression.Parameter(typeof(ProcessRoleAssignment), "a");
        var memberships = Expression.Parameter(typeof(IQueryable<Membership>), "memberships");
        var today = Expression.Parameter(typeof(DateOnly), "today");
        var oneRow = Expression.Parameter(typeof(int), "oneRow");
        var m = Expression.Parameter(typeof(Membership), "m");
        Expression<Func<Membership, ProcessRoleAssignment, bool>> memberForTheRole = (m, a) =>
            m.Role == MembershipRole.Member && m.StateCode != null && m.ProcessId == a.ProcessId && m.StateCode == a.StateCode;
        var stateIsMember = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Membership)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Membership)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Membership)], memberships,
                    Expression.Quote(Expression.Lambda<Func<Membership, bool>>(
                        Expression.AndAlso(Periods.CurrentOnDay<Membership>().Inline(m, today), memberForTheRole.Inline(m, a)), m))),
                oneRow));
        Expression<Func<ProcessRoleAssignment, bool, bool>> rule = (a, stateIsMember) =>
            a.RevokedAt == null && (a.Role != ProcessRole.FocalPoint || (a.StateCode != null && stateIsMember));
        return Expression.Lambda<Func<ProcessRoleAssignment, IQueryable<Membership>, DateOnly, int, bool>>(rule.Inline(a, stateIsMember), a, memberships, today, oneRow);
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
