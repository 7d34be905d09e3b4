using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.DataRequests;

/// <summary>Settings of data requests (section <c>DataRequests</c>).</summary>
public sealed class DataRequestOptions
{
    /// <summary>How long before the deadline the focal points of the states that have not submitted are reminded; each
    /// one a reminder of its own. Seven days and one day unless set.</summary>
    public TimeSpan[]? RemindBefore { get; set; }

    // The default stays out of the bound array: the configuration binder would add configured values to it.
    public IReadOnlyList<TimeSpan> Before => RemindBefore is { Length: > 0 } b ? b : [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];
}

/// <summary>The mail about a data request to the focal points of the states asked, each in their own language, with
/// the deadline on their own clock: when it is sent, and reminders before its deadline.</summary>
public sealed class DataRequestMail(AppDbContext db, Outbox outbox, TimeProvider clock, IStringLocalizer<DataRequestsText> t, IConfiguration configuration)
{
    public const string Sent = "sent";

    /// <summary>The stage of the mail telling the new deadline; its key names the deadline, so each move is told once.</summary>
    public const string Moved = "deadline";

    /// <summary>Queues one mail per focal point in force of <paramref name="states"/> (saved by the caller). The key
    /// (request, stage, person) is unique in the outbox: the same mail never goes twice.</summary>
    public async Task<int> QueueAsync(DataRequest request, IReadOnlyCollection<string> states, string stage, CancellationToken ct)
    {
        if (states.Count == 0)
        {
            return 0;
        }
        var focalPoints = await RecipientsAsync(request.ProcessId, ProcessRole.FocalPoint, states, ct);
        if (focalPoints.Count == 0)
        {
            return 0;
        }
        var (acronym, slug) = await ProcessOfAsync(request, ct);
        var zones = focalPoints.GroupBy(f => f.UserId).ToDictionary(g => g.Key, g => g.First().TimeZoneId);
        var link = PublicLinks.To(configuration, $"/processes/{slug}/data-requests/{request.Id.ToString(CultureInfo.InvariantCulture)}/answer");

        Letter Write(MailRecipient r)
        {
            var zone = zones[r.UserId!] is { } z && TimeZones.IsKnown(z) ? z : TimeZones.Utc;
            var local = TimeZones.InZone(request.DeadlineAt, zone);
            var deadline = TimeZones.Moment(request.DeadlineAt, zone);
            var (subject, opening) = stage switch
            {
                Sent => (t["New data request: {0}", request.Title], t["The secretariat of {0} asks your state to answer the data request “{1}” by {2}.", acronym, request.Title, deadline]),
                Moved => (t["New deadline: {0} for {1}", Dates.Day(local), request.Title], t["The secretariat of {0} moved the deadline of the data request “{1}”: answers are now expected by {2}.", acronym, request.Title, deadline]),
                _ => (t["Reminder: answer by {0} for {1}", Dates.Day(local), request.Title], t["Your state has not yet submitted its answers to the data request “{0}” of {1}. The deadline is {2}.", request.Title, acronym, deadline]),
            };
            return new Letter(subject, string.Join("\n\n", [t["Dear {0},", r.Name], opening, t["Answer here: {0}", link], t["The secretariat"]]));
        }

        var kind = stage switch { Sent => MailKind.DataRequestSent, Moved => MailKind.DataRequestChanged, _ => MailKind.DataRequestReminder };
        // A new deadline and the reminders before it are news again: their key names the deadline they are about.
        var about = stage == Sent ? stage : $"{stage}@{request.DeadlineAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        return await outbox.EnqueueAsync(focalPoints.DistinctBy(f => f.UserId).Select(MailRecipient.Of),
            kind, meetingId: null, r => $"data-request:{request.Id.ToString(CultureInfo.InvariantCulture)}:{about}:{r.UserId}", Write, ct: ct);
    }

    private Task<List<RoleHolder>> RecipientsAsync(int processId, ProcessRole role, IReadOnlyCollection<string>? states, CancellationToken ct) =>
        db.ProcessRoleAssignments.HoldersWithAddress(db.Memberships, clock.Today(), processId, role, states).ToListAsync(ct);

    private async Task<(string Acronym, string Slug)> ProcessOfAsync(DataRequest request, CancellationToken ct) =>
        request.Process is { } p ? (p.Acronym, p.Slug)
            : await db.Processes.Where(p => p.Id == request.ProcessId).Select(p => new ValueTuple<string, string>(p.Acronym, p.Slug)).SingleAsync(ct);

    /// <summary>The stage of the mail to the secretariat that a state's proposal waits for its review.</summary>
    public const string Proposed = "proposed";

    /// <summary>The stage of the mail to the proposing state that the secretariat declined its proposal.</summary>
    public const string Declined = "declined";

    /// <summary>Queues the mail of a state's proposal (saved by the caller): <see cref="Proposed"/> to the secretariat of
    /// the process; <see cref="Sent"/> or <see cref="Declined"/> (with the reason) to the proposing state's focal points.
    /// Each in the reader's language, the state named in it; the key names the submission, so a proposal submitted again
    /// after being taken back is told again.</summary>
    public async Task<int> QueueProposalAsync(DataRequest request, string stage, CancellationToken ct)
    {
        var toSecretariat = stage == Proposed;
        var people = await RecipientsAsync(request.ProcessId, toSecretariat ? ProcessRole.Secretariat : ProcessRole.FocalPoint,
            toSecretariat ? null : [request.ProposedByStateCode!], ct);
        if (people.Count == 0)
        {
            return 0;
        }
        var (acronym, slug) = await ProcessOfAsync(request, ct);
        var state = request.ProposedByState ?? await db.States.AsNoTracking().SingleAsync(s => s.Code == request.ProposedByStateCode, ct);
        var link = PublicLinks.To(configuration, $"/processes/{slug}/data-requests/{request.Id.ToString(CultureInfo.InvariantCulture)}");

        Letter Write(MailRecipient r)
        {
            var name = state.Name(Cultures.Current);
            var (subject, opening) = stage switch
            {
                Proposed => (t["Data request proposed by {0}: {1}", name, request.Title],
                    t["{0} proposes that the secretariat of {1} send the member states the data request “{2}”. It waits for your review: edit it, then send it or decline it with a reason.", name, acronym, request.Title]),
                Sent => (t["Your proposal is sent: {0}", request.Title],
                    t["The secretariat of {0} sent the data request “{1}”, proposed by {2}, to the member states.", acronym, request.Title, name]),
                _ => (t["Your proposal is declined: {0}", request.Title],
                    t["The secretariat of {0} declined the data request “{1}” proposed by {2}. Its reason: {3}", acronym, request.Title, name, request.DeclineReason ?? ""]),
            };
            return new Letter(subject, string.Join("\n\n", [t["Dear {0},", r.Name], opening, t["See it here: {0}", link], t["The secretariat"]]));
        }

        var kind = toSecretariat ? MailKind.DataRequestProposed : MailKind.DataRequestProposalDecided;
        // Each submission is its own mail, two in the same second too (to the microsecond, as PostgreSQL keeps it).
        var about = toSecretariat ? $"{stage}@{request.ProposedAt!.Value.UtcDateTime.ToString("yyyyMMddHHmmssffffff", CultureInfo.InvariantCulture)}" : "proposal-" + stage;
        return await outbox.EnqueueAsync(people.DistinctBy(f => f.UserId).Select(MailRecipient.Of),
            kind, meetingId: null, r => $"data-request:{request.Id.ToString(CultureInfo.InvariantCulture)}:{about}:{r.UserId}", Write, ct: ct);
    }
}

