using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/meetings/{id}: a meeting in full for its audience; its published summary alone for everyone else;
/// "not found" for anyone else, so that a restricted meeting's existence is not revealed.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization) : PageModel
{
    public MeetingView? Meeting { get; private set; }
    public MeetingSummaryView? Summary { get; private set; }
    public bool MayManage { get; private set; }
    public string ReaderZone { get; private set; } = TimeZones.Utc;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // One connection for the page's queries rather than one taken from the pool and returned for each.
        await db.Database.OpenConnectionAsync(ct);
        var meeting = await db.FindForAccessAsync(id, ct);
        if (meeting is null)
        {
            return NotFound();
        }
        var reader = await readers.CurrentAsync(User);
        ReaderZone = TimeZones.ReaderZone(HttpContext, reader);
        if (await authorization.MayAsync(User, meeting, MeetingOperations.View))
        {
            var process = HttpContext.AddressedProcess();
            Meeting = await MeetingDetails.LoadAsync(db, reader, meeting, ct, new ProcessRef(process.Id, process.Slug, process.Acronym, process.Name));
            MayManage = await authorization.MayAsync(User, meeting, MeetingOperations.Manage);
            return Page();
        }
        if (await authorization.MayAsync(User, meeting, MeetingOperations.ViewSummary))
        {
            Summary = await MeetingDetails.LoadSummaryAsync(db, meeting, ct);
            return Page();
        }
        return NotFound();
    }
}
