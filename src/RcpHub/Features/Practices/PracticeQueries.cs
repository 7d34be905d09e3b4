using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;

namespace RcpHub.Features.Practices;

/// <summary>What readers filter the published practices by: the country, a theme, a GCM objective, a year the practice
/// ran in, a state that adapted it.</summary>
public sealed record PracticeFilter(string? Country, int? Theme, int? Objective, int? Year, string? AdaptedBy)
{
    public static PracticeFilter Of(string? country, int? theme, int? objective, int? year, string? adaptedBy) => new(
        string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(),
        theme,
        objective is { } o && GlobalFrameworks.Objective(o) is not null ? o : null,
        year is >= PracticeLimits.FirstYear and <= 9999 ? year : null,
        string.IsNullOrWhiteSpace(adaptedBy) ? null : adaptedBy.Trim().ToUpperInvariant());

    public bool Any => Country is not null || Theme is not null || Objective is not null || Year is not null || AdaptedBy is not null;
}

public sealed record PracticeCountry(string Code, string Name);

/// <summary>A practice in a list.</summary>
public sealed record PracticeRow(
    int Id, string Title, string Summary, PracticeCountry Country, string? Organization, int FromYear, int? ToYear,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PracticeStatus>))] PracticeStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MeetingAudience>))] MeetingAudience Audience,
    IReadOnlyList<ThemeName> Themes, IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> Languages,
    IReadOnlyList<PracticeCountry> AdaptedBy, DateTimeOffset SubmittedAt, DateTimeOffset? PublishedAt);

public sealed record PracticeCommentView(int Id, string Author, string Text, DateTimeOffset At);

/// <summary>A state that adapted the practice, with its note.</summary>
public sealed record PracticeAdaptationView(PracticeCountry State, string Note, DateTimeOffset At);

/// <summary>A document attached to the practice, without its bytes; <see cref="FileId"/> downloads it.</summary>
public sealed record PracticeAttachmentView(int FileId, string FileName, long Length, DateTimeOffset AddedAt);

/// <summary>A practice in full, as its page and the API show it.</summary>
public sealed record PracticeDetails(PracticeRow Practice, string? Results, string? Contact, string? ReviewNote,
    IReadOnlyList<PracticeAdaptationView> Adaptations, IReadOnlyList<PracticeCommentView> Comments, IReadOnlyList<PracticeAttachmentView> Attachments)
{
    [JsonIgnore]
    public string SubmittedByUserId { get; init; } = "";
}

/// <summary>The published practices a reader may see (one filter: <see cref="PracticeAccess"/>), the submissions waiting,
/// and one practice in full.</summary>
public static class PracticeQueries
{
    private sealed record Raw(int Id, string Title, string Summary, State State, string? Organization, int FromYear, int? ToYear, PracticeStatus Status,
        MeetingAudience Audience, List<ThemeName> Themes, List<int> Objectives, string Languages, List<State> AdaptedBy, DateTimeOffset SubmittedAt,
        DateTimeOffset? PublishedAt);

    private static IQueryable<Raw> Rows(IQueryable<Practice> practices) => practices.Select(p => new Raw(
        p.Id, p.Title, p.Summary, p.State!, p.Organization != null ? p.Organization.Name : null, p.FromYear, p.ToYear, p.Status, p.Audience,
        p.Themes.OrderBy(t => t.Theme!.Name).Select(t => new ThemeName(t.ThemeId, t.Theme!.Name)).ToList(),
        p.Objectives.OrderBy(o => o.Objective).Select(o => o.Objective).ToList(),
        p.Languages,
        p.Adaptations.OrderBy(a => a.StateCode).Select(a => a.State!).ToList(),
        p.SubmittedAt, p.PublishedAt));

