using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}/report: the public selection report: criteria, weights, targets, how many
/// applied, the spread of scores (no panel member's own), the balance reached, the selected organisations, each departure
/// and its reason, the appeal window and the trail of every step; the pseudonymised inputs to download and recompute.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ReportModel(CallDesk desk, MeetingReaders readers) : PageModel
{
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public SelectionReport Report { get; private set; } = null!;

    /// <summary>The reader's time zone, for the appeal window's end (TimeZones.ReaderZone).</summary>
    public string Zone { get; private set; } = TimeZones.Utc;

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken ct)
    {
        if (await desk.FindAsync(Process.Id, callId, withDrafts: false, ct) is not { } call)
        {
            return NotFound();
        }
        Report = SelectionReport.Of(call, await desk.ApplicationsAsync(callId, ct));
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        return Page();
    }
}
