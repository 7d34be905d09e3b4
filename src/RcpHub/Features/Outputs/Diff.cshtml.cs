using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Outputs;

/// <summary>/processes/{slug}/outputs/{id}/diff?from=n&amp;to=m: what changed between two versions of an output, paragraph
/// by paragraph, inserted and deleted words marked (&lt;ins&gt;, &lt;del&gt;); the two versions are chosen with a form that
/// works without JavaScript. For the output's audience only.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DiffModel(AppDbContext db, MeetingReaders readers) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public OutputListItem Output { get; private set; } = null!;
    public DraftComparison Comparison { get; private set; } = null!;
    public string Address => $"/processes/{Process.Slug}/outputs/{Output.Id}";

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        if (await OutputQueries.FindAsync(db, await readers.CurrentAsync(User), Process.Id, id, ct) is not { } output
            || await OutputQueries.CompareAsync(db, id, from, to, ct) is not { } comparison)
        {
            return NotFound();
        }
        (Output, Comparison) = (output, comparison);
        return Page();
    }
}
