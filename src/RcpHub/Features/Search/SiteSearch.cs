using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Search;

public sealed record ProcessHit(string Slug, string Acronym, string Name);

/// <summary>One result. <see cref="Passage"/> is HTML: the text encoded, the matched words in &lt;mark&gt;.
/// <see cref="SummaryOnly"/>: a meeting the reader sees by its published summary only.</summary>
public sealed record SearchHit([property: JsonConverter(typeof(JsonStringEnumConverter<SearchKind>))] SearchKind Kind, string Key, string Path, string Title, string? Context, int? Year, string? Language,
    MeetingAudience? MeetingAccess, DocumentAccess? DocumentAccess, bool SummaryOnly, string? Passage);

/// <summary>A value of a facet and how many of the results the reader may see have it.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>The facets: kinds, processes, years, regions, meeting levels (value: the level's name), languages (ISO 639-1),
/// themes (value: the theme's id) and GCM objectives (value: its number).</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Processes, IReadOnlyList<FacetCount> Years,
    IReadOnlyList<FacetCount> Regions, IReadOnlyList<FacetCount> Levels, IReadOnlyList<FacetCount> Languages, IReadOnlyList<FacetCount> Themes,
    IReadOnlyList<FacetCount> Objectives);

/// <summary>The values a search is narrowed to (null: any) besides its process.</summary>
public sealed record SearchFilters(SearchKind? Kind = null, int? Year = null, string? Region = null, MeetingLevel? Level = null, string? Language = null,
    int? Theme = null, int? Objective = null);

/// <summary>A page of results, best first, and the facets of all of them.</summary>
public sealed record SearchResults(string Query, ProcessHit? InProcess, SearchKind? Kind, int? Year, int Page, int Total,
    IReadOnlyList<SearchHit> Items, SearchFacets Facets)
{
    public bool HasNext => More ? Items.Count == SiteSearch.Limit : (Page * SiteSearch.Limit) < Total;

    /// <summary>True when there are more results than <see cref="Total"/>, which is then <see cref="SiteSearch.CountCap"/>.</summary>
    public bool More { get; init; }

    /// <summary>When the search matched more than <see cref="SiteSearch.CountCap"/> things: the facets count the best this
    /// many of them (by rank). Null when they count every result.</summary>
    public int? FacetsOfBest { get; init; }

    /// <summary>Every filter the results are narrowed to (<see cref="Kind"/> and <see cref="Year"/> among them).</summary>
    public SearchFilters Filters { get; init; } = new(Kind, Year);
}

/// <summary>The library's search: the index of everything searchable (<see cref="SearchEntry"/>, kept by Data/SearchIndex)
/// matched and ranked by the database's own engine (<see cref="ISearchEngine"/>, decision 0031), of what the reader may
/// see. Access is the existing rules, applied in the same SQL as the match: meetings through <see cref="MeetingAccess"/>
/// (listed by title and summary when only the summary is published), what a meeting holds only for those who see it in
/// full, documents also by their level (<see cref="DocumentAccessRule"/>), outputs and their recommendations by <see cref="OutputAccess"/>. The
/// total and the facets count the best <see cref="CountCap"/> of those matches (decision 0040): the process searched
/// within, the best matches, their tags, their processes (and the meetings convened with the process searched within),
/// the page's rows and their passages; past the cap, a capped count and the page in queries of their own.</summary>
public static class SiteSearch
{
    public const int MinLength = 2;
    public const int MaxLength = 200;
    public const int Limit = 20;

    /// <summary>How many of the best matches the total and the facets count at most (decision 0040): past it the page says
    /// "more than" this many, and the facets count the best this many.</summary>
    public const int CountCap = 1000;

    /// <summary>Terms beyond these are ignored: each one is more work for every match.</summary>
    public const int MaxWords = 10;

    /// <summary>What is wrong with the words searched for, or null when they may be searched.</summary>
    public static string? Problem(string? q, IStringLocalizer<SearchText> t)
    {
        var trimmed = q?.Trim() ?? "";
        if (trimmed.Length > MaxLength)
        {
            return t.Plural(MaxLength, "Search for at most {0} character.", "Search for at most {0} characters.").Value;
        }
        return SearchFolding.Fold(trimmed).Length < MinLength ? t.Plural(MinLength, "Enter at least {0} letter or digit to search for.", "Enter at least {0} letters or digits to search for.").Value : null;
    }

