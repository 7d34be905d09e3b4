using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Processes;

/// <summary>The registry's themes (<see cref="Domain.Theme"/>) chosen to tag something: a meeting, a good practice, a
/// policy change, an official's files, an organisation's focus. One check for all of them.</summary>
public static class ThemeTags
{
    /// <summary>How many themes one meeting, practice, policy change or official's files are tagged with at most.</summary>
    public const int Most = 20;

    /// <summary>Whether <paramref name="ids"/> (distinct) are at most <paramref name="most"/> themes of the registry.</summary>
    public static async Task<bool> AreChosenWellAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct, int most = Most) =>
        ids.Count <= most && (ids.Count == 0 || await db.Themes.CountAsync(x => ids.Contains(x.Id), ct) == ids.Count);

    /// <summary>Every theme of the registry, to choose from: sorted by name as the reader's language sorts names
    /// (<see cref="RegistrySorting.Names"/>), the same on either database.</summary>
    public static async Task<IReadOnlyList<ThemeName>> ChoicesAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Themes.AsNoTracking().Select(x => new ThemeName(x.Id, x.Name)).ToListAsync(ct)).OrderBy(x => x.Name, RegistrySorting.Names)];
}

/// <summary>A theme of the registry by its id and name: one to choose, or one something is tagged with.</summary>
public sealed record ThemeName(int Id, string Name);
