using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Search;

/// <summary>/search?q=...(&amp;process=slug&amp;kind=document&amp;year=2025&amp;p=2): the library, ranked, with facets, of what the
/// reader may see (<see cref="SiteSearch"/>). Open to everyone; anonymous visitors find public things only.</summary>
[Requires(Operation.ViewPublicRegistry)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, IStringLocalizer<SearchText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Process { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

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
        // A facet link is the only way to a kind: one that names no kind (edited by hand) is left out.
        SiteSearch.TryKind(Kind, out var kind);
        var reader = await readers.CurrentAsync(User);
        Results = await SiteSearch.RunAsync(db, reader, Q!, Process, kind, Year, P, ct);
        return Results is null ? NotFound() : Page();
    }

    /// <summary>This search with some filters changed (a null process, kind or year: any).</summary>
    public string Link(string? process, SearchKind? kind, int? year, int page = 1) => Address(Q ?? "", process, kind, year, page);

    /// <summary>The address of a search (what a saved search runs).</summary>
    public static string Address(string q, string? process, SearchKind? kind, int? year, int page = 1)
    {
        var query = new List<KeyValuePair<string, string?>> { new("q", q) };
        if (process is not null)
        {
            query.Add(new("process", process));
        }
        if (kind is not null)
        {
            query.Add(new("kind", kind.Value.ToString().ToLowerInvariant()));
        }
        if (year is not null)
        {
            query.Add(new("year", year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (page > 1)
        {
            query.Add(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return "/search" + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>This search again, in every process.</summary>
    public string Everywhere => Link(null, Results?.Kind, Results?.Year);

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

    public string Label(SearchKind kind) => kind switch
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
        _ => $"{kind} ({count})",
    };
}
