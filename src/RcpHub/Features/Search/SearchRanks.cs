using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RcpHub.Data;

namespace RcpHub.Features.Search;

/// <summary>The engine's best matches of a query (<see cref="ISearchEngine.BestAsync"/>), held in this instance's memory
/// while the index has not changed (decision 0043). Ranking a word found in a large part of the library costs the engine
/// a pass over every match (SQLite's bm25 reads each match's length; PostgreSQL's ts_rank_cd each vector), whoever asks:
/// the ranking does not depend on the reader, whose access is asked afterwards of these rows, in SQL, every time. Held
/// only when the engine had at least as many matches as were asked for (a rarer word is cheap to rank again), under the
/// index's revision as the database reports it in the ranking's own statement (<see cref="RankedBest.Revision"/>): a
/// change committed by any instance gives a new revision, so a held ranking is never used after the index changed. The
/// revision is read on its own (<see cref="ISearchEngine.RevisionAsync"/>) only for a query known to fill the engine's
/// best, to find its ranking held (decision 0050); a rarer word is ranked at once. Only a cache: an instance that
/// starts empty ranks anew.</summary>
public sealed class SearchRanks(IMemoryCache cache)
{
    /// <summary>How long a ranking nobody asks for again stays held.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(5);

    /// <summary>How long a query known to fill the engine's best is remembered as such when nobody searches for it.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    // The rankings being made: a second reader of the same word waits for the first one's instead of starting its own
    // (sixteen readers arriving at once would otherwise each make the same pass).
    private readonly Dictionary<Key, Task<IReadOnlyList<SearchMatch>>> _making = [];

    public async Task<IReadOnlyList<SearchMatch>> BestAsync(AppDbContext db, ISearchEngine engine, SearchQuery query, int count, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        var text = Text(query);
        // A query known to fill the engine's best: its ranking may be held under the index's revision as it is now. Any
        // other is ranked at once; its ranking's statement says at which revision, in case it fills.
        string? revision = null;
        if (cache.TryGetValue(new FillingKey(database, text, count), out _))
        {
            revision = await engine.RevisionAsync(db, ct);
            if (revision is not null && cache.TryGetValue(new Key(database, revision, text, count), out IReadOnlyList<SearchMatch>? held) && held is not null)
            {
                return held;
            }
        }
        var key = new Key(database, revision, text, count);
        TaskCompletionSource<IReadOnlyList<SearchMatch>>? mine = null;
        Task<IReadOnlyList<SearchMatch>>? making;
        lock (_making)
        {
            if (!_making.TryGetValue(key, out making))
            {
                mine = new(TaskCreationOptions.RunContinuationsAsynchronously);
                _making[key] = mine.Task;
            }
        }
        if (making is not null)
        {
            return await making.WaitAsync(ct);
        }
        try
        {
            // Not cancelled with this request: others may be waiting for it.
            var ranked = await engine.BestAsync(db, query, count, CancellationToken.None);
            IReadOnlyList<SearchMatch> best = ranked.Matches.AsReadOnly();
            if (best.Count == count)
            {
                cache.Set(new FillingKey(database, text, count), true, new MemoryCacheEntryOptions { SlidingExpiration = Remembered });
                if (ranked.Revision is not null)
                {
                    cache.Set(new Key(database, ranked.Revision, text, count), best, new MemoryCacheEntryOptions { SlidingExpiration = Unused });
                }
            }
            mine!.SetResult(best);
            return best;
        }
        catch (Exception e)
        {
            mine!.SetException(e);
            throw;
        }
        finally
        {
            lock (_making)
            {
                _making.Remove(key);
            }
        }
    }

    /// <summary>The query as the engines read it: its terms in order, each a phrase or a word, whole or as a prefix.</summary>
    private static string Text(SearchQuery query) =>
        string.Join('\u001F', query.Terms.Select(t => string.Join(' ', t.Words) + (t.Phrase ? "\u0001" : "") + (t.Prefix ? "\u0002" : "")));

    /// <summary>A ranking: held under its revision, or being made (a revision read before it, or none for a query not
    /// known to fill the engine's best).</summary>
    private sealed record Key(string Database, string? Revision, string Query, int Count);

    /// <summary>A query known to fill the engine's best <see cref="Count"/>.</summary>
    private sealed record FillingKey(string Database, string Query, int Count);
}
