using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.Data;

/// <summary>The one writer of the library's index (<see cref="SearchEntry"/>, decision 0031). Whatever command, API, import
/// or seed saves a process, state, organisation, meeting, agenda item, session, session report, document or output, the
/// save itself names what changed (<see cref="Changed"/>) and, once it is stored, the entries of those things are
/// rewritten from the database (<see cref="RefreshAsync"/>): no write path can forget the index, and an entry is always
/// made from what was committed. The full-text side follows the table in SQL (FTS5 triggers, a generated tsvector).</summary>
internal static class SearchIndex
{
    /// <summary>A thing whose entry must be rewritten; the key is read after the save, when new rows have their ids.
    /// <paramref name="Holdings"/>: a meeting whose themes or objectives changed, whose agenda items, sessions, reports and
    /// documents carry them too (decision 0039). <paramref name="Described"/>: a meeting whose title, level or date
    /// changed, which the entries of what it holds show (context line, level and year facets).</summary>
    internal sealed record Subject(SearchKind Kind, Func<string> Key, bool Holdings = false, bool Described = false);

    /// <summary>What the pending save changes, as subjects of the index.</summary>
    public static List<Subject> Changed(AppDbContext db)
    {
        var subjects = new List<Subject>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Process p: subjects.Add(new(SearchKind.Process, () => Id(p.Id))); break;
                case State s: subjects.Add(new(SearchKind.State, () => s.Code)); break;
                case Organization o: subjects.Add(new(SearchKind.Organization, () => Id(o.Id))); break;
                case Meeting m:
                    subjects.Add(new(SearchKind.Meeting, () => Id(m.Id),
                        Holdings: entry.State == EntityState.Modified
                            && (entry.Property(nameof(Meeting.ThemeIds)).IsModified || entry.Property(nameof(Meeting.GcmObjectives)).IsModified),
                        Described: entry.State == EntityState.Modified && (entry.Property(nameof(Meeting.Title)).IsModified
                            || entry.Property(nameof(Meeting.Level)).IsModified || entry.Property(nameof(Meeting.StartsAtUtc)).IsModified)));
                    break;
                // A process's themes are a join without a class of its own (EntityConfigurations: "ProcessThemes").
                case Dictionary<string, object> row when entry.Metadata.Name == ProcessThemes:
                    subjects.Add(new(SearchKind.Process, () => Id((int)row["ProcessesId"])));
                    break;
                case AgendaItem i: subjects.Add(new(SearchKind.AgendaItem, () => Id(i.Id))); break;
                case Session s:
                    subjects.Add(new(SearchKind.Session, () => Id(s.Id)));
                    subjects.Add(new(SearchKind.SessionReport, () => Id(s.Id)));
                    break;
                case SessionPerson sp: subjects.Add(new(SearchKind.Session, () => Id(sp.SessionId))); break;
                case SessionReportVersion v: subjects.Add(new(SearchKind.SessionReport, () => Id(v.SessionId))); break;
                case Document d: subjects.Add(new(SearchKind.Document, () => Id(d.Id))); break;
                case DocumentVersion v: subjects.Add(new(SearchKind.Document, () => Id(v.DocumentId))); break;
                case Output o: subjects.Add(new(SearchKind.Output, () => Id(o.Id))); break;
                case OutputVersion v: subjects.Add(new(SearchKind.Output, () => Id(v.OutputId))); break;
                case Practice p: subjects.Add(new(SearchKind.Practice, () => Id(p.Id))); break;
                case PracticeTheme t: subjects.Add(new(SearchKind.Practice, () => Id(t.PracticeId))); break;
                case PracticeObjective o: subjects.Add(new(SearchKind.Practice, () => Id(o.PracticeId))); break;
                case Recommendation r:
                    subjects.Add(new(SearchKind.Recommendation, () => Id(r.Id)));
                    // An output carries its recommendations' tags: one removed is no longer found to name it.
                    subjects.Add(new(SearchKind.Output, () => Id(r.OutputId)));
                    break;
                case RecommendationTranslation t: subjects.Add(new(SearchKind.Recommendation, () => Id(t.RecommendationId))); break;
                case RecommendationTheme t: subjects.Add(new(SearchKind.Recommendation, () => Id(t.RecommendationId))); break;
                case RecommendationGcmObjective o: subjects.Add(new(SearchKind.Recommendation, () => Id(o.RecommendationId))); break;
                // A compilation: its request (sent, published), its questions, and the states that submitted answers.
                case DataRequest r: subjects.Add(new(SearchKind.Compilation, () => Id(r.Id))); break;
                case DataQuestion q: subjects.Add(new(SearchKind.Compilation, () => Id(q.DataRequestId))); break;
                case DataResponse r: subjects.Add(new(SearchKind.Compilation, () => Id(r.DataRequestId))); break;
            }
        }
        return subjects;
    }

    /// <summary>Rewrites the entries of <paramref name="subjects"/> from what is stored: adds, changes or removes each.
    /// Returns whether anything is left to save.</summary>
    public static async Task<bool> RefreshAsync(AppDbContext db, IReadOnlyCollection<Subject> subjects, CancellationToken ct)
    {
        if (subjects.Count == 0)
        {
            return false;
        }
        var wanted = subjects.Select(s => (s.Kind, Key: s.Key())).Distinct().ToList();
        // A recommendation's entry shows its output's title and address.
        var outputs = Ids(wanted.Where(w => w.Kind == SearchKind.Output).Select(w => w.Key));
        if (outputs.Count > 0)
        {
            var recommendations = await db.Recommendations.Where(r => outputs.Contains(r.OutputId)).Select(r => r.Id).ToListAsync(ct);
            wanted = [.. wanted.Union(recommendations.Select(id => (SearchKind.Recommendation, Id(id))))];
        }
        // An output's entry carries the union of its recommendations' themes and objectives.
        var changedRecommendations = Ids(wanted.Where(w => w.Kind == SearchKind.Recommendation).Select(w => w.Key));
        if (changedRecommendations.Count > 0)
        {
            var ofOutputs = await db.Recommendations.Where(r => changedRecommendations.Contains(r.Id)).Select(r => r.OutputId).Distinct().ToListAsync(ct);
            wanted = [.. wanted.Union(ofOutputs.Select(id => (SearchKind.Output, Id(id))))];
        }
        foreach (var kind in wanted.Select(w => w.Kind).Distinct())
        {
            var keys = wanted.Where(w => w.Kind == kind).Select(w => w.Key).ToList();
            var fresh = Plain(await BuildAsync(db, kind, keys, ct)).ToDictionary(e => e.Key, StringComparer.Ordinal);
            var stored = await db.SearchEntries.Include(e => e.Tags).Where(e => e.Kind == kind && keys.Contains(e.Key)).ToListAsync(ct);
            foreach (var entry in stored)
            {
                if (fresh.Remove(entry.Key, out var now))
                {
                    now.Id = entry.Id;
                    db.Entry(entry).CurrentValues.SetValues(now);
                    entry.Tags.RemoveAll(t => !now.Tags.Any(n => n.Kind == t.Kind && n.Value == t.Value));
                    entry.Tags.AddRange(now.Tags.Where(n => !entry.Tags.Any(t => t.Kind == n.Kind && t.Value == n.Value)));
                }
                else
                {
                    db.SearchEntries.Remove(entry);
                }
            }
            db.SearchEntries.AddRange(fresh.Values);
        }
        await RetagHoldingsAsync(db, [.. Ids(subjects.Where(s => s.Holdings).Select(s => s.Key()))], wanted, ct);
        await RedescribeHoldingsAsync(db, [.. Ids(subjects.Where(s => s.Described).Select(s => s.Key()))], ct);
        return true;
    }

    /// <summary>Gives the entries of what <paramref name="meetings"/> hold their meeting's title (context line), level and
    /// (but a document's, which is its own) year, in place: their texts are neither read nor rewritten by the platform.
    /// Runs in the save's transaction; an entry also rewritten whole in this save gets the same values from its build.</summary>
    private static async Task RedescribeHoldingsAsync(AppDbContext db, List<int> meetings, CancellationToken ct)
    {
        foreach (var m in await db.Meetings.AsNoTracking().Where(m => meetings.Contains(m.Id)).Select(m => new { m.Id, m.Title, m.Level, m.StartsAtUtc }).ToListAsync(ct))
        {
            var year = m.StartsAtUtc.Year;
            var held = db.SearchEntries.Where(e => e.MeetingId == m.Id);
            await held.Where(e => e.Kind == SearchKind.AgendaItem || e.Kind == SearchKind.Session || e.Kind == SearchKind.SessionReport)
                .Where(e => e.Context != m.Title || e.Level != m.Level || e.Year != year)
                .ExecuteUpdateAsync(x => x.SetProperty(e => e.Context, m.Title).SetProperty(e => e.Level, m.Level).SetProperty(e => e.Year, year), ct);
            await held.Where(e => e.Kind == SearchKind.Document && (e.Context != m.Title || e.Level != m.Level))
                .ExecuteUpdateAsync(x => x.SetProperty(e => e.Context, m.Title).SetProperty(e => e.Level, m.Level), ct);
        }
    }

    private const string ProcessThemes = "ProcessThemes";

    /// <summary>Gives the entries of what <paramref name="meetings"/> hold their meeting's themes and objectives, without
    /// reading or rewriting their texts (a meeting's documents may be many and long); those rewritten whole in this save
    /// (<paramref name="rewritten"/>) have them already.</summary>
    private static async Task RetagHoldingsAsync(AppDbContext db, List<int> meetings, List<(SearchKind Kind, string Key)> rewritten, CancellationToken ct)
    {
        if (meetings.Count == 0)
        {
            return;
        }
        var tags = (await db.Meetings.AsNoTracking().Where(m => meetings.Contains(m.Id)).Select(m => new { m.Id, m.ThemeIds, m.GcmObjectives }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => Tags(m.ThemeIds, m.GcmObjectives));
        var entries = await db.SearchEntries.AsNoTracking().Where(e => e.MeetingId != null && meetings.Contains(e.MeetingId.Value)
                && (e.Kind == SearchKind.AgendaItem || e.Kind == SearchKind.Session || e.Kind == SearchKind.SessionReport || e.Kind == SearchKind.Document))
            .Select(e => new { e.Id, e.Kind, e.Key, MeetingId = e.MeetingId!.Value, Tags = e.Tags.ToList() }).ToListAsync(ct);
        foreach (var entry in entries.Where(e => !rewritten.Contains((e.Kind, e.Key))))
        {
            var now = tags.GetValueOrDefault(entry.MeetingId) ?? [];
            db.SearchTags.RemoveRange(entry.Tags.Where(t => !now.Any(n => n.Kind == t.Kind && n.Value == t.Value)));
            db.SearchTags.AddRange(now.Where(n => !entry.Tags.Any(t => t.Kind == n.Kind && t.Value == n.Value))
                .Select(n => new SearchTag { EntryId = entry.Id, Kind = n.Kind, Value = n.Value }));
        }
    }

    /// <summary>Rewrites in place (keeping their ids, which saved searches count new results by: decision 0037) every entry
    /// of <paramref name="kinds"/>, a batch at a time: run by <c>migrate</c> once after a migration that changes what those
    /// entries hold (<see cref="DatabaseSetup"/>).</summary>
    public static async Task RefreshAllAsync(AppDbContext db, IReadOnlyCollection<SearchKind> kinds, CancellationToken ct = default)
    {
        foreach (var kind in kinds)
        {
            // Those entered, and those that should be (a kind new to the index has none yet).
            var keys = (await db.SearchEntries.Where(e => e.Kind == kind).Select(e => e.Key).ToListAsync(ct))
                .Union(await KeysOf(db, kind).ToListAsync(ct), StringComparer.Ordinal).ToList();
            foreach (var batch in keys.Chunk(200))
            {
                if (await RefreshAsync(db, [.. batch.Select(k => new Subject(kind, () => k))], ct))
                {
                    await db.SaveChangesAsync(ct);
                }
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Longer texts are indexed by their start: a PostgreSQL tsvector holds at most 1 MB, and a passage is shown from
    /// the first matches anyway.</summary>
    public const int MaxBody = 300_000;

    /// <summary>The entries as the engines read them: without the marks their tokenizers split words at
    /// (<see cref="SearchFolding.WithoutMarks"/>), the body cut at <see cref="MaxBody"/>.</summary>
    private static List<SearchEntry> Plain(List<SearchEntry> entries)
    {
        foreach (var e in entries)
        {
            e.Title = SearchFolding.WithoutMarks(e.Title);
            e.Body = e.Body is null ? null : SearchFolding.WithoutMarks(e.Body.Length > MaxBody ? e.Body[..MaxBody] : e.Body);
        }
        return entries;
    }

    /// <summary>Builds the whole index when it is empty (a database made before it existed, or a restore): run at start-up
    /// after the migrations, a kind and a batch at a time.</summary>
    public static async Task RebuildIfEmptyAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.SearchEntries.AnyAsync(ct))
        {
            return;
        }
        SearchKind[] order = [SearchKind.State, SearchKind.Process, SearchKind.Organization, SearchKind.Meeting, SearchKind.AgendaItem, SearchKind.Session,
            SearchKind.SessionReport, SearchKind.Document, SearchKind.Output, SearchKind.Practice, SearchKind.Recommendation, SearchKind.Compilation];
        foreach (var kind in order)
        {
            foreach (var batch in (await KeysOf(db, kind).ToListAsync(ct)).Chunk(200))
            {
                var entries = Plain(await BuildAsync(db, kind, batch, ct));
                db.SearchEntries.AddRange(entries);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The keys of everything of <paramref name="kind"/> that has an entry.</summary>
    private static IQueryable<string> KeysOf(AppDbContext db, SearchKind kind) => kind switch
    {
        SearchKind.State => db.States.Select(s => s.Code),
        SearchKind.Process => db.Processes.Select(p => p.Id.ToString()),
        SearchKind.Organization => db.Organizations.Select(o => o.Id.ToString()),
        SearchKind.Meeting => db.Meetings.Select(m => m.Id.ToString()),
        SearchKind.AgendaItem => db.AgendaItems.Select(i => i.Id.ToString()),
        SearchKind.Session => db.Sessions.Select(s => s.Id.ToString()),
        SearchKind.SessionReport => db.SessionReportVersions.Select(v => v.SessionId.ToString()).Distinct(),
        SearchKind.Document => db.Documents.Select(d => d.Id.ToString()),
        SearchKind.Output => db.Outputs.Select(o => o.Id.ToString()),
        SearchKind.Practice => db.Practices.Where(PracticeAccess.Listed).Select(p => p.Id.ToString()),
        SearchKind.Recommendation => db.Recommendations.Select(r => r.Id.ToString()),
        SearchKind.Compilation => db.DataRequests.Where(r => r.SentAt != null).Select(r => r.Id.ToString()),
        _ => db.SearchEntries.Where(e => false).Select(e => e.Key),
    };

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<int> Ids(IEnumerable<string> keys) => [.. keys.Select(k => int.TryParse(k, out var id) ? id : 0).Where(id => id > 0)];

    private static List<SearchTag> Tags(IEnumerable<int> themes, IEnumerable<int> objectives) =>
        [.. themes.Distinct().Select(t => new SearchTag { Kind = SearchTagKind.Theme, Value = t }),
            .. objectives.Distinct().Select(o => new SearchTag { Kind = SearchTagKind.Objective, Value = o })];

    /// <summary>The start of a text as a result's title: its first words, up to about a line.</summary>
    private static string Opening(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= 120)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', 120);
        return string.Concat(line.AsSpan(0, cut > 60 ? cut : 120), "…");
    }

    private static string? Join(params IEnumerable<string?> parts)
    {
        var text = string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }

    private static async Task<List<SearchEntry>> BuildAsync(AppDbContext db, SearchKind kind, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = Ids(keys);
        switch (kind)
        {
            case SearchKind.State:
                return [.. (await db.States.AsNoTracking().Where(s => keys.Contains(s.Code)).ToListAsync(ct)).Select(s => new SearchEntry
                {
                    Kind = kind, Key = s.Code, Path = $"/states/{s.Code}", Title = s.NameEn,
                    // Its name in every interface language: "Maroc" and "المغرب" find Morocco.
                    Body = Join(s.NameFr, s.NameEs, s.NameRu, s.NameAr, s.Code, s.Alpha2),
                })];
            case SearchKind.Process:
                return [.. (await db.Processes.AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Slug, p.Acronym, p.Name, p.Region, p.FormalInstitution, p.FoundedYear, Themes = p.Themes.Select(t => new { t.Id, t.Name }).ToList() })
                    .ToListAsync(ct)).Select(p => new SearchEntry
                {
                    Kind = kind, Key = Id(p.Id), Path = $"/processes/{p.Slug}", ProcessId = p.Id, Region = p.Region, Year = p.FoundedYear,
                    Title = $"{p.Acronym}: {p.Name}", Context = p.Region,
                    // Its themes: "labour migration" finds the processes that work on it.
                    Body = Join([p.Region, p.FormalInstitution, .. p.Themes.Select(t => t.Name)]), Tags = Tags(p.Themes.Select(t => t.Id), []),
                })];
            case SearchKind.Organization:
                return [.. (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
                    .Select(o => new { o.Id, o.Slug, o.Name, o.Acronym, o.Description }).ToListAsync(ct)).Select(o => new SearchEntry
                {
                    Kind = kind, Key = Id(o.Id), Path = $"/organizations/{o.Slug}",
                    Title = o.Acronym is null ? o.Name : $"{o.Acronym}: {o.Name}", Body = o.Description,
                })];
            case SearchKind.Meeting:
                return [.. (await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
                    .Select(m => new { m.Id, m.ProcessId, m.Process!.Acronym, m.Process.Region, m.Title, m.Level, m.StartsAtUtc, m.PublicSummary, m.ThemeIds, m.GcmObjectives })
                    .ToListAsync(ct)).Select(m => new SearchEntry
                {
                    Kind = kind, Key = Id(m.Id), Path = $"/meetings/{m.Id}", ProcessId = m.ProcessId, MeetingId = m.Id, Region = m.Region,
                    Year = m.StartsAtUtc.Year, Level = m.Level, Title = m.Title, Context = m.Acronym,
                    // The summary matches only for those who may see the listing (MeetingAccess.SummaryVisibleTo): an
                    // unpublished one is then part of a meeting they see in full.
                    Body = m.PublicSummary, Tags = Tags(m.ThemeIds, m.GcmObjectives),
                })];
            case SearchKind.AgendaItem:
                return [.. (await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.Id))
                    .Select(i => new
                    {
                        i.Id, i.MeetingId, i.Title, i.Description, Meeting = i.Meeting!.Title, i.Meeting.ProcessId, i.Meeting.Process!.Region, i.Meeting.Level, i.Meeting.StartsAtUtc,
                        i.Meeting.ThemeIds, i.Meeting.GcmObjectives,
                    })
                    .ToListAsync(ct)).Select(i => new SearchEntry
                {
                    Kind = kind, Key = Id(i.Id), Path = $"/meetings/{i.MeetingId}#item-{i.Id}", ProcessId = i.ProcessId, MeetingId = i.MeetingId,
                    Region = i.Region, Level = i.Level, Year = i.StartsAtUtc.Year, Title = i.Title, Body = i.Description, Context = i.Meeting,
                    Tags = Tags(i.ThemeIds, i.GcmObjectives),
                })];
            case SearchKind.Session:
                return [.. (await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id))
                    .Select(s => new
                    {
                        s.Id, s.MeetingId, s.Code, s.Title, s.GuidingQuestions, s.RapporteurName, Meeting = s.Meeting!.Title, s.Meeting.ProcessId, s.Meeting.Process!.Region,
                        s.Meeting.Level, s.Meeting.StartsAtUtc, People = s.People.OrderBy(p => p.Position).Select(p => p.Name).ToList(), s.Meeting.ThemeIds, s.Meeting.GcmObjectives,
                    })
                    .ToListAsync(ct)).Select(s => new SearchEntry
                {
                    Kind = kind, Key = Id(s.Id), Path = $"/meetings/{s.MeetingId}", ProcessId = s.ProcessId, MeetingId = s.MeetingId,
                    Region = s.Region, Level = s.Level, Year = s.StartsAtUtc.Year, Title = s.Code is null ? s.Title : $"{s.Code}: {s.Title}", Context = s.Meeting,
                    // Its speakers, chairs and moderators by name.
                    Body = Join([.. s.People, s.RapporteurName, s.GuidingQuestions]), Tags = Tags(s.ThemeIds, s.GcmObjectives),
                })];
            case SearchKind.SessionReport:
                // The session's newest report version: the text it stands at.
                return [.. (await db.SessionReportVersions.AsNoTracking().Where(v => ids.Contains(v.SessionId)
                        && v.Number == db.SessionReportVersions.Where(x => x.SessionId == v.SessionId).Max(x => x.Number))
                    .Select(v => new
                    {
                        v.SessionId, v.Session!.MeetingId, v.Session.Code, v.Session.Title, v.Summary, v.Discussion, Meeting = v.Session.Meeting!.Title,
                        v.Session.Meeting.ProcessId, v.Session.Meeting.Process!.Region, v.Session.Meeting.Level, v.Session.Meeting.StartsAtUtc,
                        v.Session.Meeting.ThemeIds, v.Session.Meeting.GcmObjectives,
                        People = v.Session.People.OrderBy(p => p.Position).Select(p => p.Name).ToList(),
                        Points = v.Points.OrderBy(p => p.Kind).ThenBy(p => p.Position).Select(p => p.Text).ToList(),
                    })
                    .ToListAsync(ct)).Select(v => new SearchEntry
                {
                    Kind = kind, Key = Id(v.SessionId), Path = $"/meetings/{v.MeetingId}/sessions/{v.SessionId}/report", ProcessId = v.ProcessId,
                    MeetingId = v.MeetingId, Region = v.Region, Level = v.Level, Year = v.StartsAtUtc.Year,
                    Title = v.Code is null ? v.Title : $"{v.Code}: {v.Title}", Context = v.Meeting,
                    Body = Join([v.Summary, v.Discussion, .. v.Points, .. v.People]), Tags = Tags(v.ThemeIds, v.GcmObjectives),
                })];
            case SearchKind.Document:
                return [.. (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
                    .Select(d => new
                    {
                        d.Id, d.MeetingId, d.Title, d.CreatedAt, Meeting = d.Meeting!.Title, d.Meeting.ProcessId, d.Meeting.Process!.Region, d.Meeting.Level,
                        d.Meeting.ThemeIds, d.Meeting.GcmObjectives,
                        // The newest version with text (each language is a version; the newest is the one most read).
                        Newest = d.Versions.Where(v => v.ExtractedText != null).OrderByDescending(v => v.Id).Select(v => new { v.Language, v.ExtractedText }).FirstOrDefault(),
                        Language = d.Versions.OrderBy(v => v.Id).Select(v => v.Language).FirstOrDefault(),
                    })
                    .ToListAsync(ct)).Select(d => new SearchEntry
                {
                    Kind = kind, Key = Id(d.Id), Path = $"/meetings/{d.MeetingId}/documents/{d.Id}", ProcessId = d.ProcessId, MeetingId = d.MeetingId,
                    DocumentId = d.Id, Region = d.Region, Level = d.Level, Year = d.CreatedAt.Year, Language = d.Newest?.Language ?? d.Language,
                    Title = d.Title, Context = d.Meeting, Body = d.Newest?.ExtractedText, Tags = Tags(d.ThemeIds, d.GcmObjectives),
                })];
            case SearchKind.Output:
                // The union of its recommendations' themes and objectives (by joins of their own: SQLite has no APPLY).
                var ofRecommendations = db.Recommendations.Where(r => ids.Contains(r.OutputId));
                var outputThemes = (await ofRecommendations.SelectMany(r => r.Themes, (r, t) => new { r.OutputId, t.ThemeId }).ToListAsync(ct)).ToLookup(t => t.OutputId, t => t.ThemeId);
                var outputObjectives = (await ofRecommendations.SelectMany(r => r.GcmObjectives, (r, o) => new { r.OutputId, o.Objective }).ToListAsync(ct)).ToLookup(o => o.OutputId, o => o.Objective);
                return [.. (await db.Outputs.AsNoTracking().Where(o => ids.Contains(o.Id))
                    .Select(o => new
                    {
                        o.Id, o.ProcessId, o.Process!.Slug, o.Process.Acronym, o.Process.Region, o.Title, o.OriginalLanguage, o.AdoptedOn, o.CreatedAt,
                        Text = o.Versions.OrderByDescending(v => v.Number).Select(v => v.Text).FirstOrDefault(),
                    })
                    .ToListAsync(ct)).Select(o => new SearchEntry
                {
                    Kind = kind, Key = Id(o.Id), Path = $"/processes/{o.Slug}/outputs/{o.Id}", ProcessId = o.ProcessId, OutputId = o.Id,
                    Region = o.Region, Year = o.AdoptedOn?.Year ?? o.CreatedAt.Year, Language = o.OriginalLanguage, Title = o.Title, Context = o.Acronym, Body = o.Text,
                    Tags = Tags(outputThemes[o.Id], outputObjectives[o.Id]),
                })];
            case SearchKind.Practice:
                // Published practices only (a submission is read on its own page by its reviewers); the country's names in
                // every language, its themes and GCM objectives, so that "Maroc" or "labour migration" finds it.
                return [.. (await db.Practices.AsNoTracking().Where(p => ids.Contains(p.Id)).Where(PracticeAccess.Listed)
                    .Select(p => new
                    {
                        p.Id, p.ProcessId, p.Process!.Slug, p.Process.Acronym, p.Process.Region, p.Title, p.Summary, p.Results, p.FromYear, p.Languages,
                        p.State!.NameEn, p.State.NameFr, p.State.NameEs, p.State.NameRu, p.State.NameAr, Organization = p.Organization!.Name,
                        Themes = p.Themes.Select(t => new { t.ThemeId, t.Theme!.Name }).ToList(), Objectives = p.Objectives.Select(o => o.Objective).ToList(),
                    })
                    .ToListAsync(ct)).Select(p => new SearchEntry
                {
                    Kind = kind, Key = Id(p.Id), Path = $"/processes/{p.Slug}/practices/{p.Id}", ProcessId = p.ProcessId, PracticeId = p.Id,
                    Region = p.Region, Year = p.FromYear, Language = p.Languages.Split(' ')[0], Title = p.Title, Context = $"{p.Acronym}: {p.NameEn}",
                    Body = Join([p.Summary, p.Results, p.NameEn, p.NameFr, p.NameEs, p.NameRu, p.NameAr, p.Organization, .. p.Themes.Select(t => t.Name),
                        .. p.Objectives.Select(o => GlobalFrameworks.Objective(o)?.TitleEn)]),
                    Tags = Tags(p.Themes.Select(t => t.ThemeId), p.Objectives),
                })];
            case SearchKind.Recommendation:
                // Each recommendation on its own, by its text and translations, under its output (whose access it has:
                // OutputId); its themes and GCM objectives as facets.
                return [.. (await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id))
                    .Select(r => new
                    {
                        r.Id, r.Number, r.OutputId, r.Text, r.OriginalLanguage, r.Output!.ProcessId, r.Output.Process!.Slug, r.Output.Process.Acronym,
                        r.Output.Process.Region, Output = r.Output.Title, r.Output.AdoptedOn, r.Output.CreatedAt,
                        Translations = r.Translations.Select(t => t.Text).ToList(), Themes = r.Themes.Select(t => t.ThemeId).ToList(),
                        Objectives = r.GcmObjectives.Select(o => o.Objective).ToList(),
                    })
                    .ToListAsync(ct)).Select(r => new SearchEntry
                {
                    Kind = kind, Key = Id(r.Id), Path = $"/processes/{r.Slug}/outputs/{r.OutputId}/recommendations/{r.Number}", ProcessId = r.ProcessId,
                    OutputId = r.OutputId, Region = r.Region, Year = r.AdoptedOn?.Year ?? r.CreatedAt.Year, Language = r.OriginalLanguage,
                    Title = $"{r.Number}. {Opening(r.Text)}", Context = $"{r.Acronym}: {r.Output}", Body = Join([r.Text, .. r.Translations]),
                    Tags = Tags(r.Themes, r.Objectives),
                })];
            case SearchKind.Compilation:
                // A sent request (a draft is its secretariat's alone): its title and questions; while it is for members only,
                // the states that submitted answers, by their names in every language. Published, it is the public aggregate's
                // entry, which says how many states answered, never which (decision 0042).
                return [.. (await db.DataRequests.AsNoTracking().Where(r => ids.Contains(r.Id) && r.SentAt != null)
                    .Select(r => new
                    {
                        r.Id, r.ProcessId, r.Process!.Slug, r.Process.Acronym, r.Process.Region, r.Title, r.SentAt, r.PublishedAt,
                        Questions = r.Questions.Where(q => q.RemovedAt == null).OrderBy(q => q.Number).Select(q => q.Text).ToList(),
                        States = r.Responses.Where(s => s.SubmittedAt != null).OrderBy(s => s.StateCode)
                            .Select(s => new { s.State!.NameEn, s.State.NameFr, s.State.NameEs, s.State.NameRu, s.State.NameAr }).ToList(),
                    })
                    .ToListAsync(ct)).Select(r => new SearchEntry
                {
                    Kind = kind, Key = Id(r.Id), Path = $"/processes/{r.Slug}/data-requests/{r.Id}" + (r.PublishedAt is null ? "" : "/aggregate"),
                    ProcessId = r.ProcessId, DataRequestId = r.Id, Region = r.Region, Year = r.SentAt!.Value.Year, Title = r.Title, Context = r.Acronym,
                    Body = Join([.. r.Questions, .. r.PublishedAt is null ? r.States.SelectMany(s => new[] { s.NameEn, s.NameFr, s.NameEs, s.NameRu, s.NameAr }) : []]),
                })];
            default:
                return [];
        }
    }
}
