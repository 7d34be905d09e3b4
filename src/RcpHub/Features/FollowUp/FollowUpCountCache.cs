using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.FollowUp;

/// <summary>Counts made by the database (<see cref="FollowUpProgress.Counts"/>) kept in this instance's memory, so that
/// a dashboard or an evaluation report viewed again does not count tens of thousands of reports again. An entry is
/// found only under a key made of everything the count depends on (<see cref="KeyOf"/>, <see cref="Digest"/>): the recommendations counted
/// with their addressees, the states counted as steady members, and the versions of the reports counted, which every
/// write of a report changes in the database, in the same transaction (<see cref="ChangedAsync"/>):
/// <see cref="Output.FollowUpVersion"/> per output (the latest report across rounds, for the dashboard) and
/// <see cref="EvaluationRound.ReportsVersion"/> per round (a round's own reports, for the evaluation report; a closed
/// round's changes only by a review). The versions are read in queries the pages send anyway, before the counts, so
/// an entry is never older than its key, and several instances on one database never show each other stale counts
/// (docs/decisions/0029). What is kept is a copy of what the database said, never the only one: a restart loses nothing.</summary>
public sealed class FollowUpCountCache : IDisposable
{
    /// <summary>Rows of counts held at most (a few megabytes); beyond it the least recently read entries are dropped.
    /// A process of 200 recommendations and 60 states needs about 2,000 per round.</summary>
    private const long MaxRows = 500_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxRows, CompactionPercentage = 0.25 });

    /// <summary>The counts held under <paramref name="key"/>, or those <paramref name="count"/> makes, then held.</summary>
    public async Task<IReadOnlyList<Counted>> GetOrCountAsync(string key, Func<Task<List<Counted>>> count)
    {
        if (_cache.TryGetValue(key, out IReadOnlyList<Counted>? held) && held is not null)
        {
            return held;
        }
        var counted = await count();
        Hold(key, counted);
        return counted;
    }

    /// <summary>Counts per round (<see cref="Counted.RoundKey"/>): the rounds held under their key are not counted
    /// again; the others are counted together, by one call of <paramref name="count"/> with their ids.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Counted>>> PerRoundAsync(IReadOnlyDictionary<int, string> keys,
        Func<IReadOnlyList<int>, Task<List<Counted>>> count)
    {
        var counts = new Dictionary<int, IReadOnlyList<Counted>>();
        var missing = new List<int>();
        foreach (var (round, key) in keys)
        {
            if (_cache.TryGetValue(key, out IReadOnlyList<Counted>? held) && held is not null)
            {
                counts[round] = held;
            }
            else
            {
                missing.Add(round);
            }
        }
        if (missing.Count > 0)
        {
            var counted = (await count(missing)).ToLookup(c => c.RoundKey);
            foreach (var round in missing)
            {
                var part = counted[round].ToList();
                counts[round] = part;
                Hold(keys[round], part);
            }
        }
        return counts;
    }

    private void Hold(string key, IReadOnlyList<Counted> counts) => Keep(key, counts, counts.Count);

    /// <summary>What was made from counts held under <paramref name="key"/> (a key made like the counts', with the same
    /// versions), or null.</summary>
    public T? Made<T>(string key) where T : class => _cache.TryGetValue(key, out T? held) ? held : null;

    /// <summary>Keeps what was made from counts (the finished tallies of a round) under a key made like theirs, so that a
    /// view does not tally the same counts again; <paramref name="rows"/> is its size in rows of counts, roughly.</summary>
    public void Keep(string key, object made, int rows) =>
        _cache.Set(key, made, new MemoryCacheEntryOptions { Size = Math.Max(1, rows), SlidingExpiration = TimeSpan.FromHours(1) });

    /// <summary>The part of a key (<see cref="KeyOf"/>) that says what the count is over: the recommendations counted,
    /// each with its output and addressees (the addressee rule runs inside the count), and the states counted as steady
    /// members. A digest, so that 200 recommendations make a short key; made once per page for all its counts.</summary>
    public static string Digest(IEnumerable<(int Id, int OutputId, bool ToAllMembers, IEnumerable<string> States)> recommendations, IEnumerable<string> steadyMembers) =>
        Digest(recommendations.OrderBy(r => r.Id)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id}:{r.OutputId}:{(r.ToAllMembers ? 1 : 0)}:{string.Join(',', r.States.Order(StringComparer.Ordinal))}"))
            .Append("|" + string.Join(',', steadyMembers.Order(StringComparer.Ordinal))));

    /// <summary>A short digest (SHA-256) of parts of a key, in the order given.</summary>
    public static string Digest(IEnumerable<string> parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', parts))));

    /// <summary>A key: the kind of count and what it is of (process, round, how it groups), the versions of the reports
    /// it reads, and the <see cref="Digest"/> of what it is over.</summary>
    public static string KeyOf(string what, IEnumerable<Guid> versions, string digest) =>
        $"{what}|{string.Join(',', versions.Order())}|{digest}";

    /// <summary>Marks the reports of <paramref name="outputs"/> and of rounds <paramref name="roundIds"/> (0, outside any
    /// round, ignored) as changed, for every instance's cache. Called inside the transaction that writes them, after the
    /// write: a reader sees the new versions only with the new reports.</summary>
    public static async Task ChangedAsync(AppDbContext db, IQueryable<Output> outputs, IReadOnlyCollection<int> roundIds, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        await outputs.ExecuteUpdateAsync(s => s.SetProperty(o => o.FollowUpVersion, version), ct);
        var rounds = roundIds.Where(r => r != 0).Distinct().ToList();
        if (rounds.Count > 0)
        {
            await db.EvaluationRounds.Where(r => rounds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportsVersion, version), ct);
        }
    }

    public void Dispose() => _cache.Dispose();
}
