using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Search;

public sealed record ProcessHit(string Slug, string Acronym, string Name);

/// <summary>A meeting found by its title or summary. <see cref="SummaryOnly"/>: the reader sees its published summary only.</summary>
public sealed record MeetingHit(int Id, string Title, string ProcessAcronym, MeetingAudience Access, bool SummaryOnly, DateTimeOffset StartsAtUtc,
    DateTimeOffset EndsAtUtc, string TimeZone, string? Snippet);

public sealed record AgendaItemHit(int Id, int MeetingId, string Title, string MeetingTitle, MeetingAudience Access, string? Snippet);

/// <summary>A document found by its title or the text of one of its versions (<see cref="Language"/>, with a passage).</summary>
public sealed record DocumentHit(int Id, int MeetingId, string Title, string MeetingTitle, MeetingAudience MeetingAccess, DocumentAccess Access,
    string? Language, string? Snippet);

/// <summary>The first results of one kind, and how many there are in all (of those the reader may see).</summary>
public sealed record Hits<T>(IReadOnlyList<T> Items, int Total)
{
    public int More => Total - Items.Count;
}

public sealed record SearchResults(string Query, ProcessHit? InProcess, Hits<ProcessHit> Processes, Hits<MeetingHit> Meetings,
    Hits<AgendaItemHit> AgendaItems, Hits<DocumentHit> Documents)
{
    public int Total => Processes.Total + Meetings.Total + AgendaItems.Total + Documents.Total;
}

/// <summary>Search across the registry, meetings, agendas and documents, showing and counting only what the reader may
/// see: meetings through <see cref="MeetingAccess"/> (by title and summary alone when only the summary is published),
/// agenda items and documents only of meetings seen in full, documents also by their level
/// (<see cref="DocumentAccessRule"/>). All filtering and counting is done in SQL, on <see cref="SearchFolding"/> columns
/// and, for document text, the index of its words (<see cref="DocumentWord"/>), so that it matches alike on SQLite and
/// PostgreSQL; each kind is cut at <see cref="Limit"/>: at most nine queries.</summary>
public static class SiteSearch
{
    public const int MinLength = 2;
    public const int MaxLength = 200;
    public const int Limit = 50;

    /// <summary>Words beyond these are ignored: each one adds conditions to every query.</summary>
    public const int MaxWords = 10;

    // How much of a version's text is read around the match: the folded text may be shorter than the original
    // (accents written as separate marks, runs of spaces), so the match is looked for again in this window.
    private const int WindowBefore = 200;
    private const int WindowLength = 1000;

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

    /// <summary>The results for <paramref name="q"/> (checked with <see cref="Problem"/>), within one process if
    /// <paramref name="processSlug"/> is given; null when there is no such process.</summary>
    public static async Task<SearchResults?> RunAsync(AppDbContext db, MeetingReader reader, string q, string? processSlug, CancellationToken ct)
    {
        var terms = Terms.Of(q);
        var slug = string.IsNullOrWhiteSpace(processSlug) ? null : processSlug.Trim().ToLowerInvariant();

        // The registry is public and small (some thirty processes): those with the first word, and the one searched
        // within, come in one query; the other words are checked on those few rows.
        var first = terms.Words[0];
        var processes = (await db.Processes.AsNoTracking()
            .Where(p => p.SearchName!.Contains(first) || p.Slug == slug)
            .OrderBy(p => p.Acronym)
            .Select(p => new { p.Id, Hit = new ProcessHit(p.Slug, p.Acronym, p.Name), p.SearchName })
            .ToListAsync(ct))
            .Select(p => new { p.Id, p.Hit, Matches = p.SearchName is { } name && terms.Words.All(w => name.Contains(w, StringComparison.Ordinal)) })
            .ToList();
        var within = processes.FirstOrDefault(p => p.Hit.Slug == slug);
        if (slug is not null && within is null)
        {
            return null;
        }
        var found = processes.Where(p => p.Matches && (within is null || p == within)).Select(p => p.Hit).ToList();
        var processId = within?.Id;

        IQueryable<Meeting> Scoped(IQueryable<Meeting> meetings) => processId is not { } id
            ? meetings
            : meetings.Where(m => m.ProcessId == id || m.ParticipatingProcesses.Any(p => p.ProcessId == id));
        var seenInFull = Scoped(db.Meetings.AsNoTracking().Where(MeetingAccess.VisibleTo(reader)));

        return new SearchResults(q.Trim(), within?.Hit, new Hits<ProcessHit>(found, found.Count),
            await MeetingsAsync(db, reader, Scoped(db.Meetings.AsNoTracking().Where(MeetingAccess.SummaryVisibleTo(reader))), seenInFull, terms, ct),
            await AgendaItemsAsync(seenInFull, terms, ct),
            await DocumentsAsync(db, reader, seenInFull, terms, ct));
    }

