using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Caucus;

/// <summary>/processes/{slug}/caucus/{id}/diff?from=n&amp;to=m: what changed between two versions of a joint position,
/// paragraph by paragraph, inserted and deleted words marked; the versions are chosen with a form that works without
/// JavaScript.</summary>
[Requires(Operation.ViewCaucus)]
public sealed class DiffModel(AppDbContext db) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public PositionListItem Position { get; private set; } = null!;
    public DraftComparison Comparison { get; private set; } = null!;
    public string Address => $"/processes/{Process.Slug}/caucus/{Position.Id}";

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        if (await CaucusQueries.FindAsync(db, Process.Id, id, ct) is not { } position
            || await CaucusQueries.CompareAsync(db, id, from, to, ct) is not { } comparison)
        {
            return NotFound();
        }
        (Position, Comparison) = (position, comparison);
        return Page();
    }
}
