using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Organizations;

/// <summary>Every organization in the registry, with how many processes it serves in each role.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Organizations = await OrganizationQueries.ListAsync(db, time.Today(), ct);
}