    private static async Task<Hits<MeetingHit>> MeetingsAsync(AppDbContext db, MeetingReader reader, IQueryable<Meeting> listed, IQueryable<Meeting> seenInFull,
        Terms terms, CancellationToken ct)
    {
        // A summary that is not published is part of the meeting: it matches only for those who see the meeting in full.
        var fullIds = seenInFull.Select(m => m.Id);
        var matching = terms.EveryWord(listed, w => m => m.SearchTitle!.Contains(w)
            || (m.SearchSummary!.Contains(w) && (m.SummaryPublished || fullIds.Contains(m.Id))));
        var rows = await matching.OrderByDescending(m => m.StartsAtUtc).ThenByDescending(m => m.Id).Take(Limit + 1)
            .Select(m => new { m.Id, m.Title, m.Process!.Acronym, m.Audience, m.StartsAtUtc, m.EndsAtUtc, m.TimeZoneId, m.PublicSummary, m.SummaryPublished })
            .ToListAsync(ct);
        var total = rows.Count > Limit ? await matching.CountAsync(ct) : rows.Count;
        var shown = rows.Take(Limit).ToList();
        var summaryOnly = await MeetingList.SummaryOnlyAsync(db, reader, shown.Select(r => (r.Id, r.Audience)), ct);
        return new Hits<MeetingHit>([.. shown.Select(r => new MeetingHit(r.Id, r.Title, r.Acronym, r.Audience, summaryOnly.Contains(r.Id),
            r.StartsAtUtc, r.EndsAtUtc, r.TimeZoneId,
            r.PublicSummary is not null && (r.SummaryPublished || !summaryOnly.Contains(r.Id)) ? terms.Snippet(r.PublicSummary) : null))], total);
    }

    private static async Task<Hits<AgendaItemHit>> AgendaItemsAsync(IQueryable<Meeting> seenInFull, Terms terms, CancellationToken ct)
    {
        var matching = terms.EveryWord(seenInFull.SelectMany(m => m.AgendaItems), w => i => i.SearchText!.Contains(w));
        var rows = await matching.OrderByDescending(i => i.Meeting!.StartsAtUtc).ThenBy(i => i.MeetingId).ThenBy(i => i.Position).Take(Limit + 1)
            .Select(i => new { i.Id, i.MeetingId, i.Title, MeetingTitle = i.Meeting!.Title, i.Meeting.Audience, i.Description })
            .ToListAsync(ct);
        var total = rows.Count > Limit ? await matching.CountAsync(ct) : rows.Count;
        return new Hits<AgendaItemHit>([.. rows.Take(Limit).Select(r => new AgendaItemHit(r.Id, r.MeetingId, r.Title, r.MeetingTitle, r.Audience,
            r.Description is null ? null : terms.Snippet(r.Description)))], total);
    }

