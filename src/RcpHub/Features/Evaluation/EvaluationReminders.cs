using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Features.FollowUp;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Evaluation;

/// <summary>Reminds the focal points of the states that have not reported on everything a round asks of them: before
/// the deadline (<see cref="EvaluationOptions.RemindBefore"/>) and after it (<see cref="EvaluationOptions.RemindAfter"/>),
/// each in their own language. Run by the <see cref="MailDispatcher"/> on every instance: a reminder's key in the outbox
/// (round, stage, person) is unique, so instances that find it due at once queue it once, and the outbox's claim sends
/// it once. When the dispatcher looks after several stages fell due, only the latest goes out.</summary>
public sealed class EvaluationReminders(AppDbContext db, FollowUpCountCache counts, Outbox outbox, TimeProvider clock, IOptions<EvaluationOptions> options,
    IStringLocalizer<EvaluationText> t, IConfiguration configuration) : IDueMail
{
    /// <summary>A reminder after the deadline that no instance sent within this time is not sent late any more (a
    /// platform started after a long pause does not mail about rounds long over).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var (earliest, latest) = (now - o.After.Max() - Grace, now + o.Before.Max());
        var candidates = await db.EvaluationRounds.AsNoTracking()
            .Where(r => r.OpensAt <= now && r.DeadlineAt >= earliest && r.DeadlineAt <= latest)
            .OrderBy(r => r.Id)
            .Select(r => new { r.ProcessId, r.Process!.Slug, r.Process.Acronym, Row = new RoundRow(r.Id, r.Title, r.OutputId, r.Output != null ? r.Output.Title : null, r.OpensAt, r.DeadlineAt, r.ClosedAt) { ReportsVersion = r.ReportsVersion } })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var c in candidates)
        {
            if (Stage(c.Row, now, o) is not { } stage)
            {
                continue;
            }
            var added = await QueueAsync(c.ProcessId, c.Slug, c.Acronym, c.Row, stage, now, ct);
            if (added == 0)
            {
                continue;
            }
            if (await outbox.SaveDueAsync($"The reminder of evaluation round {c.Row.Id}", ct))
            {
                queued += added;
            }
        }
        await outbox.DeliverQueuedAsync(ct);
        return queued;
    }

    /// <summary>A reminder stage that is due: the latest of those whose time has come, before or after the deadline.
    /// None for a round not yet open, closed early by hand, or whose last stage is long past.</summary>
    public static (string Key, bool After)? Stage(RoundRow round, DateTimeOffset now, EvaluationOptions options)
    {
        if (!round.HasOpenedAt(now) || (round.ClosedAt is { } closed && closed < round.DeadlineAt))
        {
            return null;
        }
        if (now < round.DeadlineAt)
        {
            var before = options.Before.Where(b => round.DeadlineAt - b <= now).Order().ToList();
            return before.Count == 0 ? null : (Minutes("before", before[0]), false);
        }
        var after = options.After.Where(a => round.DeadlineAt + a <= now && now < round.DeadlineAt + a + Grace).OrderDescending().ToList();
        return after.Count == 0 ? null : (Minutes("after", after[0]), true);
    }

    private static string Minutes(string side, TimeSpan span) => side + "-" + ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";

    private async Task<int> QueueAsync(int processId, string slug, string acronym, RoundRow round, (string Key, bool After) stage, DateTimeOffset now, CancellationToken ct)
    {
        var figures = (await EvaluationFigures.LoadAsync(db, counts, reader: null, processId, [round], now, ct))[round.Id];
        var behind = figures.ByState.Where(s => s.Value.NotReported > 0).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        if (behind.Count == 0)
        {
            return 0;
        }
        var codes = behind.Keys.ToList();
        var focalPoints = await db.ProcessRoleAssignments
            .HoldersWithAddress(db.Memberships, DateOnly.FromDateTime(now.UtcDateTime), processId, ProcessRole.FocalPoint, codes)
            .ToListAsync(ct);
        if (focalPoints.Count == 0)
        {
            return 0;
        }
        var states = await db.States.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
        var people = focalPoints.GroupBy(f => f.UserId).ToDictionary(g => g.Key, g => (Zone: g.First().TimeZoneId, States: g.Select(f => f.StateCode!).Distinct().Order(StringComparer.Ordinal).ToList()));
        var recipients = focalPoints.DistinctBy(f => f.UserId).Select(MailRecipient.Of);
        var link = Infrastructure.Email.PublicLinks.To(configuration, $"/processes/{slug}/evaluation/{round.Id}");

        Letter Write(MailRecipient r)
        {
            var (zone, theirs) = people[r.UserId!];
            zone = TimeZones.IsKnown(zone) ? zone! : TimeZones.Utc;
            var local = TimeZones.InZone(round.DeadlineAt, zone);
            var deadline = TimeZones.Moment(round.DeadlineAt, zone);
            var lines = theirs.Select(code =>
            {
                var name = states.TryGetValue(code, out var s) ? s.Name(Cultures.Current) : code;
                var tally = behind[code];
                return t["{0} — recommendations asked: {1}; not yet reported: {2}.", name, tally.Asked, tally.NotReported].Value;
            });
            var subject = stage.After ? t["Overdue: {0}", round.Title] : t["Reminder: report by {0} for {1}", Dates.Day(local), round.Title];
            var opening = stage.After
                ? t["The deadline of the evaluation round “{0}” of {1} passed on {2}. Please send the secretariat what is missing.", round.Title, acronym, deadline]
                : t["The evaluation round “{0}” of {1} asks for your state's reports by {2}.", round.Title, acronym, deadline];
            return new Letter(subject, string.Join("\n\n",
                [t["Dear {0},", r.Name], opening, string.Join("\n", lines), t["The round and its progress: {0}", link], t["The secretariat"]]));
        }

        return await outbox.EnqueueAsync(recipients, MailKind.EvaluationReminder, meetingId: null,
            r => $"evaluation:{round.Id.ToString(CultureInfo.InvariantCulture)}:{stage.Key}:{r.UserId}", Write, ct: ct);
    }
}
