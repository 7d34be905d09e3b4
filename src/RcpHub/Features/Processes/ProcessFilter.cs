using RcpHub.Domain;

namespace RcpHub.Features.Processes;

/// <summary>The directory's filters, read from the query string by the page, the JSON list and the CSV export
/// alike. Filters combine (AND); empty values do not filter.</summary>
public sealed record ProcessFilter(string? Region, ProcessStatus? Status, ProcessKind? Kind, string? Theme, string? Query)
{
    /// <summary>Longer searches are cut: no name in the registry comes near it.</summary>
    private const int MaxQueryLength = 200;

    public static readonly ProcessFilter None = new(null, null, null, null, null);

    public bool IsEmpty => this == None;

    /// <summary>Reads raw query-string values. A status or kind that is not one of the enum's names is reported
    /// in <paramref name="errors"/> (keyed by parameter) rather than silently ignored.</summary>
    public static ProcessFilter Parse(string? region, string? status, string? kind, string? theme, string? q, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var parsedStatus = ParseEnum<ProcessStatus>("status", status, errors);
        var parsedKind = ParseEnum<ProcessKind>("kind", kind, errors);
        var query = Blank(q);
        return new ProcessFilter(Blank(region), parsedStatus, parsedKind, Blank(theme), query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query);
    }

    public IQueryable<Process> Apply(IQueryable<Process> processes)
    {
        // The fictitious demo process is reached at its own address, never counted among the real ones.
        processes = processes.Where(p => !p.IsDemo);
        if (Region is not null)
        {
            processes = processes.Where(p => p.Region == Region);
        }
        if (Status is not null)
        {
            processes = processes.Where(p => p.Status == Status);
        }
        if (Kind is not null)
        {
            processes = processes.Where(p => p.Kind == Kind);
        }
        if (Theme is not null)
        {
            processes = processes.Where(p => p.Themes.Any(t => t.Name == Theme));
        }
        if (Query is not null)
        {
            // ToLower on both sides: case-insensitive on SQLite and PostgreSQL alike.
            var q = Query.ToLowerInvariant();
            processes = processes.Where(p => p.Name.ToLower().Contains(q) || p.Acronym.ToLower().Contains(q));
        }
        return processes;
    }

    /// <summary>The filter as a query string (e.g. "?status=Dormant"), for links that keep it, such as the CSV export.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }
        Add("region", Region);
        Add("status", Status?.ToString());
        Add("kind", Kind?.ToString());
        Add("theme", Theme);
        Add("q", Query);
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T? ParseEnum<T>(string name, string? value, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        value = Blank(value);
        if (value is null)
        {
            return null;
        }
        // Enum.TryParse also accepts numbers and comma lists; only a member's name is a valid filter.
        if (value.All(char.IsAsciiLetter) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }
        errors[name] = [$"'{value}' is not a {name}. Use one of: {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }
}
