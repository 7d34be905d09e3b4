using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.States;

/// <summary>Every state that takes part in a process, searchable by name (in the interface language) or code.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public IReadOnlyList<StateSummary> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        States = await StateQueries.ListAsync(db, Cultures.Current, time.Today(), Q, ct);
}
