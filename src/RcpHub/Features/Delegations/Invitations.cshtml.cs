using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Delegations;

/// <summary>/processes/{slug}/meetings/{id}/invitations: the secretariat sees who the invitation goes to (the
/// meeting's audience, as <see cref="MeetingAccess"/> decides it) and sends it by email.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class InvitationsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> meetingsText,
    IStringLocalizer<DelegationsText> t, EmailSender email, IConfiguration configuration) : MeetingManagePage(db, clock, meetingsText)
{
    public IReadOnlyList<InvitationRecipient> Recipients { get; private set; } = [];
    public int? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? sent, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        Sent = sent;
        Recipients = await InvitationRecipients.ForAsync(Db, Meeting, Clock.Today(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        Recipients = await InvitationRecipients.ForAsync(Db, Meeting, Clock.Today(), ct);
        if (Meeting.Status is MeetingStatus.Cancelled or MeetingStatus.Held or MeetingStatus.ReportAdopted)
        {
            ModelState.AddModelError("", t["Invitations are sent only for a meeting that is still to be held."]);
            return Page();
        }
        if (Recipients.Count == 0)
        {
            ModelState.AddModelError("", t["Nobody in this meeting's audience has an account yet: no invitation was sent."]);
            return Page();
        }
        var meetingUrl = PublicLinks.To(configuration, $"/meetings/{Meeting.Id}");
        var delegationUrl = PublicLinks.To(configuration, $"/processes/{Slug}/meetings/{Meeting.Id}/delegation");
        var when = new When(Meeting.StartsAtUtc, Meeting.EndsAtUtc, Meeting.TimeZoneId, Meeting.TimeZoneId);
        var subject = t["Invitation: {0}", Meeting.Title];
        foreach (var recipient in Recipients)
        {
            var body = string.Join("\n",
                t["Dear {0},", recipient.DisplayName],
                "",
                t["You are invited to {0}, {1} ({2}), {3}.", Meeting.Title, when.Venue, when.VenueZoneLabel, Meeting.Venue ?? Meeting.OnlineUrl ?? ""],
                "",
                t["The meeting: {0}", meetingUrl],
                t["Focal points register their state's delegation here: {0}", delegationUrl],
                "",
                t["The secretariat"]);
            await email.SendAsync(recipient.Email, subject, body, ct);
        }
        if (Meeting.Status is MeetingStatus.Planned or MeetingStatus.Postponed)
        {
            await MeetingCommands.SetStatusAsync(Db, Clock, Meeting, MeetingStatus.InvitationsSent, ct);
        }
        return Redirect($"/processes/{Slug}/meetings/{Meeting.Id}/invitations?sent={Recipients.Count}");
    }
}
