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

public sealed record SearchFacets(IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Processes, IReadOnlyList<FacetCount> Years);

/// <summary>A page of results, best first, and the facets of all of them.</summary>
public sealed record SearchResults(string Query, ProcessHit? InProcess, SearchKind? Kind, int? Year, int Page, int Total,
    IReadOnlyList<SearchHit> Items, SearchFacets Facets)
{
    public bool HasNext => (Page * SiteSearch.Limit) < Total;
}

/// <summary>The library's search: the index of everything searchable (<see cref="SearchEntry"/>, kept by Data/SearchIndex)
/// matched and ranked by the database's own engine (<see cref="ISearchEngine"/>, decision 0031), of what the reader may
/// see. Access is the existing rules, applied in the same SQL as the match: meetings through <see cref="MeetingAccess"/>
/// (listed by title and summary when only the summary is published), what a meeting holds only for those who see it in
/// full, documents also by their level (<see cref="DocumentAccessRule"/>), outputs by <see cref="OutputAccess"/>. The
/// facets count with that same filter. At most six queries: the process searched within, the page of results, three
/// facets, the passages.</summary>
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
    public static bool TryKind(string? value, out SearchKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (Enum.TryParse<SearchKind>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            kind = parsed;
            return true;
        }
        return false;
    }

    /// <summary>The results for <paramref name="q"/> (checked with <see cref="Problem"/>), within one process if
    /// <paramref name="processSlug"/> is given, of one kind and year if given, and only those entered in the index
    /// between two of its entries if <paramref name="added"/> is given (a saved search's new results); null when there is
    /// no such process.</summary>
    public static async Task<SearchResults?> RunAsync(AppDbContext db, MeetingReader reader, string q, string? processSlug, SearchKind? kind, int? year,
        int page, CancellationToken ct, AddedBetween? added = null)
    {
        var slug = string.IsNullOrWhiteSpace(processSlug) ? null : processSlug.Trim().ToLowerInvariant();
        var within = slug is null ? null : await db.Processes.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, Hit = new ProcessHit(p.Slug, p.Acronym, p.Name) }).SingleOrDefaultAsync(ct);
        if (slug is not null && within is null)
        {
            return null;
        }
        page = Math.Max(1, page);
        var query = SearchQuery.Parse(q);
        var none = new SearchResults(q.Trim(), within?.Hit, kind, year, page, 0, [], new SearchFacets([], [], []));
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
        IQueryable<Match> Filtered(bool byKind, bool byYear, bool byProcess)
        {
            var rows = matched;
            if (byKind && kind is { } k)
            {
                rows = rows.Where(x => x.Entry.Kind == k);
            }
            if (byYear && year is { } y)
            {
                rows = rows.Where(x => x.Entry.Year == y);
            }
            if (byProcess && processId is { } id)
            {
                // A meeting convened with other processes is theirs too.
                rows = rows.Where(x => x.Entry.ProcessId == id || db.MeetingProcesses.Any(p => p.MeetingId == x.Entry.MeetingId && p.ProcessId == id));
            }
            return rows;
        }

        // Each facet counts the results as the other filters leave them, so that choosing a value shows what the others hold.
        var kinds = await Filtered(false, true, true).GroupBy(x => x.Entry.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var years = await Filtered(true, false, true).Where(x => x.Entry.Year != null).GroupBy(x => x.Entry.Year!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Key).ToListAsync(ct);
        var processes = await (from x in Filtered(true, true, false)
                               join p in db.Processes on x.Entry.ProcessId equals p.Id
                               group x by new { p.Slug, p.Acronym } into g
                               select new { g.Key.Slug, g.Key.Acronym, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Acronym).Take(30).ToListAsync(ct);
        var total = kinds.Where(k => kind is null || k.Key == kind).Sum(k => k.Count);

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
        var facets = new SearchFacets(
            [.. kinds.OrderBy(k => k.Key).Select(k => new FacetCount(k.Key.ToString(), k.Key.ToString(), k.Count))],
            [.. processes.Select(p => new FacetCount(p.Slug, p.Acronym, p.Count))],
            [.. years.Select(y => new FacetCount(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Count))]);
        return none with { Total = total, Items = items, Facets = facets };
    }

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
            || (e.Kind == SearchKind.Output && outputs.Contains(e.OutputId!.Value))
            || (e.Kind == SearchKind.Practice && practices.Contains(e.PracticeId!.Value)));
    }
}
