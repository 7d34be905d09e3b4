using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.PolicyImpact;

/// <summary>One policy change as the regional view and the API show it. Its themes are its own and those of the
/// recommendations it answers; its GCM objectives are those of the recommendations.</summary>
public sealed record PolicyChangeRow(
    int Id, string StateCode, string StateName, string Title, PolicyChangeKind Kind, DateOnly On, string? Link, string? Description,
    IReadOnlyList<AnsweredRecommendation> Recommendations, IReadOnlyList<string> Themes, IReadOnlyList<int> GcmObjectives);

public sealed record AnsweredRecommendation(int Id, int OutputId, string OutputTitle, int Number);

/// <summary>What the filter keeps: a theme (by name), a GCM objective (1-23), a kind of change; null keeps all.</summary>
public sealed record ConvergenceFilter(string? Theme, int? Objective, PolicyChangeKind? Kind)
{
    public bool Keeps(PolicyChangeRow row) =>
        (Theme is null || row.Themes.Contains(Theme, StringComparer.Ordinal))
        && (Objective is null || row.GcmObjectives.Contains(Objective.Value))
        && (Kind is null || row.Kind == Kind);
}

/// <summary>Regional convergence: which states changed what, under which theme and GCM objective, year by year. Every
/// figure is a number of policy changes; a change counts once under each of its themes and objectives.</summary>
public sealed record Convergence(
    IReadOnlyList<PolicyChangeRow> Changes,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> Objectives,
    IReadOnlyList<ConvergenceState> States,
    IReadOnlyList<ConvergenceYear> Years,
    IReadOnlyList<string> AllThemes,
    IReadOnlyList<int> AllObjectives)
{
    /// <summary>The changes <paramref name="readsFollowUp"/> lets the reader see (<see cref="PolicyChangeAccess"/>), newest
    /// first, and the tables made from those the filter keeps.</summary>
    public static async Task<Convergence> LoadAsync(AppDbContext db, int processId, bool readsFollowUp, ConvergenceFilter filter, CancellationToken ct)
    {
        var raw = await db.PolicyChanges.AsNoTracking()
            .Where(c => c.ProcessId == processId)
            .VisibleTo(readsFollowUp)
            .OrderByDescending(c => c.On).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.StateCode, c.Title, c.Kind, c.On, c.Link, c.Description,
                Recommendations = c.Recommendations.OrderBy(r => r.Recommendation!.OutputId).ThenBy(r => r.Recommendation!.Number)
                    .Select(r => new
                    {
                        r.RecommendationId,
                        r.Recommendation!.OutputId,
                        OutputTitle = r.Recommendation.Output!.Title,
                        r.Recommendation.Number,
                        Objectives = r.Recommendation.GcmObjectives.Select(g => g.Objective).ToList(),
                        Themes = r.Recommendation.Themes.Select(x => x.Theme!.Name).ToList(),
                    }).ToList(),
                Themes = c.Themes.Select(x => x.Theme!.Name).ToList(),
            })
            .ToListAsync(ct);
        var codes = raw.Select(c => c.StateCode).Distinct().ToList();
        var names = await db.States.NamesAsync(codes, ct);
        var rows = raw.Select(c => new PolicyChangeRow(
                c.Id, c.StateCode, names.GetValueOrDefault(c.StateCode, c.StateCode), c.Title, c.Kind, c.On, c.Link, c.Description,
                c.Recommendations.Select(r => new AnsweredRecommendation(r.RecommendationId, r.OutputId, r.OutputTitle, r.Number)).ToList(),
                c.Themes.Concat(c.Recommendations.SelectMany(r => r.Themes)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                c.Recommendations.SelectMany(r => r.Objectives).Distinct().Order().ToList()))
            .ToList();
        return Of(rows, filter);
    }

    public static Convergence Of(IReadOnlyList<PolicyChangeRow> all, ConvergenceFilter filter)
    {
        var kept = all.Where(filter.Keeps).ToList();
        var themes = kept.SelectMany(c => c.Themes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var objectives = kept.SelectMany(c => c.GcmObjectives).Distinct().Order().ToList();
        var states = kept.GroupBy(c => (c.StateCode, c.StateName))
            .Select(g => new ConvergenceState(g.Key.StateCode, g.Key.StateName, g.Count(),
                themes.ToDictionary(x => x, x => g.Count(c => c.Themes.Contains(x, StringComparer.Ordinal)), StringComparer.Ordinal),
                objectives.ToDictionary(o => o, o => g.Count(c => c.GcmObjectives.Contains(o)))))
            .OrderBy(s => s.StateName, StringComparer.CurrentCulture)
            .ToList();
        var years = kept.GroupBy(c => c.On.Year).OrderBy(g => g.Key)
            .Select(g => new ConvergenceYear(g.Key, g.Count(), g.Select(c => c.StateCode).Distinct().Count()))
            .ToList();
        return new Convergence(kept, themes, objectives, states, years,
            all.SelectMany(c => c.Themes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            all.SelectMany(c => c.GcmObjectives).Distinct().Order().ToList());
    }
}

/// <summary>One state's changes: in all, under each theme, under each GCM objective.</summary>
public sealed record ConvergenceState(string StateCode, string StateName, int Changes, IReadOnlyDictionary<string, int> ByTheme, IReadOnlyDictionary<int, int> ByObjective);

/// <summary>One year: how many changes, by how many states.</summary>
public sealed record ConvergenceYear(int Year, int Changes, int States);

/// <summary>The years drawn on the server as bars (changes per year), an SVG image whose accessible equivalent is the
/// table printed beside it. Built with XElement, which escapes the labels.</summary>
public static class ConvergenceChart
{
    private const int Width = 480, Height = 220, Left = 36, Bottom = 28, Top = 12;

    public static IHtmlContent Svg(IReadOnlyList<ConvergenceYear> years, string title, string description)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var largest = Math.Max(1, years.Count == 0 ? 1 : years.Max(y => y.Changes));
        var plot = Height - Bottom - Top;
        var slot = (Width - Left) / (double)Math.Max(1, years.Count);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var root = new XElement(svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "impact-chart-title impact-chart-desc"),
            new XElement(svg + "title", new XAttribute("id", "impact-chart-title"), title),
            new XElement(svg + "desc", new XAttribute("id", "impact-chart-desc"), description),
            new XElement(svg + "line", new XAttribute("x1", Left), new XAttribute("y1", Height - Bottom), new XAttribute("x2", Width), new XAttribute("y2", Height - Bottom), new XAttribute("stroke", "#6E6E6E")),
            new XElement(svg + "text", new XAttribute("x", Left - 6), new XAttribute("y", Top + 10), new XAttribute("text-anchor", "end"), new XAttribute("font-size", 12), largest),
            new XElement(svg + "text", new XAttribute("x", Left - 6), new XAttribute("y", Height - Bottom), new XAttribute("text-anchor", "end"), new XAttribute("font-size", 12), 0));
        foreach (var (year, i) in years.Select((y, i) => (y, i)))
        {
            var h = year.Changes * plot / (double)largest;
            var x = Left + (i * slot) + (slot * 0.2);
            root.Add(
                new XElement(svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(Height - Bottom - h)), new XAttribute("width", N(slot * 0.6)),
                    new XAttribute("height", N(h)), new XAttribute("fill", "#0072B2"), new XAttribute("data-year", year.Year), new XAttribute("data-changes", year.Changes)),
                new XElement(svg + "text", new XAttribute("x", N(x + (slot * 0.3))), new XAttribute("y", Height - 8), new XAttribute("text-anchor", "middle"), new XAttribute("font-size", 12), year.Year));
        }
        return new HtmlString(root.ToString(SaveOptions.DisableFormatting));
    }
}
