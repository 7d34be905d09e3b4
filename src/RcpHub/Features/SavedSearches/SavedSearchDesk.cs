using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Search;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.SavedSearches;

/// <summary>What a person asks to keep: the words and filters of /search (as its query string names them) and a name.</summary>
public sealed class SavedSearchInput
{
    /// <summary>A name to list it by (the words searched for when left empty), at most 100 characters.</summary>
    public string? Name { get; set; }

    /// <summary>The words searched for, as /search takes them.</summary>
    public string? Q { get; set; }

    /// <summary>The slug of the process searched within, if any.</summary>
    public string? Process { get; set; }

    /// <summary>The kind of result, if any (Document, Meeting, ...).</summary>
    public string? Kind { get; set; }

    public int? Year { get; set; }

    /// <summary>The region of the results' processes, as the search's region facet names it.</summary>
    public string? Region { get; set; }

    /// <summary>The meeting level (expert, seniorofficials, ministerial).</summary>
    public string? Level { get; set; }

    /// <summary>The language of the results (ISO 639-1).</summary>
    public string? Language { get; set; }

    /// <summary>The id of a theme the results are about.</summary>
    public int? Theme { get; set; }

    /// <summary>A GCM objective the results serve (1-23).</summary>
    public int? Objective { get; set; }
}

/// <summary>A saved search as its owner lists it: <see cref="Kind"/> is a kind's name (Document, Meeting...), <see cref="Level"/> a
/// level's (Expert, SeniorOfficials, Ministerial), <see cref="ThemeName"/> the name of <see cref="Theme"/>; <see cref="Path"/> runs
/// it on /search.</summary>
public sealed record SavedSearchRow(int Id, string Name, string Query, string? Process, string? Kind, int? Year, bool Weekly, DateTimeOffset CreatedAt, string Path)
{
    public string? Region { get; init; }
    public string? Level { get; init; }
    public string? Language { get; init; }
    public int? Theme { get; init; }
    public string? ThemeName { get; init; }
    public int? Objective { get; init; }
}

/// <summary>Keeps, lists, stops and removes a person's saved searches, for the pages and the API alike. Every rule of what
/// may be stored is here; nothing is stored when one fails.</summary>
public sealed class SavedSearchDesk(AppDbContext db, TimeProvider clock, IStringLocalizer<SavedSearchesText> t, IStringLocalizer<SearchText> searchText)
{
    public sealed record Outcome(SavedSearchRow? Saved, FieldErrors Errors, string? Refusal = null);

