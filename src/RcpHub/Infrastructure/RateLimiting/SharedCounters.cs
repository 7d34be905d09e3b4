using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Data;

namespace RcpHub.Infrastructure.RateLimiting;

/// <summary>One fixed-window counter shared by every instance (sign-in attempts, reset mails, invitation mails).</summary>
public sealed class RateCounter
{
    public required string Key { get; set; }
    public int Count { get; set; }

    /// <summary>Unix milliseconds: compared in SQL the same way on SQLite and PostgreSQL.</summary>
    public long WindowEndsAt { get; set; }
}

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> e)
    {
        e.HasKey(c => c.Key);
        e.Property(c => c.Key).HasMaxLength(300);
        e.HasIndex(c => c.WindowEndsAt);
    }
}

/// <summary>A limit read from <c>RateLimits:{Name}</c>: at most <see cref="PermitLimit"/> in <see cref="Window"/>.</summary>
public sealed record RateLimit(string Name, int PermitLimit, TimeSpan Window)
{
    public static RateLimit From(IConfiguration configuration, string name, int permitLimit, TimeSpan window)
    {
        var section = configuration.GetSection("RateLimits:" + name);
        return new(name, section.GetValue("PermitLimit", permitLimit), TimeSpan.FromSeconds(section.GetValue("WindowSeconds", window.TotalSeconds)));
    }
}

/// <summary>Counts in the database what must be limited across instances: an attacker spreading sign-in attempts over
/// the instances behind a load balancer must meet the same limit as one talking to a single instance. One upsert per
/// count, written with SQL rather than SaveChanges so that counting is atomic under concurrency, leaves no audit entry
/// and does not evict the public page cache.</summary>
public sealed class SharedCounters(AppDbContext db, TimeProvider clock)
{
    /// <summary>Counts one event for <paramref name="key"/>; returns how long to wait when that was one too many.</summary>
    public async Task<TimeSpan?> HitAsync(RateLimit limit, string key, CancellationToken ct = default)
    {
        var (count, endsAt) = await IncrementAsync(limit.Name + ":" + key, limit.Window, ct);
        return count > limit.PermitLimit ? RetryAfter(endsAt) : null;
    }

    /// <summary>Counts one event and returns how many the window now holds.</summary>
    public async Task<int> CountAsync(RateLimit limit, string key, CancellationToken ct = default) =>
        (await IncrementAsync(limit.Name + ":" + key, limit.Window, ct)).Count;

    private async Task<(int Count, long EndsAt)> IncrementAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var ends = now + (long)window.TotalMilliseconds;
        if (Random.Shared.Next(200) == 0)
        {
            // Keys of addresses and emails seen once would otherwise stay for ever.
            await db.Set<RateCounter>().Where(c => c.WindowEndsAt < now).ExecuteDeleteAsync(ct);
        }
        var rows = await db.Database.SqlQuery<CounterState>($"""
            INSERT INTO "RateCounters" ("Key", "Count", "WindowEndsAt") VALUES ({key}, 1, {ends})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "RateCounters"."WindowEndsAt" <= {now} THEN 1 ELSE "RateCounters"."Count" + 1 END,
                "WindowEndsAt" = CASE WHEN "RateCounters"."WindowEndsAt" <= {now} THEN {ends} ELSE "RateCounters"."WindowEndsAt" END
            RETURNING "Count", "WindowEndsAt"
            """).ToListAsync(ct);
        return (rows[0].Count, rows[0].WindowEndsAt);
    }

    private TimeSpan RetryAfter(long endsAt) =>
        TimeSpan.FromMilliseconds(Math.Max(1000, endsAt - clock.GetUtcNow().ToUnixTimeMilliseconds()));

    private sealed class CounterState
    {
        public int Count { get; set; }
        public long WindowEndsAt { get; set; }
    }
}
