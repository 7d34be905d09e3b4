using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.My;

/// <summary>/my, "My RcpHub": where a signed-in person lands. What waits on them (<see cref="ToDo"/>), each with its
/// deadline and the way to do it, their next meetings (those they may see that concern them) and the roles they hold.</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, TimeProvider clock) : PageModel
{
    public sealed record NextMeeting(int Id, string Title, string ProcessAcronym, DateTimeOffset StartsAtUtc, DateTimeOffset EndsAtUtc, string TimeZoneId);

    private const int MeetingsShown = 10;

    public DutyList Duties { get; private set; } = null!;
    public IReadOnlyList<HeldRole> Roles { get; private set; } = [];
    public IReadOnlyList<NextMeeting> Meetings { get; private set; } = [];

    /// <summary>Whether the person is in (and reads) the directory of officials.</summary>
    public bool ShowsDirectory { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        ShowsDirectory = AccessRules.MayUseDirectory(reader.IsPlatformAdministrator, reader.Roles.Select(r => r.Role));
        var now = clock.GetUtcNow();
        var today = clock.Today();
        Roles = await ToDo.RolesAsync(db, reader.UserId, today, ct);
        Duties = new DutyList(await ToDo.ForPersonAsync(db, reader, Roles, today, now, ct), TimeZones.ReaderZone(HttpContext, reader));
        Meetings = await db.Meetings.AsNoTracking()
            .Where(MeetingAccess.VisibleTo(reader))
            .Where(MeetingAccess.ConcernedBy(reader))
            .Where(m => m.EndsAtUtc > now && m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Postponed)
            .OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id)
            .Take(MeetingsShown)
            .Select(m => new NextMeeting(m.Id, m.Title, m.Process!.Acronym, m.StartsAtUtc, m.EndsAtUtc, m.TimeZoneId))
            .ToListAsync(ct);
        return Page();
    }
}