    /// <summary>The kind named in a request (its name, any case), null when none is; false when it names none.</summary>
    public static bool TryKind(string? value, out SearchKind? kind) => TryName(value, out kind);

    /// <summary>The level named in a request (its name, any case), null when none is; false when it names none.</summary>
    public static bool TryLevel(string? value, out MeetingLevel? level) => TryName(value, out level);

    private static bool TryName<T>(string? value, out T? named) where T : struct, Enum
    {
        named = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            named = parsed;
            return true;
        }
        return false;
    }

    /// <summary>The results for <paramref name="q"/>, of one kind and year if given (as the overload that takes
    /// <see cref="SearchFilters"/>).</summary>
    public static Task<SearchResults?> RunAsync(AppDbContext db, SearchRanks ranks, MeetingReader reader, string q, string? processSlug, SearchKind? kind, int? year,
        int page, CancellationToken ct, AddedBetween? added = null) => RunAsync(db, ranks, reader, q, processSlug, new SearchFilters(kind, year), page, ct, added);

    /// <summary>The results for <paramref name="q"/> (checked with <see cref="Problem"/>), within one process if
    /// <paramref name="processSlug"/> is given, narrowed to the values of <paramref name="filters"/>, and only those entered
    /// in the index between two of its entries if <paramref name="added"/> is given (a saved search's new results); null
    /// when there is no such process.</summary>
    public static async Task<SearchResults?> RunAsync(AppDbContext db, SearchRanks ranks, MeetingReader reader, string q, string? processSlug, SearchFilters filters,
        int page, CancellationToken ct, AddedBetween? added = null)
    {
        filters = filters with { Region = Blank(filters.Region), Language = Blank(filters.Language)?.ToLowerInvariant() };
        var (kind, year) = (filters.Kind, filters.Year);
        var slug = string.IsNullOrWhiteSpace(processSlug) ? null : processSlug.Trim().ToLowerInvariant();
        var within = slug is null ? null : await db.Processes.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, Hit = new ProcessHit(p.Slug, p.Acronym, p.Name) }).SingleOrDefaultAsync(ct);
        if (slug is not null && within is null)
        {
            return null;
        }
        page = Math.Max(1, page);
        var query = SearchQuery.Parse(q);
        var none = new SearchResults(q.Trim(), within?.Hit, kind, year, page, 0, [], new SearchFacets([], [], [], [], [], [], [], [])) { Filters = filters };
        if (query.IsEmpty)
        {
            return none;
        }

        var engine = ISearchEngine.For(db);
        var facts = LibraryReader.Of(reader);
        var matched = from m in engine.Matches(db, query)
                      join e in Visible(db, facts, added) on m.EntryId equals e.Id
                      select new Match { Entry = e, Rank = m.Rank };
        var processId = within?.Id;

        // The best matches the reader may see, at most CountCap of them (all of a saved search's new ones): the engine's
        // ranking first, then the access rule asked of its best (decision 0043); the total and every facet are counted from
        // these rows (decision 0040). Each facet counts them as the other filters leave them, so that choosing a value shows what
        // the others hold.
        var best = added is null
            ? await BestAsync(db, ranks, engine, query, facts, matched, ct)
            : await matched.OrderByDescending(x => x.Rank).ThenBy(x => x.Entry.Id).Select(x => x.Entry).Select(AsCandidate).ToListAsync(ct);
        var capped = added is null && best.Count > CountCap;
        if (capped)
        {
            best.RemoveAt(CountCap);
        }
        // Up to a thousand keys: one array parameter (json_each, = ANY) rather than a thousand, and one SQL text for any number.
        var ids = best.Select(c => c.Id).ToList();
        var tags = (ids.Count == 0 ? [] : await db.SearchTags.Where(t => EF.Parameter(ids).Contains(t.EntryId))
            .Select(t => new TagRow(t.EntryId, t.Kind, t.Value, t.Kind == SearchTagKind.Theme ? db.Themes.Where(x => x.Id == t.Value).Select(x => x.Name).FirstOrDefault() : null))
            .ToListAsync(ct)).ToLookup(t => t.EntryId);
        // A meeting convened with other processes is theirs too.
        var elsewhere = processId is { } scope ? best.Where(c => c.MeetingId is not null && c.ProcessId != scope).Select(c => c.MeetingId!.Value).Distinct().ToList() : [];
        var convened = elsewhere.Count == 0 ? [] : (await db.MeetingProcesses.Where(p => p.ProcessId == processId && elsewhere.Contains(p.MeetingId))
            .Select(p => p.MeetingId).ToListAsync(ct)).ToHashSet();
        bool HasTag(Candidate c, SearchTagKind kind, int value) => tags[c.Id].Any(t => t.Kind == kind && t.Value == value);
        IEnumerable<Candidate> Passing(SearchFilters f, bool byProcess) => best.Where(c => f.Admits(c)
            && (!byProcess || processId is null || c.ProcessId == processId || (c.MeetingId is { } meeting && convened.Contains(meeting)))
            && (f.Theme is not { } theme || HasTag(c, SearchTagKind.Theme, theme))
            && (f.Objective is not { } objective || HasTag(c, SearchTagKind.Objective, objective)));
        List<(T Key, int Count)> Sums<T>(Func<Candidate, T?> key, SearchFilters others) => [.. Passing(others, true)
            .Where(c => key(c) is not null).GroupBy(c => key(c)!).Select(g => (g.Key, g.Count()))];
        var kinds = Sums(c => (SearchKind?)c.Kind, filters with { Kind = null });
        var years = Sums(c => c.Year, filters with { Year = null });
        var regions = Sums(c => c.Region, filters with { Region = null });
        var levels = Sums(c => c.Level, filters with { Level = null });
        var languages = Sums(c => c.Language, filters with { Language = null });
        var byProcess = Passing(filters, false).Where(c => c.ProcessId is not null).GroupBy(c => c.ProcessId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var processIds = byProcess.Keys.ToList();
        var processes = processIds.Count == 0 ? [] : (await db.Processes.Where(p => processIds.Contains(p.Id)).Select(p => new { p.Id, p.Slug, p.Acronym }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Acronym, Count: byProcess[p.Id])).OrderByDescending(p => p.Count).ThenBy(p => p.Acronym, StringComparer.Ordinal).Take(30).ToList();
        // A theme counts the results with the objective chosen (if any), and an objective those with the theme chosen.
        var tagCounts = Passing(filters with { Theme = null, Objective = null }, true)
            .SelectMany(c => tags[c.Id].Where(t => t.Kind == SearchTagKind.Theme
                ? filters.Objective is not { } o || HasTag(c, SearchTagKind.Objective, o)
                : filters.Theme is not { } th || HasTag(c, SearchTagKind.Theme, th)))
            .GroupBy(t => (t.Kind, t.Value)).Select(g => (g.Key.Kind, g.Key.Value, Count: g.Count(), g.First().Theme)).ToList();

        // The results themselves: from the best rows when they hold the page; past the cap, a filtered query of its own
        // (the count of those stops at the cap too).
        var chosen = Passing(filters, true).ToList();
        var total = chosen.Count;
        var more = false;
        List<int> pageIds;
        if (!capped || (filters == new SearchFilters() && processId is null && page * Limit <= CountCap))
        {
            pageIds = [.. chosen.Skip((page - 1) * Limit).Take(Limit).Select(c => c.Id)];
            more = capped;
        }
        else
        {
            var filtered = matched.Where(Single(filters));
            if (processId is { } id)
            {
                filtered = filtered.Where(x => x.Entry.ProcessId == id || db.MeetingProcesses.Any(p => p.MeetingId == x.Entry.MeetingId && p.ProcessId == id));
            }
            if (filters.Theme is { } theme)
            {
                filtered = filtered.Where(x => x.Entry.Tags.Any(t => t.Kind == SearchTagKind.Theme && t.Value == theme));
            }
            if (filters.Objective is { } objective)
            {
                filtered = filtered.Where(x => x.Entry.Tags.Any(t => t.Kind == SearchTagKind.Objective && t.Value == objective));
            }
            var counted = await filtered.Select(x => x.Entry.Id).Take(CountCap + 1).CountAsync(ct);
            more = counted > CountCap;
            total = Math.Min(CountCap, counted);
            pageIds = await filtered.OrderByDescending(x => x.Rank).ThenBy(x => x.Entry.Id).Skip((page - 1) * Limit).Take(Limit).Select(x => x.Entry.Id).ToListAsync(ct);
        }
        var rows = new List<PageRow>(pageIds.Count);
        if (pageIds.Count > 0)
        {
            await foreach (var row in PageRowsQuery[facts.All ? 1 : 0].For(db)(db, pageIds, facts.Full.Members, facts.Full.MembersAndObservers, facts.Full.Organisers,
                facts.Full.States, facts.Full.Organizations, facts.Full.UserId).WithCancellation(ct))
            {
                rows.Add(row);
            }
            rows = [.. rows.OrderBy(r => pageIds.IndexOf(r.Id))];
        }
        // Cut here from the text read; the engine is asked only for the entries whose words are not found in it.
        var sources = rows.Select(r => new PassageSource(r.Id, r.Title, r.Body)).ToList();
        var passages = SearchPassage.Cut(query, sources);
        foreach (var (id, passage) in await engine.PassagesAsync(db, query, [.. sources.Where(e => !passages.ContainsKey(e.Id))], ct))
        {
            passages[id] = passage;
        }
        var items = rows.Select(r => new SearchHit(r.Kind, r.Key, r.Path, r.Title, r.Context, r.Year, r.Language, r.Audience, r.Access, r.SummaryOnly,
            SearchPassage.Html(passages.GetValueOrDefault(r.Id)))).ToList();
        var language = Cultures.Current;
        var facets = new SearchFacets(
            [.. kinds.OrderBy(k => k.Key).Select(k => new FacetCount(k.Key.ToString()!, k.Key.ToString()!, k.Count))],
            [.. processes.Select(p => new FacetCount(p.Slug, p.Acronym, p.Count))],
            [.. years.OrderByDescending(y => y.Key).Select(y => new FacetCount(Invariant(y.Key), Invariant(y.Key), y.Count))],
            [.. regions.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new FacetCount(r.Key, r.Key, r.Count))],
            [.. levels.OrderBy(l => l.Key).Select(l => new FacetCount(l.Key.ToString()!, l.Key.ToString()!, l.Count))],
            [.. languages.OrderByDescending(l => l.Count).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => new FacetCount(l.Key, Organizations.OrganizationRegistry.LanguageName(l.Key), l.Count))],
            [.. tagCounts.Where(t => t.Kind == SearchTagKind.Theme && t.Theme is not null).OrderByDescending(t => t.Count).ThenBy(t => t.Theme, StringComparer.Ordinal)
                .Take(30).Select(t => new FacetCount(Invariant(t.Value), t.Theme!, t.Count))],
            [.. tagCounts.Where(t => t.Kind == SearchTagKind.Objective).OrderBy(t => t.Value)
                .Select(t => new FacetCount(Invariant(t.Value), GlobalFrameworks.ObjectiveName(t.Value, language).Text, t.Count))]);
        return none with { Total = total, Items = items, Facets = facets, More = more, FacetsOfBest = capped ? CountCap : null };
    }

    /// <summary>How many of the engine's best matches are asked the reader's access at most before every match is (decision
    /// 0043): the first try asks four times <see cref="CountCap"/>, the next eight times that.</summary>
    public const int MostConsidered = CountCap * 32;

    /// <summary>The first slice of the engine's best asked the reader's access: a quarter more than <see cref="CountCap"/>,
    /// so that a reader who may see four in five of them is asked once (decision 0051). Each entry asked costs the access
    /// rule's lookups, so asking twice <see cref="CountCap"/> first, as 0043 did, cost most readers of a common word a
    /// thousand entries whose answer was not used.</summary>
    public const int FirstSlice = CountCap + (CountCap / 4);

    /// <summary>The next slice, when <paramref name="seen"/> of the <paramref name="asked"/> best were the reader's: as many
    /// as the share seen says are still needed, and a quarter more; at least an eighth of <see cref="CountCap"/> (decision 0051).</summary>
    public static int NextSlice(int seen, int asked)
    {
        var needed = (long)(CountCap + 1 - seen) * asked * 5 / (4L * Math.Max(seen, 1));
        return (int)Math.Clamp(needed, CountCap / 8, MostConsidered);
    }

    /// <summary>The best <see cref="CountCap"/> + 1 matches the reader may see, best first (decision 0043): the engine ranks
    /// its matches alone and the reader's access rule is asked of its best few thousand only; when the reader may see too
    /// few of them and the engine has more, of more, and past <see cref="MostConsidered"/> of every match (<paramref name="matched"/>).</summary>
    private static async Task<List<Candidate>> BestAsync(AppDbContext db, SearchRanks ranks, ISearchEngine engine, SearchQuery query, LibraryReader reader,
        IQueryable<Match> matched, CancellationToken ct)
    {
        for (var considered = CountCap * 4; considered <= MostConsidered; considered *= 8)
        {
            var top = await ranks.BestAsync(db, engine, query, considered, ct);
            var position = new Dictionary<int, int>(top.Count);
            foreach (var match in top)
            {
                position.TryAdd(match.EntryId, position.Count);
            }
            // Asked best first, a slice at a time, until more than CountCap are seen (decision 0051).
            var seen = new List<Candidate>();
            for (int from = 0, slice = FirstSlice; from < top.Count && seen.Count <= CountCap; from += slice, slice = NextSlice(seen.Count, from))
            {
                var ids = top.Skip(from).Take(slice).Select(m => m.EntryId).ToList();
                await foreach (var candidate in SeenOf(db, ids, reader).WithCancellation(ct))
                {
                    seen.Add(candidate);
                }
            }
            if (seen.Count > CountCap || top.Count < considered)
            {
                return [.. seen.OrderBy(c => position[c.Id]).Take(CountCap + 1)];
            }
        }
        // A reader who may see few of a word's very many matches: every match is asked, in one pass, as before 0043.
        return await matched.OrderByDescending(x => x.Rank).ThenBy(x => x.Entry.Id).Take(CountCap + 1).Select(x => x.Entry).Select(AsCandidate).ToListAsync(ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<SearchEntry, Candidate>> AsCandidate =
        e => new Candidate(e.Id, e.Kind, e.Year, e.Region, e.Level, e.Language, e.ProcessId, e.MeetingId);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The single-valued filters as SQL.</summary>
    private static System.Linq.Expressions.Expression<Func<Match, bool>> Single(SearchFilters f) =>
        x => (f.Kind == null || x.Entry.Kind == f.Kind) && (f.Year == null || x.Entry.Year == f.Year) && (f.Region == null || x.Entry.Region == f.Region)
            && (f.Level == null || x.Entry.Level == f.Level) && (f.Language == null || x.Entry.Language == f.Language);

    /// <summary>A result of the page as read: <see cref="Body"/> the start of its text, <see cref="SummaryOnly"/> a meeting the
    /// reader sees by its published summary only.</summary>
    private sealed record PageRow(int Id, SearchKind Kind, string Key, string Path, string Title, string? Context, int? Year, string? Language, string? Body,
        MeetingAudience? Audience, DocumentAccess? Access, bool SummaryOnly);

    /// <summary>The page's results (<paramref name="ids"/>), with what the page shows of each; compiled, as the access
    /// question (<see cref="SeenOfQuery"/>). The reader's facts are the meeting rule's, one parameter each.</summary>
    private static readonly CompiledQuery<Func<AppDbContext, List<int>, List<int>, List<int>, List<int>, List<string>, List<int>, string,
        IAsyncEnumerable<PageRow>>>[] PageRowsQuery = [PageRowsFor(all: false), PageRowsFor(all: true)];

    private static CompiledQuery<Func<AppDbContext, List<int>, List<int>, List<int>, List<int>, List<string>, List<int>, string, IAsyncEnumerable<PageRow>>> PageRowsFor(bool all) =>
        new(() => EF.CompileAsyncQuery(RuleExpressions.Expand<Func<AppDbContext, List<int>, List<int>, List<int>, List<int>, List<string>, List<int>, string,
            IQueryable<PageRow>>>((db, ids, members, membersAndObservers, organisers, states, organizations, userId) =>
            db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new PageRow(
                e.Id, e.Kind, e.Key, e.Path, e.Title, e.Context, e.Year, e.Language,
                // The start of the text only: the words a passage is asked with are read from it (a document's text may run
                // to SearchIndex.MaxBody characters).
                e.Body != null && e.Body.Length > PassageSource.MostRead ? e.Body.Substring(0, PassageSource.MostRead) : e.Body,
                db.Meetings.Where(m => m.Id == e.MeetingId).Select(m => (MeetingAudience?)m.Audience).FirstOrDefault(),
                db.Documents.Where(d => d.Id == e.DocumentId).Select(d => (DocumentAccess?)d.Access).FirstOrDefault(),
                e.Kind == SearchKind.Meeting && !db.Meetings.Any(m => m.Id == e.MeetingId && (all || MeetingAccess.Rule.Holds(m,
                    new MeetingAccess.Facts(members, membersAndObservers, organisers, states, organizations, userId, false, true)))))))));

    /// <summary>A theme (with its name) or GCM objective of one of the best matches.</summary>
    private sealed record TagRow(int EntryId, SearchTagKind Kind, int Value, string? Theme);

    /// <summary>One of the best matches: what its facets and the process filter read.</summary>
    private sealed record Candidate(int Id, SearchKind Kind, int? Year, string? Region, MeetingLevel? Level, string? Language, int? ProcessId, int? MeetingId);

    /// <summary>Whether a match passes the single-valued filters (as <see cref="Single"/> does in SQL).</summary>
    private static bool Admits(this SearchFilters f, Candidate c) =>
        (f.Kind == null || c.Kind == f.Kind) && (f.Year == null || c.Year == f.Year) && (f.Region == null || c.Region == f.Region)
        && (f.Level == null || c.Level == f.Level) && (f.Language == null || c.Language == f.Language);

    /// <summary>Index entries after <see cref="After"/> up to <see cref="UpTo"/> (their ids only grow: an entry is rewritten
    /// in place when what it describes changes, decision 0031).</summary>
    public sealed record AddedBetween(int After, int UpTo);

    /// <summary>An entry and its rank: a class with settable members, which EF Core can keep composing on (it cannot see
    /// through a constructor).</summary>
    private sealed class Match
    {
        public required SearchEntry Entry { get; init; }
        public double Rank { get; init; }
    }

    /// <summary>What the library's access rules need to know of a reader: each rule's facts, and whether they see everything (a
    /// platform administrator).</summary>
    private sealed record LibraryReader(bool All, MeetingAccess.Facts Full, MeetingAccess.Facts Listed, DocumentAccessRule.Facts Documents,
        OutputAccess.Facts Outputs, PracticeAccess.Facts Practices, DataRequestAccess.Facts Compilations)
    {
        public static LibraryReader Of(MeetingReader reader) => new(reader.IsPlatformAdministrator,
            MeetingAccess.FactsOf(reader, includeSummaries: false), MeetingAccess.FactsOf(reader, includeSummaries: true), DocumentAccessRule.FactsOf(reader),
            OutputAccess.FactsOf(reader), PracticeAccess.FactsOf(reader), DataRequestAccess.FactsOf(reader));
    }

    /// <summary>Whether a reader may see an entry, by the rule of what it describes. The public registry (processes, states,
    /// organisations) is everyone's; a kind not named here is no one's. Each rule is asked of the entry's own meeting,
    /// document or output (EXISTS by key), not as the list of everything the reader may see (IN): that list was built for
    /// every query, its cost growing with the library rather than with the matches (decision 0040). What a meeting holds, its
    /// documents among them, is asked the meeting's rule once, by the entry's meeting (a document's never changes); a
    /// document also its own level.</summary>
    /// <remarks><paramref name="all"/> is a constant in every query that asks it, never a parameter: EF Core then drops it
    /// from the SQL, and the database plans a reader's question as it did before (as a parameter, PostgreSQL planned the
    /// common words' question once for both values, and slower).</remarks>
    private static readonly Expression<Func<AppDbContext, SearchEntry, bool, LibraryReader, bool>> SeenBy =
        RuleExpressions.Expand<Func<AppDbContext, SearchEntry, bool, LibraryReader, bool>>((db, e, all, f) =>
            e.Kind == SearchKind.Process || e.Kind == SearchKind.State || e.Kind == SearchKind.Organization
            || (e.Kind == SearchKind.Meeting && db.Meetings.Any(m => m.Id == e.MeetingId && (all || MeetingAccess.Rule.Holds(m, f.Listed))))
            || ((e.Kind == SearchKind.AgendaItem || e.Kind == SearchKind.Session || e.Kind == SearchKind.SessionReport || e.Kind == SearchKind.Document)
                && db.Meetings.Any(m => m.Id == e.MeetingId && (all || MeetingAccess.Rule.Holds(m, f.Full)))
                && (e.Kind != SearchKind.Document
                    || db.Documents.Any(d => d.Id == e.DocumentId && d.MeetingId == e.MeetingId && (all || DocumentAccessRule.Rule.Holds(d, f.Documents)))))
            || ((e.Kind == SearchKind.Output || e.Kind == SearchKind.Recommendation)
                && db.Outputs.Any(o => o.Id == e.OutputId && (all || OutputAccess.Rule.Holds(o, f.Outputs))))
            || (e.Kind == SearchKind.Practice
                && db.Practices.Any(p => p.Id == e.PracticeId && PracticeAccess.Listed.Holds(p) && (all || PracticeAccess.Rule.Holds(p, f.Practices))))
            || (e.Kind == SearchKind.Compilation && db.DataRequests.Any(r => r.Id == e.DataRequestId && DataRequestAccess.Rule.Holds(r, f.Compilations))));

    /// <summary>The entries <paramref name="reader"/> may see (<see cref="SeenBy"/>), only those entered in the index between
    /// two of its entries if <paramref name="added"/> is given.</summary>
    private static IQueryable<SearchEntry> Visible(AppDbContext db, LibraryReader reader, AddedBetween? added)
    {
        var entries = db.SearchEntries.AsNoTracking();
        if (added is { After: var after, UpTo: var upTo })
        {
            entries = entries.Where(e => e.Id > after && e.Id <= upTo);
        }
        var entry = Expression.Parameter(typeof(SearchEntry), "e");
        return entries.Where(Expression.Lambda<Func<SearchEntry, bool>>(
            SeenBy.Inline(Expression.Constant(db, typeof(AppDbContext)), entry, Expression.Constant(reader.All), Expression.Constant(reader)), entry));
    }

    /// <summary>Which of the entries <paramref name="ids"/> the reader may see (<see cref="SeenBy"/>), as candidates: the
    /// question every search asks of the engine's best. Compiled (<see cref="SeenOfQuery"/>), as EF Core otherwise walks the
    /// rules' expressions and looks them up in its cache on every search, about an eighth of its processor time (decision 0056).</summary>
    private static IAsyncEnumerable<Candidate> SeenOf(AppDbContext db, List<int> ids, LibraryReader r) =>
        SeenOfQuery[r.All ? 1 : 0].For(db)(db, ids, r.Full.Members, r.Full.MembersAndObservers, r.Full.Organisers, r.Full.States, r.Full.Organizations, r.Full.UserId,
            r.Documents.Members, r.Documents.Organisers, r.Outputs.Members, r.Practices.Members, r.Practices.Reviews, r.Practices.UserId, r.Compilations.Readers);

    // EF Core cannot read a member of a compiled query's parameter, so the facts are its parameters one by one, and the
    // rules read them through facts written as new Facts(...) (RuleExpressions.Expand). The meeting rule's two facts
    // (in full, and listed by a published summary) are made of the same lists by MeetingAccess.FactsOf. One query for
    // readers who see everything and one for the others: whether they do is a constant of each (SeenBy).
    private static readonly CompiledQuery<Func<AppDbContext, List<int>, List<int>, List<int>, List<int>, List<string>, List<int>, string,
        List<int>, List<int>, List<int>, List<int>, List<int>, string, List<int>, IAsyncEnumerable<Candidate>>>[] SeenOfQuery = [SeenOfFor(all: false), SeenOfFor(all: true)];

    private static CompiledQuery<Func<AppDbContext, List<int>, List<int>, List<int>, List<int>, List<string>, List<int>, string,
        List<int>, List<int>, List<int>, List<int>, List<int>, string, List<int>, IAsyncEnumerable<Candidate>>> SeenOfFor(bool all) =>
        new(() => EF.CompileAsyncQuery(RuleExpressions.Expand<Func<AppDbContext, List<int>, List<int>, List<int>, List<int>, List<string>, List<int>, string,
            List<int>, List<int>, List<int>, List<int>, List<int>, string, List<int>, IQueryable<Candidate>>>(
            (db, ids, members, membersAndObservers, organisers, states, organizations, userId, documentMembers, documentOrganisers, outputMembers,
                practiceMembers, reviews, submitter, compilationReaders) =>
                db.SearchEntries.AsNoTracking()
                    .Where(e => ids.Contains(e.Id) && SeenBy.Holds(db, e, all, new LibraryReader(all,
                        new MeetingAccess.Facts(members, membersAndObservers, organisers, states, organizations, userId, false, true),
                        new MeetingAccess.Facts(members, membersAndObservers, organisers, states, organizations, userId, true, true),
                        new DocumentAccessRule.Facts(documentMembers, documentOrganisers), new OutputAccess.Facts(outputMembers),
                        new PracticeAccess.Facts(practiceMembers, reviews, submitter), new DataRequestAccess.Facts(all, compilationReaders))))
                    .Select(AsCandidate))));
}
