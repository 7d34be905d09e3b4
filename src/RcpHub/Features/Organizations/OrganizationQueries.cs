using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Organizations;

/// <summary>In how many processes an organization holds each role today.</summary>
public sealed record RoleCounts(int Member, int Observer, int TechnicalSecretariat, int HostsSecretariat, int SupportProject)
{
    public static RoleCounts From(IEnumerable<(MembershipRole Role, int Count)> counts)
    {
        var byRole = counts.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        int Of(MembershipRole role) => byRole.GetValueOrDefault(role);
        return new RoleCounts(Of(MembershipRole.Member), Of(MembershipRole.Observer), Of(MembershipRole.TechnicalSecretariat),
            Of(MembershipRole.HostsSecretariat), Of(MembershipRole.SupportProject));
    }

    public int Of(MembershipRole role) => role switch
    {
        MembershipRole.Member => Member,
        MembershipRole.Observer => Observer,
        MembershipRole.TechnicalSecretariat => TechnicalSecretariat,
        MembershipRole.HostsSecretariat => HostsSecretariat,
        MembershipRole.SupportProject => SupportProject,
        _ => 0,
    };
}

public sealed record OrganizationSummary(string Slug, string Name, string? Acronym, OrganizationKind Kind, RoleCounts Roles);

/// <summary>An organization's role in one process.</summary>
public sealed record OrganizationRole(ProcessRef Process, MembershipRole Role, DateOnly? JoinedOn, DateOnly? LeftOn, string? Note) : IHeldOverPeriod;

public sealed record OrganizationDetails(
    string Slug, string Name, string? Acronym, OrganizationKind Kind, RoleCounts Roles,
    IReadOnlyList<OrganizationRole> Current, IReadOnlyList<OrganizationRole> Former);

/// <summary>The reads behind /organizations and /organizations/{slug}, for the pages and the API alike.</summary>
public static class OrganizationQueries
{
    public static async Task<List<OrganizationSummary>> ListAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Slug, o.Name, o.Acronym, o.Kind })
            .ToListAsync(ct);
        var counts = await db.Memberships.AsNoTracking().CurrentOn(today)
            .Where(m => m.OrganizationId != null)
            .GroupBy(m => new { m.OrganizationId, m.Role })
            .Select(g => new { g.Key.OrganizationId, g.Key.Role, Count = g.Select(m => m.ProcessId).Distinct().Count() })
            .ToListAsync(ct);
        var byOrganization = counts.ToLookup(c => c.OrganizationId!.Value, c => (c.Role, c.Count));
        return organizations
            .Select(o => new OrganizationSummary(o.Slug, o.Name, o.Acronym, o.Kind, RoleCounts.From(byOrganization[o.Id])))
            .OrderBy(o => o.Name, RegistrySorting.Names)
            .ToList();
    }

    public static async Task<OrganizationDetails?> LoadAsync(AppDbContext db, string slug, DateOnly today, CancellationToken ct)
    {
        slug = slug.ToLowerInvariant();
        // The organisation with its roles, in one query.
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new
            {
                o.Slug, o.Name, o.Acronym, o.Kind,
                Roles = db.Memberships.Where(m => m.OrganizationId == o.Id)
                    .Select(m => new OrganizationRole(
                        new ProcessRef(m.Process!.Slug, m.Process.Acronym, m.Process.Name, m.Process.Kind, m.Process.Status),
                        m.Role, m.JoinedOn, m.LeftOn, m.Note))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (organization is null)
        {
            return null;
        }
        var roles = organization.Roles;
        var names = RegistrySorting.Names;
        var current = roles.Where(r => !r.HasEnded(today)).OrderBy(r => r.Role).ThenBy(r => r.Process.Name, names).ToList();
        var counts = current.Where(r => r.IsCurrent(today)).GroupBy(r => r.Role).Select(g => (g.Key, g.Select(r => r.Process.Slug).Distinct().Count()));
        return new OrganizationDetails(
            organization.Slug, organization.Name, organization.Acronym, organization.Kind, RoleCounts.From(counts),
            current,
            roles.Where(r => r.HasEnded(today)).OrderByDescending(r => r.LeftOn).ThenBy(r => r.Process.Name, names).ToList());
    }
}
