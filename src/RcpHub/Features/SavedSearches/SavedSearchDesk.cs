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
}

/// <summary>A saved search as its owner lists it: <see cref="Kind"/> is a kind's name (Document, Meeting...); <see cref="Path"/>
/// runs it on /search.</summary>
public sealed record SavedSearchRow(int Id, string Name, string Query, string? Process, string? Kind, int? Year, bool Weekly, DateTimeOffset CreatedAt, string Path);

/// <summary>Keeps, lists, stops and removes a person's saved searches, for the pages and the API alike. Every rule of what
/// may be stored is here; nothing is stored when one fails.</summary>
public sealed class SavedSearchDesk(AppDbContext db, TimeProvider clock, IStringLocalizer<SavedSearchesText> t, IStringLocalizer<SearchText> searchText)
{
    public sealed record Outcome(SavedSearchRow? Saved, FieldErrors Errors, string? Refusal = null);

    public async Task<IReadOnlyList<SavedSearchRow>> ListAsync(string userId, CancellationToken ct) =>
        (await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Query, Process = s.Process != null ? s.Process.Slug : null, s.Kind, s.Year, s.Weekly, s.CreatedAt })
            .ToListAsync(ct))
        .Select(s => new SavedSearchRow(s.Id, s.Name, s.Query, s.Process, s.Kind?.ToString(), s.Year, s.Weekly, s.CreatedAt, Path(s.Query, s.Process, s.Kind, s.Year)))
        .ToList();

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
            .Select(s => new { s.Name, s.Query, s.ProcessId, s.Kind, s.Year }).ToListAsync(ct);
        if (mine.Count >= SavedSearchLimits.PerPerson)
        {
            return new Outcome(null, errors, t.Plural(SavedSearchLimits.PerPerson, "You keep {0} saved search, the most one may keep: remove one first.",
                "You keep {0} saved searches, the most one may keep: remove one first.").Value);
        }
        if (mine.FirstOrDefault(s => string.Equals(s.Query, query, StringComparison.OrdinalIgnoreCase) && s.ProcessId == processId && s.Kind == kind && s.Year == input.Year) is { } same)
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
            CreatedAt = now,
            // The first mail tells of what comes after the search was saved: what it finds now, its owner has just seen.
            SeenUpTo = await db.SearchEntries.MaxAsync(e => (int?)e.Id, ct) ?? 0,
            DueAt = now + SavedSearchLimits.Every,
            StopToken = CalendarTokens.New(),
        };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return new Outcome(new SavedSearchRow(saved.Id, saved.Name, saved.Query, slug, kind?.ToString(), saved.Year, saved.Weekly, saved.CreatedAt, Path(query, slug, kind, saved.Year)), errors);
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

    private static string Path(string query, string? process, SearchKind? kind, int? year) => Search.IndexModel.Address(query, process, new Search.SearchFilters(kind, year));
}
