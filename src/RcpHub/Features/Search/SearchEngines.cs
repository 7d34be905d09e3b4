using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Search;

/// <summary>What a reader typed, as the engines take it: every term must match; a term is one word (matched as the start of
/// a word: "migra" finds "migration", as before the engines) or a "quoted phrase" (those words, in that order, each whole
/// except a last one written with a star). Only letters, digits and marks reach an engine, so that nothing typed is read
/// as the engine's own syntax.</summary>
public sealed record SearchQuery(IReadOnlyList<SearchQuery.Term> Terms)
{
    public sealed record Term(IReadOnlyList<string> Words, bool Phrase, bool Prefix);

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string text)
    {
        var terms = new List<Term>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            // Even parts are outside quotes (an unclosed quote makes the rest a phrase, as people mean it).
            if (i % 2 == 1)
            {
                var words = SearchFolding.Words(SearchFolding.WithoutMarks(parts[i]).ToLowerInvariant());
                if (words.Count > 0)
                {
                    terms.Add(new Term(words, Phrase: words.Count > 1, Prefix: parts[i].TrimEnd().EndsWith('*') || words.Count == 1));
                }
                continue;
            }
            foreach (var word in parts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                // "co-operation" is two words that follow each other: a phrase.
                var words = SearchFolding.Words(SearchFolding.WithoutMarks(word).ToLowerInvariant());
                if (words.Count > 0)
                {
                    terms.Add(new Term(words, Phrase: words.Count > 1, Prefix: true));
                }
            }
        }
        return new SearchQuery([.. terms.DistinctBy(t => string.Join(' ', t.Words) + t.Prefix).Take(SiteSearch.MaxWords)]);
    }
}

/// <summary>The database's own full-text engine (decision 0031): which index entries match a query and how well, and the
/// passages of a few of them with the matched words marked. One class per provider, both behind this interface; the
/// reader's access is applied by the caller, in the same SQL, on what <see cref="Matches"/> returns.</summary>
public interface ISearchEngine
{
    /// <summary>The entries matching <paramref name="query"/>, with their rank (higher is better); composable.</summary>
    IQueryable<SearchMatch> Matches(AppDbContext db, SearchQuery query);

    /// <summary>The <paramref name="count"/> best entries matching <paramref name="query"/> (rank, higher first; then by
    /// entry), by the engine alone: no other table is read, so that the reader's access is asked of these only (decision 0043);
    /// with the index's revision (<see cref="RevisionAsync"/>) read in the same statement, so that it is the revision these
    /// were ranked at (decision 0050).</summary>
    Task<RankedBest> BestAsync(AppDbContext db, SearchQuery query, int count, CancellationToken ct);

    /// <summary>A value that differs after any committed change to the index (null when the engine cannot tell): what a
    /// ranking held in memory (<see cref="SearchRanks"/>) is keyed by.</summary>
    Task<string?> RevisionAsync(AppDbContext db, CancellationToken ct);

    /// <summary>For each of <paramref name="entries"/> whose text matches, a passage of it with the matched words between
    /// <see cref="SearchPassage.Open"/> and <see cref="SearchPassage.Close"/>.</summary>
    Task<Dictionary<int, string>> PassagesAsync(AppDbContext db, SearchQuery query, IReadOnlyCollection<PassageSource> entries, CancellationToken ct);

    public static ISearchEngine For(AppDbContext db) => db.Database.IsSqlite() ? SqliteSearchEngine.Instance : PostgresSearchEngine.Instance;
}

/// <summary>The engine's best matches and the index's revision they were ranked at (null when the engine cannot tell, or
/// nothing matched).</summary>
public sealed record RankedBest(List<SearchMatch> Matches, string? Revision)
{
    /// <summary>The rows in the engine's order (rank, higher first; then by entry), whatever order they arrived in.</summary>
    internal static RankedBest Of(List<RankedRow> rows) =>
        new([.. rows.OrderByDescending(r => r.Rank).ThenBy(r => r.EntryId).Select(r => new SearchMatch { EntryId = r.EntryId, Rank = r.Rank })],
            rows.Count == 0 ? null : rows[0].Revision);
}

/// <summary>A row of <see cref="ISearchEngine.BestAsync"/>'s statement: the revision is the same on every row.</summary>
internal sealed class RankedRow
{
    public int EntryId { get; init; }
    public double Rank { get; init; }
    public string? Revision { get; init; }
}

/// <summary>SQLite FTS5: an external-content table (SearchIndex) over SearchEntries' Title and Body, kept by triggers,
/// tokenised by unicode61 with diacritics removed; ranked by bm25 with the title weighing more; passages by snippet().</summary>
public sealed class SqliteSearchEngine : ISearchEngine
{
    public static readonly SqliteSearchEngine Instance = new();

