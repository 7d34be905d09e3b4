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
    public bool HasNext => (Page * SiteSearch.Limit) < Total;

    /// <summary>Every filter the results are narrowed to (<see cref="Kind"/> and <see cref="Year"/> among them).</summary>
    public SearchFilters Filters { get; init; } = new(Kind, Year);
}

/// <summary>The library's search: the index of everything searchable (<see cref="SearchEntry"/>, kept by Data/SearchIndex)
/// matched and ranked by the database's own engine (<see cref="ISearchEngine"/>, decision 0031), of what the reader may
/// see. Access is the existing rules, applied in the same SQL as the match: meetings through <see cref="MeetingAccess"/>
/// (listed by title and summary when only the summary is published), what a meeting holds only for those who see it in
/// full, documents also by their level (<see cref="DocumentAccessRule"/>), outputs and their recommendations by <see cref="OutputAccess"/>. The
/// facets count with that same filter. At most six queries: the process searched within, the page of results, three
/// for the facets (the single-valued ones at once, the processes, the themes and objectives), the passages.</summary>
public static class SiteSearch
{
    public const int MinLength = 2;
    public const int MaxLength = 200;
    public const int Limit = 20;

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
    public static Task<SearchResults?> RunAsync(AppDbContext db, MeetingReader reader, string q, string? processSlug, SearchKind? kind, int? year,
        int page, CancellationToken ct, AddedBetween? added = null) => RunAsync(db, reader, q, processSlug, new SearchFilters(kind, year), page, ct, added);

