using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Organizations;

/// <summary>An organization's role in each process: member, observer, technical secretariat, host of the secretariat, support project.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public OrganizationDetails Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var organization = await OrganizationQueries.LoadAsync(db, slug, time.Today(), ct);
        if (organization is null)
        {
            return NotFound();
        }
        Organization = organization;
        return Page();
    }
}
