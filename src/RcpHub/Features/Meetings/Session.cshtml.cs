using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/sessions/{sessionId}: a session's code, guiding questions, rapporteur, and its
/// people (chairs, co-chairs, moderators, speakers, discussants), who may speak for an organisation added here.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class SessionModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t, MeetingLabels labels) : MeetingManagePage(db, clock, t)
{
    [BindProperty]
    public SessionInput Session { get; set; } = new();

    [BindProperty]
    public SessionPersonInput Person { get; set; } = new();

    public Session Current { get; private set; } = null!;
    public PartyChoices Parties { get; private set; } = null!;
    public IReadOnlyList<Choice> Rapporteurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindSessionAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        Session = SessionInput.From(Current, Meeting.TimeZoneId);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindSessionAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        KeepErrorsOf(nameof(Session));
        Session.People = null;
        var (errors, starts, ends) = await SessionCommands.CheckAsync(Db, Meeting, Session, Text, ct);
        if (!Accept(nameof(Session), errors))
        {
            return await ShowAsync(ct);
        }
        await SessionCommands.SaveAsync(Db, Meeting, Current, Session, starts, ends, Current.Position, ct);
        await SaveAsync(ct);
        this.Tell(Text["The session {0} is saved.", Current.Title]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{sessionId}");
    }

    public async Task<IActionResult> OnPostAddPersonAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindSessionAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        KeepErrorsOf(nameof(Person));
        // The person's own check covers what its attributes say: one message per field.
        var errors = (await SessionCommands.CheckPersonAsync(Db, Person, Text, ct))
            .Where(e => ModelState[$"{nameof(Person)}.{e.Field}"] is not { Errors.Count: > 0 }).ToList();
        if (!Accept(nameof(Person), errors))
        {
            Session = SessionInput.From(Current, Meeting.TimeZoneId);
            return await ShowAsync(ct);
        }
        await SessionCommands.AddPersonAsync(Db, Current, Person, ct);
        await SaveAsync(ct);
        this.Tell(Text["{0} is added to the session.", string.IsNullOrWhiteSpace(Person.Name) ? labels.Role(Person.Role ?? SessionRole.Speaker) : Person.Name]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{sessionId}#people");
    }

    public async Task<IActionResult> OnPostRemovePersonAsync(int id, int sessionId, int personId, CancellationToken ct)
    {
        if (!await FindSessionAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        if (Current.People.SingleOrDefault(s => s.Id == personId) is not { } person)
        {
            return NotFound();
        }
        Current.People.Remove(person);
        await SaveAsync(ct);
        this.Tell(Text["{0} is removed from the session.", person.Name.Length == 0 ? labels.Role(person.Role) : person.Name]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{sessionId}#people");
    }

    private async Task<bool> FindSessionAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return false;
        }
        var session = await Db.Sessions.Include(s => s.People.OrderBy(p => p.Role).ThenBy(p => p.Position)).SingleOrDefaultAsync(s => s.Id == sessionId && s.MeetingId == id, ct);
        Current = session!;
        return session is not null;
    }

    /// <summary>The two forms post separately: the one not submitted is not validated (model binding even binds it
    /// without its prefix when none of its fields came, so everything outside the submitted form's prefix goes).</summary>
    private void KeepErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        Parties = await PartyChoices.LoadAsync(Db, ct);
        Rapporteurs = await SessionCommands.RapporteursAsync(Db, Meeting.ProcessId, ct);
        return Page();
    }
}
