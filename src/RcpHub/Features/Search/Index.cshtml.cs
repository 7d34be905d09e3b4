using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Search;

/// <summary>/search?q=...(&amp;process=slug): processes, meetings, agenda items and documents matching some words, of
/// what the reader may see (<see cref="SiteSearch"/>). Open to everyone; anonymous visitors find public things only.</summary>
[Requires(Operation.ViewPublicRegistry)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, IStringLocalizer<SearchText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Process { get; set; }

    public SearchResults? Results { get; private set; }
    public string ReaderZone { get; private set; } = TimeZones.Utc;

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
        var reader = await readers.CurrentAsync(User);
        ReaderZone = TimeZones.ReaderZone(HttpContext, reader);
        Results = await SiteSearch.RunAsync(db, reader, Q!, Process, ct);
        return Results is null ? NotFound() : Page();
    }

    /// <summary>This search again, in every process.</summary>
    public string Everywhere => "/search" + QueryString.Create("q", Q ?? "").ToUriComponent();
}
