using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Delegations;

/// <summary>The mail that tells the people of a meeting (those <see cref="InvitationRecipients"/> finds) what the
/// secretariat did: the invitation, a cancellation, a change of time or place, a delegation's review. Each method queues
/// its mails in the caller's context, each in its recipient's language; the caller saves once, then
/// <see cref="DeliverAsync"/> sends them.</summary>
public sealed class MeetingNotices(AppDbContext db, Outbox outbox, TimeProvider clock, IStringLocalizer<DelegationsText> t, IConfiguration configuration)
{
    /// <summary>"3 people are told.", in the reader's language: what a page says after an action that mailed people.</summary>
    public string Told(int count) => t.Plural(count, "{0} person is told.", "{0} people are told.");

    /// <summary>The invitation with its calendar entry (METHOD:REQUEST); once per person and revision of the meeting.</summary>
    public async Task<int> InviteAsync(Meeting meeting, IEnumerable<InvitationRecipient> recipients, CancellationToken ct)
    {
        var register = await RegistrationLinkAsync(meeting, ct);
        return await outbox.EnqueueAsync(recipients.Select(r => r.ToMail()), MailKind.MeetingInvitation, meeting.Id,
            r => $"invitation:{meeting.Id}:{meeting.Sequence}:{r.UserId}",
            r => new Letter(t["Invitation: {0}", meeting.Title], Body(meeting, r,
                t["You are invited to {0}, {1} ({2}), {3}.", meeting.Title, WhenOf(meeting).Venue, WhenOf(meeting).VenueZoneLabel, Place(meeting)],
                t["Focal points register their state's delegation here: {0}", register])),
            _ => Calendar(meeting, "REQUEST"), "REQUEST", ct);
    }

    /// <summary>The meeting is cancelled, with the secretariat's reason (METHOD:CANCEL removes it from calendars).</summary>
    public async Task<int> CancelledAsync(Meeting meeting, CancellationToken ct) =>
        await outbox.EnqueueAsync(await RecipientsAsync(meeting, ct), MailKind.MeetingCancelled, meeting.Id,
            r => $"cancelled:{meeting.Id}:{meeting.Sequence}:{r.UserId}",
            r => new Letter(t["Cancelled: {0}", meeting.Title], Body(meeting, r,
                t["{0}, planned for {1}, is cancelled.", meeting.Title, WhenOf(meeting).Venue],
                t["Reason: {0}", meeting.CancellationReason ?? ""])),
            _ => Calendar(meeting, "CANCEL"), "CANCEL", ct);

    /// <summary>The meeting is postponed, or its time or place changed: the calendar entry is updated (same UID, higher SEQUENCE).</summary>
    public async Task<int> ChangedAsync(Meeting meeting, CancellationToken ct) =>
        await outbox.EnqueueAsync(await RecipientsAsync(meeting, ct), MailKind.MeetingChanged, meeting.Id,
            r => $"changed:{meeting.Id}:{meeting.Sequence}:{r.UserId}",
            r => meeting.Status == MeetingStatus.Postponed
                ? new Letter(t["Postponed: {0}", meeting.Title], Body(meeting, r, t["{0} is postponed. New dates will follow.", meeting.Title]))
                : new Letter(t["Changed: {0}", meeting.Title], Body(meeting, r,
                    t["{0} now takes place {1} ({2}), {3}.", meeting.Title, WhenOf(meeting).Venue, WhenOf(meeting).VenueZoneLabel, Place(meeting)])),
            _ => Calendar(meeting, "REQUEST"), "REQUEST", ct);

    /// <summary>A reminder before the meeting, once per person and start time (a meeting moved later is reminded again).</summary>
    public async Task<int> RemindAsync(Meeting meeting, CancellationToken ct) =>
        await outbox.EnqueueAsync(await RecipientsAsync(meeting, ct), MailKind.MeetingReminder, meeting.Id,
            r => $"reminder:{meeting.Id}:{meeting.StartsAtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{r.UserId}",
            r => new Letter(t["Reminder: {0}", meeting.Title], Body(meeting, r,
                t["{0} begins {1} ({2}), {3}.", meeting.Title, WhenOf(meeting).Venue, WhenOf(meeting).VenueZoneLabel, Place(meeting)])),
            ct: ct);

    /// <summary>The meeting's report is adopted: everyone who may see the meeting hears it, with the link to the report.</summary>
    public async Task<int> ReportAdoptedAsync(Meeting meeting, int version, CancellationToken ct) =>
        await outbox.EnqueueAsync(await RecipientsAsync(meeting, ct), MailKind.ReportAdopted, meeting.Id,
            r => $"report-adopted:{meeting.Id}:{version.ToString(CultureInfo.InvariantCulture)}:{r.UserId}",
            r => new Letter(t["Report adopted: {0}", meeting.Title], Body(meeting, r,
                t["The report of {0} is adopted: {1}", meeting.Title, Link($"/meetings/{meeting.Id}/report")])),
            ct: ct);