    public IQueryable<SearchMatch> Matches(AppDbContext db, SearchQuery query)
    {
        var expression = Expression(query);
        return db.Set<SearchMatch>().FromSql($"SELECT rowid AS EntryId, -bm25(SearchIndex, 8.0, 1.0) AS Rank FROM SearchIndex WHERE SearchIndex MATCH {expression}");
    }

    public async Task<RankedBest> BestAsync(AppDbContext db, SearchQuery query, int count, CancellationToken ct)
    {
        var expression = Expression(query);
        // One statement reads one state of the database: the revision is that of the ranking.
        var rows = await db.Database.SqlQuery<RankedRow>(
            $"SELECT rowid AS EntryId, -bm25(SearchIndex, 8.0, 1.0) AS Rank, (SELECT hex(block) FROM SearchIndex_data WHERE id = 10) AS Revision FROM SearchIndex WHERE SearchIndex MATCH {expression} ORDER BY Rank DESC, rowid LIMIT {count}")
            .ToListAsync(ct);
        return RankedBest.Of(rows);
    }

    /// <summary>FTS5's structure record (row 10 of SearchIndex_data), in hexadecimal: every write to the index commits a new
    /// one (its segments and write counter), whichever connection or instance made it.</summary>
    public async Task<string?> RevisionAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<string>($"SELECT hex(block) AS Value FROM SearchIndex_data WHERE id = 10").FirstOrDefaultAsync(ct);

    /// <summary>snippet() of the entries' text, for the query as typed (the passages of entries whose words are found in
    /// the start of their text are cut by <see cref="SearchPassage.Cut"/>, decision 0046).</summary>
    public async Task<Dictionary<int, string>> PassagesAsync(AppDbContext db, SearchQuery query, IReadOnlyCollection<PassageSource> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return [];
        }
        var ids = System.Text.Json.JsonSerializer.Serialize(entries.Select(e => e.Id));
        var rows = await db.Database.SqlQuery<SearchPassageRow>(
            $"SELECT rowid AS EntryId, snippet(SearchIndex, 1, {SearchPassage.Open.ToString()}, {SearchPassage.Close.ToString()}, '…', {SearchPassage.Words}) AS Passage FROM SearchIndex WHERE SearchIndex MATCH {Expression(query)} AND rowid IN (SELECT value FROM json_each({ids}))")
            .ToListAsync(ct);
        return rows.Where(r => r.Passage is not null).ToDictionary(r => r.EntryId, r => r.Passage!);
    }

    /// <summary>"word"* for a word, "some words" for a phrase: each quoted, so that FTS5 reads them as tokens only.</summary>
    private static string Expression(SearchQuery query) =>
        string.Join(' ', query.Terms.Select(t => "\"" + string.Join(' ', t.Words) + "\"" + (t.Prefix ? "*" : "")));
}

/// <summary>PostgreSQL full-text search: a stored tsvector generated from Title and Body with a GIN index, twice: as written
/// (weights A and B) in the 'rcphub_search' configuration ('simple' with unaccent where the extension exists), and stemmed
/// (weights C and D) in the configuration of the entry's language (rcphub_en, rcphub_fr, rcphub_es, rcphub_ru, rcphub_ar:
/// the snowball stemmers with unaccent, English where the language is not known; see the migrations LibrarySearch and
/// LibraryFacets, decision 0036); lowered through the rcphub_fold collation; ranked by ts_rank_cd; passages by ts_headline.
/// A term matches a word by its start among the written words, or by its stem in any of the five languages among the
/// stemmed ones ("migrants" finds "migrant", "migraciones" "migración"). The query is built as to_tsquery text (prefix :*,
/// phrase &lt;-&gt;, weights), which websearch_to_tsquery cannot express.</summary>
public sealed class PostgresSearchEngine : ISearchEngine
{
    public static readonly PostgresSearchEngine Instance = new();

    /// <summary>The stemming configuration of each interface language (made by the migration LibraryFacets).</summary>
    public static readonly IReadOnlyDictionary<string, string> Stemmed = new Dictionary<string, string>
    {
        ["en"] = "rcphub_en", ["fr"] = "rcphub_fr", ["es"] = "rcphub_es", ["ru"] = "rcphub_ru", ["ar"] = "rcphub_ar",
    };

    public IQueryable<SearchMatch> Matches(AppDbContext db, SearchQuery query) =>
        db.Set<SearchMatch>().FromSql(Sql(query, "SELECT e.\"Id\" AS \"EntryId\", ts_rank_cd(e.\"Vector\", q)::double precision AS \"Rank\" FROM \"SearchEntries\" AS e, {{query}} WHERE e.\"Vector\" @@ q"));

    /// <summary>The engine's best, and the snapshot the statement read them at (<see cref="RevisionAsync"/>).</summary>
    public async Task<RankedBest> BestAsync(AppDbContext db, SearchQuery query, int count, CancellationToken ct) =>
        RankedBest.Of(await db.Database.SqlQuery<RankedRow>(Sql(query,
            "SELECT best.\"EntryId\", best.\"Rank\", pg_current_snapshot()::text AS \"Revision\" FROM (SELECT e.\"Id\" AS \"EntryId\", ts_rank_cd(e.\"Vector\", q)::double precision AS \"Rank\" FROM \"SearchEntries\" AS e, {{query}} WHERE e.\"Vector\" @@ q ORDER BY 2 DESC, 1 LIMIT {{count}}) AS best",
            ("count", count))).ToListAsync(ct));