    private static PracticeRow Row(Raw r, string language) => new(
        r.Id, r.Title, r.Summary, Country(r.State, language), r.Organization, r.FromYear, r.ToYear, r.Status, r.Audience, r.Themes, r.Objectives,
        r.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries), [.. r.AdaptedBy.Select(s => Country(s, language))], r.SubmittedAt, r.PublishedAt);

    private static PracticeCountry Country(State s, string language) => new(s.Code, s.Name(language));

    /// <summary>The published practices of a process the reader may see, newest first, that the filter keeps.</summary>
    public static async Task<IReadOnlyList<PracticeRow>> PublishedAsync(AppDbContext db, MeetingReader reader, int processId, PracticeFilter filter,
        string language, CancellationToken ct)
    {
        var practices = db.Practices.AsNoTracking().Where(p => p.ProcessId == processId).Where(PracticeAccess.Listed).Where(PracticeAccess.VisibleTo(reader));
        if (filter.Country is { } country)
        {
            practices = practices.Where(p => p.StateCode == country);
        }
        if (filter.Theme is { } theme)
        {
            practices = practices.Where(p => p.Themes.Any(t => t.ThemeId == theme));
        }
        if (filter.Objective is { } objective)
        {
            practices = practices.Where(p => p.Objectives.Any(o => o.Objective == objective));
        }
        if (filter.Year is { } year)
        {
            // The years it ran: from its start to its end, or to today when it has none.
            practices = practices.Where(p => p.FromYear <= year && (p.ToYear == null || p.ToYear >= year));
        }
        if (filter.AdaptedBy is { } adaptedBy)
        {
            practices = practices.Where(p => p.Adaptations.Any(a => a.StateCode == adaptedBy));
        }
        var rows = await Rows(practices.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)).ToListAsync(ct);
        return [.. rows.Select(r => Row(r, language))];
    }

    /// <summary>The practices not yet published that the reader sees: all of the process's for its secretariat, one's own
    /// submissions for anyone else.</summary>
    public static async Task<IReadOnlyList<PracticeRow>> PendingAsync(AppDbContext db, MeetingReader reader, int processId, string language, CancellationToken ct)
    {
        var practices = db.Practices.AsNoTracking().Where(p => p.ProcessId == processId && p.Status != PracticeStatus.Published)
            .Where(PracticeAccess.VisibleTo(reader));
        var rows = await Rows(practices.OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)).ToListAsync(ct);
        return [.. rows.Select(r => Row(r, language))];
    }

    /// <summary>One practice of the process the reader may see, or null.</summary>
    public static async Task<PracticeDetails?> DetailsAsync(AppDbContext db, MeetingReader reader, int processId, int id, string language, CancellationToken ct)
    {
        var practice = db.Practices.AsNoTracking().Where(p => p.Id == id && p.ProcessId == processId).Where(PracticeAccess.VisibleTo(reader));
        var found = await practice.Select(p => new
        {
            p.Results, p.Contact, p.ReviewNote, p.SubmittedByUserId,
            Adaptations = p.Adaptations.OrderBy(a => a.At).Select(a => new { a.State, a.Note, a.At }).ToList(),
            Comments = p.Comments.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new PracticeCommentView(c.Id, c.User!.DisplayName, c.Text, c.At)).ToList(),
            Attachments = p.Attachments.OrderBy(f => f.Id).Select(f => new PracticeAttachmentView(f.Id, f.FileName, f.Length, f.AddedAt)).ToList(),
        }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var row = Row(await Rows(practice).SingleAsync(ct), language);
        return new PracticeDetails(row, found.Results, found.Contact, found.ReviewNote,
            [.. found.Adaptations.Select(a => new PracticeAdaptationView(Country(a.State!, language), a.Note, a.At))], found.Comments,
            found.Attachments)
        {
            SubmittedByUserId = found.SubmittedByUserId,
        };
    }

    /// <summary>The countries and years the process's published practices (that the reader sees) cover, for the filters.</summary>
    public static async Task<(IReadOnlyList<PracticeCountry> Countries, IReadOnlyList<int> Years)> FacetsAsync(AppDbContext db, MeetingReader reader,
        int processId, string language, int thisYear, CancellationToken ct)
    {
        var published = await db.Practices.AsNoTracking().Where(p => p.ProcessId == processId).Where(PracticeAccess.Listed).Where(PracticeAccess.VisibleTo(reader))
            .Select(p => new { p.State, p.FromYear, p.ToYear }).ToListAsync(ct);
        return (
            [.. published.Select(p => p.State!).DistinctBy(s => s.Code).Select(s => Country(s, language)).OrderBy(c => c.Name, StringComparer.CurrentCulture)],
            [.. published.SelectMany(p => Enumerable.Range(p.FromYear, Math.Max(0, Math.Min(p.ToYear ?? thisYear, thisYear) - p.FromYear) + 1)).Distinct().OrderDescending()]);
    }
}
