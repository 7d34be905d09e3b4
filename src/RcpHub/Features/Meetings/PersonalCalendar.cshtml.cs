using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/calendar/{token}.ics: a person's own meetings, for calendar applications that cannot sign in. The secret
/// address stands for the person: it shows only the meetings they may see, and stops working once revoked.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class PersonalCalendarModel(AppDbContext db, MeetingReaders readers, MeetingCalendar calendar, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var hash = CalendarTokens.Hash(token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => f.UserId).SingleOrDefaultAsync(ct);
        if (userId is null)
        {
            return NotFound();
        }
        var reader = await readers.ForUserAsync(userId);
        return MeetingCalendar.Result(await calendar.WriteAsync("RcpHub", reader, db.Meetings.Where(MeetingAccess.ConcernedBy(reader)),
            MeetingCalendar.Site(Request), clock.GetUtcNow(), ct));
    }
}