    public async Task<IReadOnlyList<SavedSearchRow>> ListAsync(string userId, CancellationToken ct) =>
        (await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Name, s.Query, Process = s.Process != null ? s.Process.Slug : null, s.Kind, s.Year, s.Weekly, s.CreatedAt,
                s.Region, s.Level, s.Language, s.Theme, s.Objective, ThemeName = db.Themes.Where(t => t.Id == s.Theme).Select(t => t.Name).FirstOrDefault(),
            })
            .ToListAsync(ct))
        .Select(s => Row(s.Id, s.Name, s.Query, s.Process, s.Weekly, s.CreatedAt, new SearchFilters(s.Kind, s.Year, s.Region, s.Level, s.Language, s.Theme, s.Objective), s.ThemeName))
        .ToList();

    private static SavedSearchRow Row(int id, string name, string query, string? process, bool weekly, DateTimeOffset createdAt, SearchFilters f, string? themeName) =>
        new(id, name, query, process, f.Kind?.ToString(), f.Year, weekly, createdAt, Search.IndexModel.Address(query, process, f))
        {
            Region = f.Region, Level = f.Level?.ToString(), Language = f.Language, Theme = f.Theme, ThemeName = themeName, Objective = f.Objective,
        };

    public async Task<Outcome> SaveAsync(string userId, SavedSearchInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = input.Q?.Trim() ?? "";
        if (SiteSearch.Problem(query, searchText) is { } problem)
        {
            errors.Add(nameof(input.Q), problem);
        }
        var name = string.IsNullOrWhiteSpace(input.Name) ? query : input.Name.Trim();
        if (name.Length > SavedSearchLimits.Name)
        {
            errors.Add(nameof(input.Name), t["Keep the name within {0} characters.", SavedSearchLimits.Name]);
        }
        if (!SiteSearch.TryKind(input.Kind, out var kind))
        {
            errors.Add(nameof(input.Kind), searchText["There is no such kind of result."]);
        }
        if (!SiteSearch.TryLevel(input.Level, out var level))
        {
            errors.Add(nameof(input.Level), searchText["There is no such meeting level."]);
        }
        if (input.Objective is { } objective && GlobalFrameworks.Objective(objective) is null)
        {
            errors.Add(nameof(input.Objective), searchText["A GCM objective is a number from 1 to {0}.", GlobalFrameworks.ObjectiveCount]);
        }
        string? themeName = null;
        if (input.Theme is { } theme && (themeName = await db.Themes.Where(x => x.Id == theme).Select(x => x.Name).FirstOrDefaultAsync(ct)) is null)
        {
            errors.Add(nameof(input.Theme), t["There is no such theme."]);
        }
        var language = string.IsNullOrWhiteSpace(input.Language) ? null : input.Language.Trim().ToLowerInvariant();
        if (language is not null && !IsLanguage(language))
        {
            errors.Add(nameof(input.Language), t["Give a language by its two-letter code (ISO 639-1), such as “fr”."]);
        }
        var region = string.IsNullOrWhiteSpace(input.Region) ? null : input.Region.Trim();
        if (region is not null && (region.Length > SavedSearchLimits.Region || !await db.Processes.AnyAsync(p => p.Region == region, ct)))
        {
            errors.Add(nameof(input.Region), t["There is no such region."]);
        }
        int? processId = null;
        var slug = string.IsNullOrWhiteSpace(input.Process) ? null : input.Process.Trim().ToLowerInvariant();
        if (slug is not null)
        {
            processId = await db.Processes.Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (processId is null)
            {
                errors.Add(nameof(input.Process), t["There is no process with this address."]);
            }
        }
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }
        var mine = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Name, s.Query, s.ProcessId, s.Kind, s.Year, s.Region, s.Level, s.Language, s.Theme, s.Objective }).ToListAsync(ct);
        if (mine.Count >= SavedSearchLimits.PerPerson)
        {
            return new Outcome(null, errors, t.Plural(SavedSearchLimits.PerPerson, "You keep {0} saved search, the most one may keep: remove one first.",
                "You keep {0} saved searches, the most one may keep: remove one first.").Value);
        }
        if (mine.FirstOrDefault(s => string.Equals(s.Query, query, StringComparison.OrdinalIgnoreCase) && s.ProcessId == processId && s.Kind == kind && s.Year == input.Year
            && s.Region == region && s.Level == level && s.Language == language && s.Theme == input.Theme && s.Objective == input.Objective) is { } same)
        {
            errors.Add(nameof(input.Q), t["You already saved this search, as “{0}”.", same.Name]);
            return new Outcome(null, errors);
        }
        var now = clock.GetUtcNow();
        var saved = new SavedSearch
        {
            UserId = userId,
            Name = name,
            Query = query,
            ProcessId = processId,
            Kind = kind,
            Year = input.Year,
            Region = region,
            Level = level,
            Language = language,
            Theme = input.Theme,
            Objective = input.Objective,
            CreatedAt = now,
            // The first mail tells of what comes after the search was saved: what it finds now, its owner has just seen.
            SeenUpTo = await db.SearchEntries.MaxAsync(e => (int?)e.Id, ct) ?? 0,
            DueAt = now + SavedSearchLimits.Every,
            StopToken = CalendarTokens.New(),
        };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return new Outcome(Row(saved.Id, saved.Name, saved.Query, slug, saved.Weekly, saved.CreatedAt,
            new SearchFilters(kind, saved.Year, region, level, language, saved.Theme, saved.Objective), themeName), errors);
    }

    /// <summary>Removes one of the person's saved searches; false when they have none with this id.</summary>
    public async Task<bool> RemoveAsync(string userId, int id, CancellationToken ct)
    {
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        if (saved is null)
        {
            return false;
        }
        db.SavedSearches.Remove(saved);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Starts or stops the weekly mail of one of the person's saved searches; its name, or null when they have none with this id.</summary>
    public async Task<string?> SetWeeklyAsync(string userId, int id, bool weekly, CancellationToken ct) =>
        await SetWeeklyAsync(db.SavedSearches.Where(s => s.Id == id && s.UserId == userId), weekly, ct);

    /// <summary>Stops the weekly mail named by the stop link of a mail; the search's name, or null when the link is unknown.</summary>
    public async Task<string?> StopAsync(string token, CancellationToken ct) =>
        token.Length is 0 or > 64 ? null : await SetWeeklyAsync(db.SavedSearches.Where(s => s.StopToken == token), weekly: false, ct);

    /// <summary>The name of the saved search a stop link names, or null.</summary>
    public async Task<string?> NameByTokenAsync(string token, CancellationToken ct) =>
        token.Length is 0 or > 64 ? null : await db.SavedSearches.Where(s => s.StopToken == token).Select(s => s.Name).SingleOrDefaultAsync(ct);

    private async Task<string?> SetWeeklyAsync(IQueryable<SavedSearch> which, bool weekly, CancellationToken ct)
    {
        var saved = await which.SingleOrDefaultAsync(ct);
        if (saved is null)
        {
            return null;
        }
        if (saved.Weekly != weekly)
        {
            saved.Weekly = weekly;
            if (weekly)
            {
                // Started again: from now on, not the weeks it was stopped.
                var now = clock.GetUtcNow();
                saved.SeenUpTo = await db.SearchEntries.MaxAsync(e => (int?)e.Id, ct) ?? 0;
                saved.DueAt = now + SavedSearchLimits.Every;
            }
            await db.SaveChangesAsync(ct);
        }
        return saved.Name;
    }

    /// <summary>Whether a code names a language the platform knows (the library's language facet gives ISO 639-1 codes).</summary>
    private static bool IsLanguage(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterLower))
        {
            return false;
        }
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(code, predefinedOnly: true).TwoLetterISOLanguageName == code;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }
}
