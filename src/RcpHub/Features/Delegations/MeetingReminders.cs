using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Delegations;

/// <summary>Reminds the people of a meeting <see cref="MailOptions.ReminderBefore"/> before it starts (two days unless
/// set otherwise). Run by the <see cref="MailDispatcher"/> on every instance; the outbox's idempotency key makes the
/// reminder go once however many instances find it due.</summary>
public sealed class MeetingReminders(AppDbContext db, MeetingNotices notices, Outbox outbox, TimeProvider clock, IOptions<MailOptions> options) : IDueMail
{
    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now + options.Value.ReminderBefore;
        var due = await db.Meetings.Include(m => m.ParticipatingProcesses).Include(m => m.Invitees)
            .Where(m => m.StartsAtUtc > now && m.StartsAtUtc <= horizon && m.Status == MeetingStatus.InvitationsSent)
            .OrderBy(m => m.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var meeting in due)
        {
            var added = await notices.RemindAsync(meeting, ct);
            if (added == 0)
            {
                continue;
            }
            if (await outbox.SaveDueAsync($"The reminder of meeting {meeting.Id}", ct))
            {
                queued += added;
            }
        }
        await notices.DeliverAsync(ct);
        return queued;
    }
}
