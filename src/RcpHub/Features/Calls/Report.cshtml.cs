using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}/report: the public selection report: criteria, weights, targets, how many
/// applied, the spread of scores (no panel member's own), the balance reached, the selected organisations, each departure
/// and its reason, the appeal window and the trail of every step; the pseudonymised inputs to download and recompute.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ReportModel(CallDesk desk) : PageModel
{
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public SelectionReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken ct)
    {
        if (await desk.FindAsync(Process.Id, callId, withDrafts: false, ct) is not { } call)
        {
            return NotFound();
        }
        Report = SelectionReport.Of(call, await desk.ApplicationsAsync(callId, ct));
        return Page();
    }
}
