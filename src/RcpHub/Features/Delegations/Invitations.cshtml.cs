using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Delegations;

/// <summary>One mail recorded about the meeting, as the invitation page lists it.</summary>
public sealed record SentMail(string Email, MailKind Kind, string Language, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError);

/// <summary>/processes/{slug}/meetings/{id}/invitations ("Invitation to the meeting"): the secretariat sees who the
/// invitation goes to (the meeting's audience, as <see cref="MeetingAccess"/> decides it), which invited states nobody
/// would hear it for, and what was mailed about the meeting and when; and sends the invitation, once per person and
/// revision of the meeting.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class InvitationsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> meetingsText,
    IStringLocalizer<DelegationsText> t, MeetingNotices notices) : MeetingManagePage(db, clock, meetingsText)
{
    public IReadOnlyList<InvitationRecipient> Recipients { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> StatesWithoutFocalPoint { get; private set; } = [];
    public IReadOnlyList<SentMail> Mails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        if (Meeting.Status is MeetingStatus.Cancelled or MeetingStatus.Held or MeetingStatus.ReportAdopted)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("", t["Invitations are sent only for a meeting that is still to be held."]);
            return Page();
        }
        var recipients = await InvitationRecipients.ForAsync(Db, Meeting, Clock.Today(), ct);
        if (recipients.Count == 0)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("", t["Nobody in this meeting's audience has an account yet: no invitation was sent."]);
            return Page();
        }
        MeetingCommands.MarkInvitationsSent(Clock, Meeting);
        var queued = await notices.InviteAsync(Meeting, recipients, ct);
        await Db.SaveChangesAsync(ct);
        await notices.DeliverAsync(ct);
        this.Tell(queued == 0
            ? t["Everyone listed already has this invitation: nothing was sent again."]
            : t.Plural(queued, "The invitation is sent to {0} person.", "The invitation is sent to {0} people."));
        return Redirect($"/processes/{Slug}/meetings/{Meeting.Id}/invitations");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Clock.Today();
        Recipients = await InvitationRecipients.ForAsync(Db, Meeting, today, ct);
        Mails = await Db.OutboxMessages.AsNoTracking().Where(m => m.MeetingId == Meeting.Id)
            .OrderByDescending(m => m.Id).Take(500)
            .Select(m => new SentMail(m.Email, m.Kind, m.Language, m.CreatedAt, m.SentAt, m.Attempts, m.LastError))
            .ToListAsync(ct);

        // The states invited: the current members of the convening and participating processes, and invited states.
        var processes = Meeting.ParticipatingProcesses.Select(p => p.ProcessId).Append(Meeting.ProcessId).ToList();
        var invitedStates = Meeting.Invitees.Where(i => i.StateCode != null).Select(i => i.StateCode!).ToList();
        var heard = Recipients.SelectMany(r => r.FocalPointFor).ToHashSet();
        var language = Cultures.Current;
        var states = await Db.States.AsNoTracking()
            .Where(s => invitedStates.Contains(s.Code)
                || (Meeting.Audience != MeetingAudience.ByInvitation
                    && Db.Memberships.CurrentMemberStatesOn(today).Any(m => m.StateCode == s.Code && processes.Contains(m.ProcessId))))
            .ToListAsync(ct);
        StatesWithoutFocalPoint = states.Where(s => !heard.Contains(s.Code))
            .Select(s => (s.Code, s.Name(language)))
            .OrderBy(s => s.Item2, StringComparer.CurrentCulture).ToList();
    }
}