/// <summary>Reminds the focal points of the states that have not submitted before a request's deadline
/// (<see cref="DataRequestOptions.RemindBefore"/>). Run by the <see cref="MailDispatcher"/> on every instance: the
/// outbox's unique key makes instances that find a reminder due at once queue it once, and its claim sends it once.
/// When several stages fell due since the last look, only the latest goes out.</summary>
public sealed class DataRequestReminders(AppDbContext db, DataRequestMail mail, Outbox outbox, TimeProvider clock, IOptions<DataRequestOptions> options) : IDueMail
{
    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = options.Value.Before;
        var latest = now + before.Max();
        var due = await db.DataRequests.AsNoTracking().Include(r => r.Process)
            .Where(r => r.SentAt != null && r.DeadlineAt > now && r.DeadlineAt <= latest)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var request in due)
        {
            // The closest stage whose time has come: the one-day reminder, not the seven-day one, once a day is left.
            var stage = before.Where(b => request.DeadlineAt - b <= now).Order().Select(b => (TimeSpan?)b).FirstOrDefault();
            if (stage is not { } span)
            {
                continue;
            }
            var behind = await db.DataResponses.AsNoTracking().Where(s => s.DataRequestId == request.Id && s.SubmittedAt == null).Select(s => s.StateCode).ToListAsync(ct);
            var key = "before-" + ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
            var added = await mail.QueueAsync(request, behind, key, ct);
            if (added > 0 && await outbox.SaveDueAsync($"The reminder of data request {request.Id}", ct))
            {
                queued += added;
            }
        }
        await outbox.DeliverQueuedAsync(ct);
        return queued;
    }
}
