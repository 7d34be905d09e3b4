using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RcpHub.Data;

namespace RcpHub.Features.Search;

/// <summary>The engine's best matches of a query (<see cref="ISearchEngine.BestAsync"/>), held in this instance's memory
/// while the index has not changed (decision 0043). Ranking a word found in a large part of the library costs the engine
/// a pass over every match (SQLite's bm25 reads each match's length; PostgreSQL's ts_rank_cd each vector), whoever asks:
/// the ranking does not depend on the reader, whose access is asked afterwards of these rows, in SQL, every time. Held
/// only when the engine had at least as many matches as were asked for (a rarer word is cheap to rank again), under the
/// index's revision as the database reports it (<see cref="ISearchEngine.RevisionAsync"/>) read before the ranking: a
/// change committed by any instance gives a new revision, so a held ranking is never used after the index changed. Only a
/// cache: an instance that starts empty ranks anew.</summary>
public sealed class SearchRanks(IMemoryCache cache)
{
    /// <summary>How long a ranking nobody asks for again stays held.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(5);

    // The rankings being made: a second reader of the same word waits for the first one's instead of starting its own
    // (sixteen readers arriving at once would otherwise each make the same pass).
    private readonly Dictionary<Key, Task<IReadOnlyList<SearchMatch>>> _making = [];

    public async Task<IReadOnlyList<SearchMatch>> BestAsync(AppDbContext db, ISearchEngine engine, SearchQuery query, int count, CancellationToken ct)
    {
        var revision = await engine.RevisionAsync(db, ct);
        if (revision is null)
        {
            return await engine.BestAsync(db, query, count, ct);
        }
        var key = new Key(db.Database.GetConnectionString() ?? "", revision, Text(query), count);
        if (cache.TryGetValue(key, out IReadOnlyList<SearchMatch>? held) && held is not null)
        {
            return held;
        }
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
            IReadOnlyList<SearchMatch> best = (await engine.BestAsync(db, query, count, CancellationToken.None)).AsReadOnly();
            if (best.Count == count)
            {
                cache.Set(key, best, new MemoryCacheEntryOptions { SlidingExpiration = Unused });
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

    private sealed record Key(string Database, string Revision, string Query, int Count);
}