    /// <summary>The snapshot the database reads at (its oldest and next transaction and those in progress): two reads at the
    /// same snapshot see the same committed rows, and any change committed meanwhile, to any table, moves it. Within one
    /// statement it is the statement's own snapshot.</summary>
    public async Task<string?> RevisionAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<string>($"SELECT pg_current_snapshot()::text AS \"Value\"").FirstOrDefaultAsync(ct);

    public async Task<Dictionary<int, string>> PassagesAsync(AppDbContext db, SearchQuery query, IReadOnlyCollection<PassageSource> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return [];
        }
        var entryIds = entries.Select(e => e.Id).ToArray();
        // In a database whose locale lowers ASCII only, ts_headline misses capitalised Cyrillic or Greek words: their
        // passage is then cut from the lowered text (the index itself is lowered by rcphub_fold, see the migration). A
        // word found by its stem only is marked by a headline in the entry's own language.
        var options = "StartSel=" + SearchPassage.Open + ", StopSel=" + SearchPassage.Close + ", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
        var stemmed = "CASE e.\"Language\" " + string.Concat(Stemmed.Where(c => c.Key != "en").Select(c => $"WHEN '{c.Key}' THEN '{c.Value}'::regconfig ")) + "ELSE 'rcphub_en'::regconfig END";
        var sql = Sql(query, "SELECT e.\"Id\" AS \"EntryId\", CASE WHEN strpos(h.p, {{open}}) > 0 THEN h.p ELSE (SELECT CASE WHEN strpos(l, {{open}}) > 0 THEN l ELSE ts_headline(" + stemmed + ", e.\"Body\", q, {{options}}) END FROM ts_headline('rcphub_search', lower(e.\"Body\" COLLATE rcphub_fold), q, {{options}}) AS l) END AS \"Passage\" FROM \"SearchEntries\" AS e, {{query}}, LATERAL (SELECT ts_headline('rcphub_search', e.\"Body\", q, {{options}}) AS p) AS h WHERE e.\"Id\" = ANY({{ids}}) AND e.\"Body\" IS NOT NULL",
            ("open", SearchPassage.Open.ToString()), ("options", options), ("ids", entryIds));
        var rows = await db.Database.SqlQuery<SearchPassageRow>(sql).ToListAsync(ct);
        return rows.Where(r => r.Passage is not null).ToDictionary(r => r.EntryId, r => r.Passage!);
    }

    /// <summary><paramref name="template"/> with {query} replaced by the query as a one-row table of q (see <see cref="Terms"/>) and {name} by the
    /// parameter of that name: every text reaches PostgreSQL as a parameter.</summary>
    private static FormattableString Sql(SearchQuery query, string template, params (string Name, object Value)[] values)
    {
        var arguments = new List<object>();
        string Parameter(object value)
        {
            arguments.Add(value);
            return "{" + (arguments.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }
        var terms = Terms(query).Select(t =>
            "(to_tsquery('rcphub_search', " + Parameter(t.Written) + ")" + string.Concat(Stemmed.Values.Select(c => $" || to_tsquery('{c}', {Parameter(t.Stemmed)})")) + ")");
        // A row of one column q: an expression is not a table, as to_tsquery(...) alone was. OFFSET 0 keeps it a row made
        // once: a prepared statement's generic plan otherwise folds q into the scan and parses the query's text again for
        // every match, twice (the match and its rank): 4.5 ms instead of 1.4 for a word of 110 matches (decision 0048).
        var text = template.Replace("{{query}}", "(SELECT " + string.Join(" && ", terms) + " AS q OFFSET 0) AS search_query", StringComparison.Ordinal);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{{" + name + "}}", Parameter(value), StringComparison.Ordinal);
        }
        return System.Runtime.CompilerServices.FormattableStringFactory.Create(text, [.. arguments]);
    }

    /// <summary>Each term as to_tsquery text twice: 'word':*AB among the written words ('some' &lt;-&gt; 'words' for a
    /// phrase), and 'word':CD among the stemmed ones (each configuration stems it its own way; a stop word drops out).
    /// Words hold letters, digits and marks only (<see cref="SearchFolding.Words"/>), so quoting them is enough.</summary>
    private static IEnumerable<(string Written, string Stemmed)> Terms(SearchQuery query) =>
        query.Terms.Select(term => (
            string.Join(" <-> ", term.Words.Select((w, i) => $"'{w}':" + (term.Prefix && i == term.Words.Count - 1 ? "*AB" : "AB"))),
            string.Join(" <-> ", term.Words.Select(w => $"'{w}':CD"))));
}
