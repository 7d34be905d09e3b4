using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/calendar.ics: the process's meetings the requester may see (anonymous: the public ones).</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ProcessCalendarModel(AppDbContext db, MeetingReaders readers, MeetingCalendar calendar, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var meetings = db.Meetings.Where(m => m.ProcessId == process.Id || m.ParticipatingProcesses.Any(p => p.ProcessId == process.Id));
        return MeetingCalendar.Result(await calendar.WriteAsync($"{process.Acronym} · RcpHub", await readers.CurrentAsync(User), meetings,
            MeetingCalendar.Site(Request), clock.GetUtcNow(), ct));
    }
}
