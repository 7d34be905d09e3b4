using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/sessions/{sessionId}: a session's guiding questions, chair, rapporteur and speakers.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class SessionModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : MeetingManagePage(db, clock, t)
{
    [BindProperty]
    public SessionInput Session { get; set; } = new();

    [BindProperty]
    public SpeakerInput Speaker { get; set; } = new();

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
        Session.Speakers = null;
        var (errors, starts, ends) = await SessionCommands.CheckAsync(Db, Meeting, Session, Text, ct);
        if (!Accept(nameof(Session), errors))
        {
            return await ShowAsync(ct);
        }
        SessionCommands.Save(Meeting, Current, Session, starts, ends, Current.Position);
        await SaveAsync(ct);
        this.Tell(Text["The session {0} is saved.", Current.Title]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{sessionId}");
    }

    public async Task<IActionResult> OnPostAddSpeakerAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindSessionAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        // The speaker's own check covers what its attributes say: keep one message per problem.
        ModelState.Clear();
        if (!Accept(nameof(Speaker), await SessionCommands.CheckSpeakerAsync(Db, Speaker, Text, ct)))
        {
            Session = SessionInput.From(Current, Meeting.TimeZoneId);
            return await ShowAsync(ct);
        }
        SessionCommands.AddSpeaker(Current, Speaker);
        await SaveAsync(ct);
        this.Tell(Text["{0} is added to the speakers.", Speaker.Name ?? ""]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{sessionId}#speakers");
    }

    public async Task<IActionResult> OnPostRemoveSpeakerAsync(int id, int sessionId, int speakerId, CancellationToken ct)
    {
        if (!await FindSessionAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        if (Current.Speakers.SingleOrDefault(s => s.Id == speakerId) is not { } speaker)
        {
            return NotFound();
        }
        Current.Speakers.Remove(speaker);
        await SaveAsync(ct);
        this.Tell(Text["{0} is removed from the speakers.", speaker.Name]);
        return Redirect($"/processes/{Slug}/meetings/{id}/sessions/{sessionId}#speakers");
    }

    private async Task<bool> FindSessionAsync(int id, int sessionId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return false;
        }
        var session = await Db.Sessions.Include(s => s.Speakers.OrderBy(p => p.Position)).SingleOrDefaultAsync(s => s.Id == sessionId && s.MeetingId == id, ct);
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