    /// <summary>The results for <paramref name="q"/> (checked with <see cref="Problem"/>), within one process if
    /// <paramref name="processSlug"/> is given, narrowed to the values of <paramref name="filters"/>, and only those entered
    /// in the index between two of its entries if <paramref name="added"/> is given (a saved search's new results); null
    /// when there is no such process.</summary>
    public static async Task<SearchResults?> RunAsync(AppDbContext db, MeetingReader reader, string q, string? processSlug, SearchFilters filters,
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
        var fullMeetings = db.Meetings.Where(MeetingAccess.VisibleTo(reader)).Select(m => m.Id);
        var matched = from m in engine.Matches(db, query)
                      join e in Visible(db, reader, fullMeetings, added) on m.EntryId equals e.Id
                      select new Match { Entry = e, Rank = m.Rank };
        var processId = within?.Id;
        // single: kind, year, region, level, language; tags: theme and objective.
        IQueryable<Match> Filtered(bool single, bool byProcess, bool byTags)
        {
            var rows = matched;
            if (single)
            {
                rows = rows.Where(Single(filters));
            }
            if (byProcess && processId is { } id)
            {
                // A meeting convened with other processes is theirs too.
                rows = rows.Where(x => x.Entry.ProcessId == id || db.MeetingProcesses.Any(p => p.MeetingId == x.Entry.MeetingId && p.ProcessId == id));
            }
            if (byTags && filters.Theme is { } theme)
            {
                rows = rows.Where(x => x.Entry.Tags.Any(t => t.Kind == SearchTagKind.Theme && t.Value == theme));
            }
            if (byTags && filters.Objective is { } objective)
            {
                rows = rows.Where(x => x.Entry.Tags.Any(t => t.Kind == SearchTagKind.Objective && t.Value == objective));
            }
            return rows;
        }

        // Each facet counts the results as the other filters leave them, so that choosing a value shows what the others
        // hold. The single-valued facets come from one count per combination of their values, summed here.
        var combinations = (await Filtered(false, true, true)
            .GroupBy(x => new { x.Entry.Kind, x.Entry.Year, x.Entry.Region, x.Entry.Level, x.Entry.Language })
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Region, g.Key.Level, g.Key.Language, Count = g.Count() })
            .ToListAsync(ct)).Select(c => new Combination(c.Kind, c.Year, c.Region, c.Level, c.Language, c.Count)).ToList();
        List<(T Key, int Count)> Sums<T>(Func<Combination, T?> key, SearchFilters others) => [.. combinations.Where(others.Admits)
            .Where(c => key(c) is not null).GroupBy(c => key(c)!).Select(g => (g.Key, g.Sum(c => c.Count)))];
        var kinds = Sums(c => (SearchKind?)c.Kind, filters with { Kind = null });
        var years = Sums(c => c.Year, filters with { Year = null });
        var regions = Sums(c => c.Region, filters with { Region = null });
        var levels = Sums(c => c.Level, filters with { Level = null });
        var languages = Sums(c => c.Language, filters with { Language = null });
        var total = combinations.Where(filters.Admits).Sum(c => c.Count);

        var processes = await (from x in Filtered(true, false, true)
                               join p in db.Processes on x.Entry.ProcessId equals p.Id
                               group x by new { p.Slug, p.Acronym } into g
                               select new { g.Key.Slug, g.Key.Acronym, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Acronym).Take(30).ToListAsync(ct);

        // A theme counts the results with the objective chosen (if any), and an objective those with the theme chosen.
        var tagged = Filtered(true, true, false).SelectMany(x => x.Entry.Tags, (x, tag) => new { x.Entry, Tag = tag });
        if (filters.Theme is { } chosenTheme)
        {
            tagged = tagged.Where(r => r.Tag.Kind != SearchTagKind.Objective || r.Entry.Tags.Any(t => t.Kind == SearchTagKind.Theme && t.Value == chosenTheme));
        }
        if (filters.Objective is { } chosenObjective)
        {
            tagged = tagged.Where(r => r.Tag.Kind != SearchTagKind.Theme || r.Entry.Tags.Any(t => t.Kind == SearchTagKind.Objective && t.Value == chosenObjective));
        }
        var tags = await tagged.GroupBy(r => new { r.Tag.Kind, r.Tag.Value })
            .Select(g => new
            {
                g.Key.Kind, g.Key.Value, Count = g.Count(),
                Theme = g.Key.Kind == SearchTagKind.Theme ? db.Themes.Where(t => t.Id == g.Key.Value).Select(t => t.Name).FirstOrDefault() : null,
            })
            .ToListAsync(ct);

        var rows = total == 0 ? [] : await Filtered(true, true, true)
            .OrderByDescending(x => x.Rank).ThenBy(x => x.Entry.Id)
            .Skip((page - 1) * Limit).Take(Limit)
            .Select(x => new
            {
                x.Entry.Id, x.Entry.Kind, x.Entry.Key, x.Entry.Path, x.Entry.Title, x.Entry.Context, x.Entry.Year, x.Entry.Language,
                Audience = db.Meetings.Where(m => m.Id == x.Entry.MeetingId).Select(m => (MeetingAudience?)m.Audience).FirstOrDefault(),
                Access = db.Documents.Where(d => d.Id == x.Entry.DocumentId).Select(d => (DocumentAccess?)d.Access).FirstOrDefault(),
                SummaryOnly = x.Entry.Kind == SearchKind.Meeting && !fullMeetings.Contains(x.Entry.MeetingId!.Value),
            })
            .ToListAsync(ct);
        var passages = await engine.PassagesAsync(db, query, [.. rows.Select(r => r.Id)], ct);
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
            [.. tags.Where(t => t.Kind == SearchTagKind.Theme && t.Theme is not null).OrderByDescending(t => t.Count).ThenBy(t => t.Theme, StringComparer.Ordinal)
                .Take(30).Select(t => new FacetCount(Invariant(t.Value), t.Theme!, t.Count))],
            [.. tags.Where(t => t.Kind == SearchTagKind.Objective).OrderBy(t => t.Value)
                .Select(t => new FacetCount(Invariant(t.Value), GlobalFrameworks.ObjectiveName(t.Value, language).Text, t.Count))]);
        return none with { Total = total, Items = items, Facets = facets };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The single-valued filters as SQL.</summary>
    private static System.Linq.Expressions.Expression<Func<Match, bool>> Single(SearchFilters f) =>
        x => (f.Kind == null || x.Entry.Kind == f.Kind) && (f.Year == null || x.Entry.Year == f.Year) && (f.Region == null || x.Entry.Region == f.Region)
            && (f.Level == null || x.Entry.Level == f.Level) && (f.Language == null || x.Entry.Language == f.Language);

    /// <summary>How many results have one combination of the single-valued facets' values.</summary>
    private sealed record Combination(SearchKind Kind, int? Year, string? Region, MeetingLevel? Level, string? Language, int Count);

    /// <summary>Whether a combination passes the single-valued filters (as <see cref="Single"/> does in SQL).</summary>
    private static bool Admits(this SearchFilters f, Combination c) =>
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

    /// <summary>The entries <paramref name="reader"/> may see, by the rule of what each describes. The public registry
    /// (processes, states, organisations) is everyone's; a kind not named here is no one's.</summary>
    private static IQueryable<SearchEntry> Visible(AppDbContext db, MeetingReader reader, IQueryable<int> fullMeetings, AddedBetween? added)
    {
        var entries = db.SearchEntries.AsNoTracking();
        if (added is { After: var after, UpTo: var upTo })
        {
            entries = entries.Where(e => e.Id > after && e.Id <= upTo);
        }
        var listedMeetings = db.Meetings.Where(MeetingAccess.SummaryVisibleTo(reader)).Select(m => m.Id);
        var documents = db.Documents.Where(d => fullMeetings.Contains(d.MeetingId)).Where(DocumentAccessRule.LevelOpenTo(reader)).Select(d => d.Id);
        var outputs = db.Outputs.Where(OutputAccess.VisibleTo(reader)).Select(o => o.Id);
        var practices = db.Practices.Where(PracticeAccess.Listed).Where(PracticeAccess.VisibleTo(reader)).Select(p => p.Id);
        return entries.Where(e =>
            e.Kind == SearchKind.Process || e.Kind == SearchKind.State || e.Kind == SearchKind.Organization
            || (e.Kind == SearchKind.Meeting && listedMeetings.Contains(e.MeetingId!.Value))
            || ((e.Kind == SearchKind.AgendaItem || e.Kind == SearchKind.Session || e.Kind == SearchKind.SessionReport) && fullMeetings.Contains(e.MeetingId!.Value))
            || (e.Kind == SearchKind.Document && documents.Contains(e.DocumentId!.Value))
            || ((e.Kind == SearchKind.Output || e.Kind == SearchKind.Recommendation) && outputs.Contains(e.OutputId!.Value))
            || (e.Kind == SearchKind.Practice && practices.Contains(e.PracticeId!.Value)));
    }
}
