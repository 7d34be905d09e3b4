using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.Infrastructure.Localization;

/// <summary>How the pages that show who holds what (an account, invitations, the people of a process, data requests)
/// name states.</summary>
public static class StateNaming
{
    /// <summary>State names in the current language for the given codes, in one query.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(this IQueryable<State> states, IEnumerable<string?> codes, CancellationToken ct = default)
    {
        var wanted = codes.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var found = await states.AsNoTracking().Where(s => wanted.Contains(s.Code)).ToListAsync(ct);
        var language = Cultures.Current;
        return found.ToDictionary(s => s.Code, s => s.Name(language));
    }
}