    /// <summary>A new document of the meeting: the people who may read it hear of it, once per document, with its link.</summary>
    /// <param name="meeting">Loaded with its participating processes and invitees.</param>
    public async Task<int> DocumentAddedAsync(Meeting meeting, Document document, CancellationToken ct) =>
        await outbox.EnqueueAsync(
            (await InvitationRecipients.ForAsync(db, meeting, clock.Today(), ct, document.Access)).Select(r => r.ToMail()), MailKind.DocumentAdded, meeting.Id,
            r => $"document:{document.Id.ToString(CultureInfo.InvariantCulture)}:{r.UserId}",
            r => new Letter(t["New document: {0}", meeting.Title], Body(meeting, r,
                t["A document was added to {0}: {1}", meeting.Title, document.Title],
                t["Read it here: {0}", Link($"/meetings/{meeting.Id}/documents/{document.Id}")])),
            ct: ct);

    /// <summary>How many people were told of the adoption of this version of the report.</summary>
    public Task<int> ToldAboutReportAsync(int meetingId, int version, CancellationToken ct)
    {
        var prefix = $"report-adopted:{meetingId}:{version.ToString(CultureInfo.InvariantCulture)}:";
        return db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith(prefix), ct);
    }

    /// <summary>The secretariat confirmed or returned a delegation: its state's focal points hear it, with the note.</summary>
    /// <param name="meeting">Loaded with its participating processes and invitees.</param>
    public async Task<int> DelegationReviewedAsync(Meeting meeting, Delegation delegation, CancellationToken ct)
    {
        var focalPoints = (await InvitationRecipients.ForAsync(db, meeting, clock.Today(), ct)).Where(r => r.FocalPointFor.Contains(delegation.StateCode));
        var confirmed = delegation.Status == DelegationStatus.Confirmed;
        var register = await RegistrationLinkAsync(meeting, ct);
        return await outbox.EnqueueAsync(focalPoints.Select(r => r.ToMail()), confirmed ? MailKind.DelegationConfirmed : MailKind.DelegationReturned, meeting.Id,
            r => $"delegation:{delegation.Id}:{delegation.Status}:{delegation.ReviewedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{r.UserId}",
            r => confirmed
                ? new Letter(t["Delegation confirmed: {0}", meeting.Title], Body(meeting, r,
                    t["The secretariat confirmed the delegation of {0} to {1}.", StateName(delegation), meeting.Title]))
                : new Letter(t["Delegation returned for correction: {0}", meeting.Title], Body(meeting, r,
                    t["The secretariat returned the delegation of {0} to {1} for correction.", StateName(delegation), meeting.Title],
                    t["Note from the secretariat: {0}", delegation.ReturnNote ?? ""],
                    t["Focal points register their state's delegation here: {0}", register])),
            ct: ct);
    }

    /// <summary>Sends what was queued, after the caller's save.</summary>
    public Task DeliverAsync(CancellationToken ct) => outbox.DeliverQueuedAsync(ct);

    /// <param name="meeting">Loaded with its participating processes and invitees.</param>
    private async Task<IEnumerable<MailRecipient>> RecipientsAsync(Meeting meeting, CancellationToken ct) =>
        (await InvitationRecipients.ForAsync(db, meeting, clock.Today(), ct)).Select(r => r.ToMail());

    private string Body(Meeting meeting, MailRecipient r, params string[] paragraphs) => string.Join("\n\n",
        [t["Dear {0},", r.Name], .. paragraphs, t["The meeting: {0}", Link($"/meetings/{meeting.Id}")], t["The secretariat"]]);

    /// <summary>Called while the recipient's language is in force.</summary>
    private static string StateName(Delegation delegation) => delegation.State?.Name(Cultures.Current) ?? delegation.StateCode;

    private static When WhenOf(Meeting meeting) => new(meeting.StartsAtUtc, meeting.EndsAtUtc, meeting.TimeZoneId, meeting.TimeZoneId);

    private static string Place(Meeting meeting) => meeting.Venue ?? meeting.OnlineUrl ?? "";

    private async Task<string> RegistrationLinkAsync(Meeting meeting, CancellationToken ct)
    {
        var slug = meeting.Process?.Slug ?? await db.Processes.Where(p => p.Id == meeting.ProcessId).Select(p => p.Slug).SingleAsync(ct);
        return Link($"/processes/{slug}/meetings/{meeting.Id}/delegation");
    }

    private string Link(string path) => PublicLinks.To(configuration, path);

    /// <summary>The meeting as one calendar event, written by the same writer as the feeds (same UID, SEQUENCE = the meeting's).</summary>
    private string Calendar(Meeting meeting, string method) => CalendarWriter.Write(meeting.Title, [new CalendarEvent(
        Uid: CalendarWriter.MeetingUid(meeting.Id, new Uri(PublicLinks.BaseUrl(configuration)).Host),
        Stamp: clock.GetUtcNow(),
        Start: meeting.StartsAtUtc,
        End: meeting.EndsAtUtc,
        Summary: meeting.Title,
        Location: Place(meeting),
        Description: null,
        Url: new Uri(Link($"/meetings/{meeting.Id}")),
        Status: method == "CANCEL" ? CalendarEventStatus.Cancelled : meeting.Status == MeetingStatus.Postponed ? CalendarEventStatus.Tentative : CalendarEventStatus.Confirmed,
        Sequence: meeting.Sequence)], method);
}
