using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.States;

/// <summary>Every process a state belongs to, as member or observer, today and in the past; the good practices it adapted
/// and those others adapted from it, as far as the reader may read them.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, TimeProvider time, Meetings.MeetingReaders readers) : PageModel
{
    public StateDetails State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var state = await StateQueries.LoadAsync(db, code, Cultures.Current, time.Today(), ct);
        if (state is null)
        {
            return NotFound();
        }
        State = state with { Practices = await StateQueries.PracticesAsync(db, await readers.CurrentAsync(User), code, Cultures.Current, ct) };
        return Page();
    }
}
