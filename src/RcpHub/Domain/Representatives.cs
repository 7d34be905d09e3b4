using Microsoft.EntityFrameworkCore;

namespace RcpHub.Domain;

/// <summary>Who acts for an organisation: the one reading of <see cref="OrganizationRepresentative"/> (issue 11). A
/// representative counts while <see cref="OrganizationRepresentative.RemovedAt"/> is empty; the registry, the calls and
/// the caucus all ask here, so that removing a person takes effect everywhere at once.</summary>
public static class Representatives
{
    /// <summary>The representatives in office (not removed).</summary>
    public static IQueryable<OrganizationRepresentative> Active(this IQueryable<OrganizationRepresentative> representatives) =>
        representatives.Where(r => r.RemovedAt == null);

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
