using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Map;

/// <summary>/map: every state shaded by how many processes it is a member of now, with the counts as a table.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, IStringLocalizer<MapText> t) : PageModel
{
    /// <summary>The shading bands, by number of processes; the last is open-ended. Few enough to tell apart.</summary>
    internal static readonly (int Min, int? Max)[] Bands = [(1, 1), (2, 2), (3, 4), (5, 6), (7, null)];

    public MapView Map { get; private set; } = null!;
    public IReadOnlyList<StateCount> Counts { get; private set; } = [];
    public IReadOnlyList<ProcessLink> Processes { get; private set; } = [];

    public sealed record StateCount(string Code, string Name, int Processes, string Band, bool Drawn);
    public sealed record ProcessLink(string Slug, string Acronym, string Name);

    public async Task OnGetAsync()
    {
        var counts = await db.Memberships.AsNoTracking()
            .CurrentMemberStatesOn(time.Today())
            .GroupBy(m => m.StateCode!)
            .Select(g => new { Code = g.Key, Processes = g.Select(m => m.ProcessId).Distinct().Count() })
            .ToDictionaryAsync(c => c.Code, c => c.Processes);
        var states = await db.States.AsNoTracking().ToListAsync();
        Processes = await db.Processes.AsNoTracking().Where(p => !p.IsDemo).OrderBy(p => p.Acronym)
            .Select(p => new ProcessLink(p.Slug, p.Acronym, p.Name)).ToListAsync();

        var language = Cultures.Current;
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.None);
        Counts = states.Where(s => counts.ContainsKey(s.Code))
            .Select(s => new StateCount(s.Code, s.Name(language), counts[s.Code], BandOf(counts[s.Code]), WorldShapes.World.Draws(s.Numeric)))
            .OrderByDescending(c => c.Processes).ThenBy(c => c.Name, byName)
            .ToList();
        Map = MapView.Of(t["Member states by number of processes"], states, code => counts.TryGetValue(code, out var n) ? BandOf(n) : null);
    }

    internal static string BandOf(int processes) =>
        "band-" + (Array.FindIndex(Bands, b => processes >= b.Min && (b.Max is null || processes <= b.Max)) + 1);

    public string Label((int Min, int? Max) band) => band switch
    {
        (var min, null) => t["{0} or more", min],
        (var min, var max) when min == max => min.ToString(CultureInfo.CurrentCulture),
        (var min, var max) => string.Create(CultureInfo.CurrentCulture, $"{min}–{max}"),
    };
}
