using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>The one answer to "what is status S called in process P in language L": the process's own label where its
/// secretariat set one (<see cref="StatusLabel"/>), the platform's translated label otherwise. Every page, export and
/// report that names a status (follow-up, evaluation, accountability) asks here.</summary>
public static class StatusLabels
{
    public static readonly ImplementationStatus[] All = Enum.GetValues<ImplementationStatus>();

    /// <summary>The platform's label in English: the resource key of its translations.</summary>
    public static string English(ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => "Not started",
        ImplementationStatus.Planned => "Planned",
        ImplementationStatus.InProgress => "In progress",
        ImplementationStatus.Implemented => "Implemented",
        _ => "Not applicable",
    };

    /// <summary>The platform's label of <paramref name="status"/> translated into <paramref name="language"/>.</summary>
    public static string Default(IStringLocalizer<FollowUpText> t, ImplementationStatus status, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.OrDefault(language));
            return t[English(status)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The label of every status in process <paramref name="processId"/> in <paramref name="language"/> (one query).</summary>
    public static async Task<IReadOnlyDictionary<ImplementationStatus, string>> ForAsync(
        AppDbContext db, IStringLocalizer<FollowUpText> t, int processId, string language, CancellationToken ct)
    {
        language = Cultures.OrDefault(language);
        var own = await db.StatusLabels.AsNoTracking().Where(l => l.ProcessId == processId && l.Language == language)
            .ToDictionaryAsync(l => l.Status, l => l.Label, ct);
        return All.ToDictionary(s => s, s => own.TryGetValue(s, out var label) ? label : Default(t, s, language));
    }

    /// <summary>The label of status <paramref name="status"/> in process <paramref name="processId"/> in <paramref name="language"/>.</summary>
    public static async Task<string> LabelAsync(
        AppDbContext db, IStringLocalizer<FollowUpText> t, int processId, ImplementationStatus status, string language, CancellationToken ct) =>
        (await ForAsync(db, t, processId, language, ct))[status];

    /// <summary>Every name a status goes by in the process, in every language, and its code: what a spreadsheet row may
    /// hold. A name given to two statuses (by two languages) names neither.</summary>
    public static async Task<IReadOnlyDictionary<string, ImplementationStatus>> NamesAsync(
        AppDbContext db, IStringLocalizer<FollowUpText> t, int processId, CancellationToken ct)
    {
        var own = await db.StatusLabels.AsNoTracking().Where(l => l.ProcessId == processId).Select(l => new { l.Status, l.Label }).ToListAsync(ct);
        var names = All.Select(s => (Name: s.ToString(), Status: s))
            .Concat(Cultures.Supported.SelectMany(l => All.Select(s => (Name: Default(t, s, l), Status: s))))
            .Concat(own.Select(l => (Name: l.Label, l.Status)));
        var found = new Dictionary<string, ImplementationStatus>(StringComparer.OrdinalIgnoreCase);
        var ambiguous = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, status) in names)
        {
            var key = name.Trim();
            if (found.TryGetValue(key, out var known) && known != status)
            {
                ambiguous.Add(key);
            }
            found[key] = status;
        }
        foreach (var name in ambiguous)
        {
            found.Remove(name);
        }
        return found;
    }

    public static string Review(IStringLocalizer<FollowUpText> t, ReviewState review) => review switch
    {
        ReviewState.Submitted => t["Submitted"],
        ReviewState.ClarificationAsked => t["Clarification asked"],
        _ => t["Validated"],
    };
}
