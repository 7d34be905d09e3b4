using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.Infrastructure.Localization;

/// <summary>How pages, reports and the audit log name the states they list by code: one query for all of them, each
/// state in the reader's language.</summary>
public static class StateNaming
{
    /// <summary>State names in the current language for the given codes, in one query.</summary>
    public static Task<Dictionary<string, string>> NamesAsync(this IQueryable<State> states, IEnumerable<string?> codes, CancellationToken ct = default) =>
        states.NamesAsync(codes, Cultures.Current, ct);

    /// <summary>State names in <paramref name="language"/> for the given codes, in one query. A code with no state is left
    /// out: callers show the code.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(this IQueryable<State> states, IEnumerable<string?> codes, string language, CancellationToken ct = default)
    {
        var wanted = codes.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var found = await states.AsNoTracking().Where(s => wanted.Contains(s.Code)).ToListAsync(ct);
        return found.ToDictionary(s => s.Code, s => s.Name(language), StringComparer.Ordinal);
    }
}
