using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace RcpHub.Domain;

/// <summary>Who acts for an organisation: the one reading of <see cref="OrganizationRepresentative"/> (issue 11). A
/// representative counts while <see cref="OrganizationRepresentative.RemovedAt"/> is empty; the registry, the calls and
/// the caucus all ask here, so that removing a person takes effect everywhere at once.</summary>
public static class Representatives
{
    /// <summary>The representatives in office (not removed).</summary>
    public static IQueryable<OrganizationRepresentative> Active(this IQueryable<OrganizationRepresentative> representatives) =>
        representatives.Where(InOffice);

    /// <summary>The rule of <see cref="Active"/>, for a query that cannot call it (a compiled one).</summary>
    public static readonly Expression<Func<OrganizationRepresentative, bool>> InOffice = r => r.RemovedAt == null;

    /// <summary>The organisations a person acts for today, as representative rows (their <c>OrganizationId</c>).</summary>
    public static IQueryable<OrganizationRepresentative> ActiveFor(this IQueryable<OrganizationRepresentative> representatives, string userId) =>
        representatives.Active().Where(r => r.UserId == userId);

    /// <summary>The ids of the organisations a person acts for today.</summary>
    public static IQueryable<int> ActiveOrganizationIdsFor(this IQueryable<OrganizationRepresentative> representatives, string userId) =>
        representatives.ActiveFor(userId).Select(r => r.OrganizationId);

    /// <summary>The people who act for an organisation today.</summary>
    public static IQueryable<OrganizationRepresentative> ActiveOf(this IQueryable<OrganizationRepresentative> representatives, int organizationId) =>
        representatives.Active().Where(r => r.OrganizationId == organizationId);

    /// <summary>Whether a person acts for an organisation today.</summary>
    public static Task<bool> ActsForAsync(this IQueryable<OrganizationRepresentative> representatives, string userId, int organizationId, CancellationToken cancellationToken = default) =>
        representatives.ActiveFor(userId).AnyAsync(r => r.OrganizationId == organizationId, cancellationToken);
}

/// <summary>The one rule of who acts for an organisation in a process (docs/decisions/0027-who-acts-for-an-organisation.md):
/// its representatives in the registry (<see cref="OrganizationRepresentative"/> not removed), and the holders of a
/// civil-society role in force in that process tied to it (named by the secretariat, or given by a call's selection).
/// Calls (applying, reading one's application), the caucus (endorsing, dissenting) and statements all ask here. Removing a
/// contact person from the registry also ends their civil-society roles tied to the organisation, so that the registry
/// ends someone's acting everywhere at once.</summary>
public static class ActingOrganizations
{
    public static IQueryable<int> Of(
        IQueryable<OrganizationRepresentative> representatives, IQueryable<ProcessRoleAssignment> roles, IQueryable<Membership> memberships,
        string userId, int processId, DateOnly today) =>
        representatives.ActiveOrganizationIdsFor(userId)
            .Union(roles.Where(RolesInForce.InForce(memberships, today))
                .Where(a => a.UserId == userId && a.ProcessId == processId && a.Role == ProcessRole.CivilSociety && a.OrganizationId != null)
                .Select(a => a.OrganizationId!.Value));

    /// <summary>The same rule read from what is loaded with a reader (<see cref="MeetingReader"/>), for the meeting rule: the
    /// organisations they represent in the registry, and those their roles in force are tied to. The roles count in every
    /// process, as the meeting rule has always read them (an organisation's people see the meetings it is invited to,
    /// whichever process they hold their role in).</summary>
    public static IEnumerable<int> Of(MeetingReader reader) =>
        reader.Roles.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value)
            .Concat(reader.Represented ?? [])
            .Distinct();
}
