using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Search;

/// <summary>/search?q=...(&amp;process=slug&amp;kind=document&amp;year=2025&amp;region=..&amp;level=ministerial&amp;language=fr&amp;theme=3&amp;objective=6&amp;p=2): the library, ranked, with facets, of what the
/// reader may see (<see cref="SiteSearch"/>). Open to everyone; anonymous visitors find public things only.</summary>
[Requires(Operation.ViewPublicRegistry)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(AppDbContext db, SearchRanks ranks, MeetingReaders readers, MeetingLabels labels, IStringLocalizer<SearchText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Process { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Objective { get; set; }

    /// <summary>The page of results ("p": "page" is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int P { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The page opened without a query shows the form alone; a query submitted empty is told what is missing.
        if (!Request.Query.ContainsKey("q"))
        {
            return Page();
        }
        if (SiteSearch.Problem(Q, t) is { } problem)
        {
            ModelState.AddModelError(nameof(Q), problem);
            return Page();
        }
        // A facet link is the only way to a kind, level or objective: one that names none (edited by hand) is left out.
        SiteSearch.TryKind(Kind, out var kind);
        SiteSearch.TryLevel(Level, out var level);
        var objective = Objective is { } number && GlobalFrameworks.Objective(number) is not null ? Objective : null;
        // One connection for the search's queries rather than one taken from the pool and returned for each.
        await db.Database.OpenConnectionAsync(ct);
        var reader = await readers.CurrentAsync(User);
        Results = await SiteSearch.RunAsync(db, ranks, reader, Q!, Process, new SearchFilters(kind, Year, Region, level, Language, Theme, objective), P, ct);
        return Results is null ? NotFound() : Page();
    }

    /// <summary>This search within <paramref name="process"/> (null: every process), narrowed to <paramref name="filters"/>.</summary>
    public string Link(string? process, SearchFilters filters, int page = 1) => Address(Q ?? "", process, filters, page);

    /// <summary>The address of a search (what a saved search runs).</summary>
    public static string Address(string q, string? process, SearchFilters filters, int page = 1)
    {
        var query = new List<KeyValuePair<string, string?>> { new("q", q) };
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                query.Add(new(name, value is Enum ? value.ToString()!.ToLowerInvariant() : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        Add("process", process);
        Add("kind", filters.Kind);
        Add("year", filters.Year);
        Add("region", filters.Region);
        Add("level", filters.Level);
        Add("language", filters.Language);
        Add("theme", filters.Theme);
        Add("objective", filters.Objective);
        Add("p", page > 1 ? page : null);
        return "/search" + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>This search again, in every process.</summary>
    public string Everywhere => Link(null, Results?.Filters ?? new());

    /// <summary>A facet shown as a list: its values with their counts, the chosen one marked, and a way back to any value.</summary>
    public sealed record FacetList(string Css, string Title, string AnyLabel, string? AnyLink, IReadOnlyList<FacetItem> Items);

    /// <summary>A value of a facet: <see cref="Link"/> null for the value chosen.</summary>
    public sealed record FacetItem(string Text, string? Lang, string? Link);

    /// <summary>The facets after kinds and processes, each leaving out the values no result has.</summary>
    public IEnumerable<FacetList> Lists(SearchResults results)
    {
        var f = results.Filters;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        FacetList List(string css, string title, string any, bool chosen, SearchFilters withoutIt, IReadOnlyList<FacetCount> values,
            Func<FacetCount, bool> isChosen, Func<FacetCount, SearchFilters> choose, Func<FacetCount, string> text, bool ownLanguage = false) =>
            new(css, title, any, chosen ? Link(Process, withoutIt) : null,
                [.. values.Select(v => new FacetItem($"{text(v)} ({v.Count})", ownLanguage ? v.Value : null, isChosen(v) ? null : Link(Process, choose(v))))]);

        yield return List("years", t["By year"], t["Any year"], f.Year is not null, f with { Year = null }, results.Facets.Years,
            v => f.Year?.ToString(invariant) == v.Value, v => f with { Year = int.Parse(v.Value, invariant) }, v => v.Label);
        yield return List("regions", t["By region"], t["Any region"], f.Region is not null, f with { Region = null }, results.Facets.Regions,
            v => f.Region == v.Value, v => f with { Region = v.Value }, v => v.Label);
        yield return List("levels", t["By meeting level"], t["Any level"], f.Level is not null, f with { Level = null }, results.Facets.Levels,
            v => f.Level?.ToString() == v.Value, v => f with { Level = Enum.Parse<MeetingLevel>(v.Value) }, v => labels.Level(Enum.Parse<MeetingLevel>(v.Value)));
        yield return List("languages", t["By language"], t["Any language"], f.Language is not null, f with { Language = null }, results.Facets.Languages,
            v => f.Language == v.Value, v => f with { Language = v.Value }, v => v.Label, ownLanguage: true);
        yield return List("themes", t["By theme"], t["Any theme"], f.Theme is not null, f with { Theme = null }, results.Facets.Themes,
            v => f.Theme?.ToString(invariant) == v.Value, v => f with { Theme = int.Parse(v.Value, invariant) }, v => v.Label);
        yield return List("objectives", t["By GCM objective"], t["Any objective"], f.Objective is not null, f with { Objective = null }, results.Facets.Objectives,
            v => f.Objective?.ToString(invariant) == v.Value, v => f with { Objective = int.Parse(v.Value, invariant) }, v => v.Label);
    }

    /// <summary>The class and id stem of a kind in the page (as before the library: "agenda-item", "document").</summary>
    public static string Css(SearchKind kind) => kind switch
    {
        SearchKind.AgendaItem => "agenda-item",
        SearchKind.SessionReport => "session-report",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The id of a kind's facet value (as before the library, where each kind had a section).</summary>
    public static string FacetId(SearchKind kind) => kind switch
    {
        SearchKind.AgendaItem => "found-agenda",
        SearchKind.SessionReport => "found-session-reports",
        _ => "found-" + kind.ToString().ToLowerInvariant() + "s",
    };

    public string Label(SearchKind kind) => Label(kind, t);

    /// <summary>A kind's name in the reader's language.</summary>
    public static string Label(SearchKind kind, IStringLocalizer<SearchText> t) => kind switch
    {
        SearchKind.Process => t["Process"],
        SearchKind.State => t["State"],
        SearchKind.Organization => t["Organisation"],
        SearchKind.Meeting => t["Meeting"],
        SearchKind.AgendaItem => t["Agenda item"],
        SearchKind.Session => t["Session"],
        SearchKind.SessionReport => t["Session report"],
        SearchKind.Document => t["Document"],
        SearchKind.Output => t["Output"],
        SearchKind.Practice => t["Good practice"],
        SearchKind.Recommendation => t["Recommendation"],
        SearchKind.Compilation => t["Data compilation"],
        _ => kind.ToString(),
    };

    public string Count(SearchKind kind, int count) => kind switch
    {
        SearchKind.Process => t["Processes ({0})", count],
        SearchKind.State => t["States ({0})", count],
        SearchKind.Organization => t["Organisations ({0})", count],
        SearchKind.Meeting => t["Meetings ({0})", count],
        SearchKind.AgendaItem => t["Agenda items ({0})", count],
        SearchKind.Session => t["Sessions ({0})", count],
        SearchKind.SessionReport => t["Session reports ({0})", count],
        SearchKind.Document => t["Documents ({0})", count],
        SearchKind.Output => t["Outputs ({0})", count],
        SearchKind.Practice => t["Good practices ({0})", count],
        SearchKind.Recommendation => t["Recommendations ({0})", count],
        SearchKind.Compilation => t["Data compilations ({0})", count],
        _ => $"{kind} ({count})",
    };
}
