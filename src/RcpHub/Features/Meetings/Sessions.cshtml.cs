using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/sessions: the sessions of a meeting; the secretariat adds and removes them.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class SessionsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : MeetingManagePage(db, clock, t)
{
    [BindProperty]
    public SessionInput Session { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, int Position, string? Code, string Title, DateTimeOffset? StartsAtUtc, string? Chair, string? Rapporteur, int People);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var (errors, starts, ends) = await SessionCommands.CheckAsync(Db, Meeting, Session, Text, ct);
        if (!Accept(nameof(Session), errors))
        {
            return await ShowAsync(ct);
        }
        var next = (await Db.Sessions.Where(s => s.MeetingId == id).MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
        var session = await SessionCommands.SaveAsync(Db, Meeting, null, Session, starts, ends, next, ct);
        await SaveAsync(ct);
        this.Tell(Text["The session {0} is added.", session.Title]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{session.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var session = await Db.Sessions.Include(s => s.People).SingleOrDefaultAsync(s => s.Id == sessionId && s.MeetingId == id, ct);
        if (session is null)
        {
            return NotFound();
        }
        Db.Sessions.Remove(session);
        await SaveAsync(ct);
        this.Tell(Text["The session {0} is removed.", session.Title]);
        return Back("sessions");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Rows = await Db.Sessions.AsNoTracking().Where(s => s.MeetingId == Meeting.Id).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Position, s.Code, s.Title, s.StartsAtUtc,
                s.People.Where(p => p.Role == SessionRole.Chair).OrderBy(p => p.Position).Select(p => p.Name).FirstOrDefault(),
                s.Rapporteur != null ? s.Rapporteur.DisplayName : s.RapporteurName, s.People.Count))
            .ToListAsync(ct);
        return Page();
    }
}