    private static async Task<Hits<DocumentHit>> DocumentsAsync(AppDbContext db, MeetingReader reader, IQueryable<Meeting> seenInFull, Terms terms, CancellationToken ct)
    {
        var readable = (from m in seenInFull join d in db.Documents on m.Id equals d.MeetingId select d).Where(DocumentAccessRule.LevelOpenTo(reader));
        // The title is short and matched anywhere, as other titles are; the text is matched through its indexed words,
        // each searched word as the start of one (decision 0012). A word such as "co-operation" is several indexed
        // words, all of which the text must hold.
        var matching = terms.EveryWord(readable, w => SearchFolding.Words(w) is { Count: > 0 } parts
            && parts.Skip(1).Aggregate(DocumentsWith(db, parts[0]), (ids, part) => ids.Intersect(DocumentsWith(db, part))) is var inText
            ? d => d.SearchTitle!.Contains(w) || inText.Contains(d.Id)
            : d => d.SearchTitle!.Contains(w));
        // Of the versions whose text holds a word starting with the first word, the newest: its language and a window
        // of its text around the first place the first word stands (at a word's start or not).
        var first = terms.Words[0];
        var firstWords = WordsStarting(db, SearchFolding.Words(first).FirstOrDefault() ?? first);
        Expression<Func<DocumentVersion, bool>> withFirst = v => firstWords.Any(x => x.VersionId == v.Id);
        var rows = await matching.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Limit + 1)
            .Select(d => new
            {
                d.Id, d.MeetingId, d.Title, MeetingTitle = d.Meeting!.Title, d.Meeting.Audience, d.Access,
                Language = d.Versions.AsQueryable().Where(withFirst).OrderByDescending(v => v.Id).Select(v => v.Language).FirstOrDefault(),
                Window = d.Versions.AsQueryable().Where(withFirst).OrderByDescending(v => v.Id)
                    .Select(v => v.ExtractedText!.Substring(Math.Max(0, v.SearchText!.IndexOf(first) - WindowBefore), WindowLength)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var total = rows.Count > Limit ? await matching.CountAsync(ct) : rows.Count;
        return new Hits<DocumentHit>([.. rows.Take(Limit).Select(r => new DocumentHit(r.Id, r.MeetingId, r.Title, r.MeetingTitle, r.Audience, r.Access,
            r.Language, r.Window is null ? null : terms.Snippet(r.Window)))], total);
    }

    /// <summary>The documents with a version whose text holds a word starting with <paramref name="start"/>.</summary>
    private static IQueryable<int> DocumentsWith(AppDbContext db, string start) => WordsStarting(db, start).Select(x => x.Version!.DocumentId);

    /// <summary>The indexed words starting with <paramref name="start"/>: a range of the index on both databases (in byte
    /// order on PostgreSQL, see <c>PostgresAppDbContext</c>).</summary>
    private static IQueryable<DocumentWord> WordsStarting(AppDbContext db, string start)
    {
        var end = SearchFolding.PrefixEnd(start);
        return db.DocumentWords.Where(x => string.Compare(x.Word, start) >= 0 && string.Compare(x.Word, end) < 0);
    }

    /// <summary>The words searched for, folded: a result holds every one of them, in any order. A passage is cut
    /// around the whole phrase where it stands as typed, around its first word found otherwise.</summary>
    private sealed record Terms(string Phrase, IReadOnlyList<string> Words)
    {
        public static Terms Of(string q)
        {
            var phrase = SearchFolding.Fold(q.Trim());
            return new Terms(phrase, [.. phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords)]);
        }

        public IQueryable<T> EveryWord<T>(IQueryable<T> rows, Func<string, Expression<Func<T, bool>>> holds) =>
            Words.Aggregate(rows, (matching, word) => matching.Where(holds(word)));

        public string? Snippet(string text) =>
            SearchFolding.Snippet(text, Phrase) ?? Words.Select(w => SearchFolding.Snippet(text, w)).FirstOrDefault(p => p is not null);
    }
}
