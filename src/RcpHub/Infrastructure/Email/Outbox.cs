using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Infrastructure.Email;

/// <summary>Who a mail goes to, and in which language it is written.</summary>
public sealed record MailRecipient(string? UserId, string Name, string Email, string Language)
{
    /// <summary>A person who holds a role in force, as the process's mail writes to them.</summary>
    public static MailRecipient Of(RoleHolder holder) => new(holder.UserId, holder.DisplayName, holder.Email, holder.Language);
}

/// <summary>A mail's subject and body, written by the caller while the recipient's language is in force.</summary>
public sealed record Letter(string Subject, string Body);

/// <summary>Records mail in the database with the change that causes it, and sends it after the commit; the
/// <see cref="MailDispatcher"/> sends what is left (a failure, an instance stopped between commit and send).
/// See docs/decisions/0018-mail-outbox.md.</summary>
public sealed class Outbox(AppDbContext db, EmailSender sender, TimeProvider clock, ILogger<Outbox> logger)
{
    /// <summary>How long an instance holds a message it is sending before another may take it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed tries a message is left alone (its last error shows on the pages that list it).</summary>
    public const int MaxAttempts = 8;

    private readonly List<OutboxMessage> _queued = [];

    /// <summary>Adds one mail per recipient to the context (saved by the caller's next SaveChanges), each written in the
    /// recipient's language; a recipient whose key is already in the outbox is skipped. Returns how many were queued.</summary>
    public async Task<int> EnqueueAsync(IEnumerable<MailRecipient> recipients, MailKind kind, int? meetingId, Func<MailRecipient, string> key,
        Func<MailRecipient, Letter> write, Func<MailRecipient, string>? calendar = null, string? calendarMethod = null, CancellationToken ct = default)
    {
        // What a failed save gave up (NumberedSave, a reminder another instance queued first) is queued again.
        _queued.RemoveAll(q => db.Entry(q).State == EntityState.Detached);
        var byKey = recipients.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        var keys = byKey.Keys.ToList();
        var known = await db.Set<OutboxMessage>().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (k, r) in byKey)
        {
            if (known.Contains(k) || _queued.Any(q => q.IdempotencyKey == k))
            {
                continue;
            }
            Letter letter;
            string? ics;
            using (MailLanguage.Use(r.Language))
            {
                letter = write(r);
                ics = calendar?.Invoke(r);
            }
            var message = new OutboxMessage
            {
                UserId = r.UserId,
                Email = r.Email,
                Language = r.Language,
                Kind = kind,
                Subject = letter.Subject,
                Body = letter.Body,
                Calendar = ics,
                CalendarMethod = ics is null ? null : calendarMethod,
                MeetingId = meetingId,
                IdempotencyKey = k,
                CreatedAt = now,
            };
            db.Add(message);
            _queued.Add(message);
            added++;
        }
        return added;
    }

    /// <summary>Saves mail that falls due with time (a reminder) and that other instances may be queuing at the same
    /// moment: when one of them saved the same keys first, the save fails on the unique key, theirs stand, and what this
    /// instance queued is dropped. Returns whether this instance's save went through.</summary>
    public async Task<bool> SaveDueAsync(string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "{What} was queued by another instance", what);
            foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().Where(x => x.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            return false;
        }
    }

    /// <summary>Sends what this request queued, once its save has committed. A failure is recorded, not thrown: the
    /// change is done, and the dispatcher tries the mail again.</summary>
    public async Task DeliverQueuedAsync(CancellationToken ct = default)
    {
        var ids = _queued.Where(m => m.Id != 0).Select(m => m.Id).ToList();
        _queued.Clear();
        await DeliverAsync(ids, ct);
    }

    /// <summary>Sends messages not yet sent and not held by anyone (new ones, and failed ones whose pause is over),
    /// oldest first; several instances may run this at once. Returns how many left.</summary>
    public async Task<int> DispatchDueAsync(int batch = 50, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ids = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(batch).Select(m => m.Id).ToListAsync(ct);
        return await DeliverAsync(ids, ct);
    }

    private async Task<int> DeliverAsync(List<long> ids, CancellationToken ct)
    {
        var claimed = new List<long>();
        foreach (var id in ids)
        {
            if (await ClaimAsync(id, ct))
            {
                claimed.Add(id);
            }
        }
        if (claimed.Count == 0)
        {
            return 0;
        }
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        var outcomes = await sender.SendAsync(messages.Select(m => new OutgoingMail(m.Email, m.Subject, m.Body, m.Calendar, m.CalendarMethod)).ToList(), ct);
        var sent = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var now = clock.GetUtcNow();
            if (outcomes[i] is { } error)
            {
                logger.LogWarning(error, "Mail {MessageId} ({Kind}) could not be sent, try {Attempt}", m.Id, m.Kind, m.Attempts);
                var retryAt = now + Backoff(m.Attempts);
                var text = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
                await db.Set<OutboxMessage>().Where(x => x.Id == m.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastError, text).SetProperty(x => x.ClaimedUntil, retryAt), ct);
            }
            else
            {
                sent++;
                await db.Set<OutboxMessage>().Where(x => x.Id == m.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now).SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), ct);
            }
        }
        return sent;
    }

    /// <summary>Takes the message for this instance: true for exactly one of several instances that try at once.</summary>
    private async Task<bool> ClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        return await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.SentAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1;
    }

    /// <summary>1, 2, 4 ... minutes, at most an hour: a server that is down for a while is not hammered.</summary>
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
}
