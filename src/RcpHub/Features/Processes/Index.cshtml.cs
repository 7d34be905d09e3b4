using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Processes;

/// <summary>The directory of every process, with filters that combine and a search over names and acronyms.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public ProcessFilter Filter { get; private set; } = ProcessFilter.None;
    public IReadOnlyList<ProcessSummary> Processes { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<string> Themes { get; private set; } = [];

    /// <summary>A status or kind typed into the address that is not one of ours; the page says so and does not filter by it.</summary>
    public bool HasInvalidFilter { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = ProcessFilter.Parse(Region, Status, Kind, Theme, Q, out var errors);
        HasInvalidFilter = errors.Count > 0;
        Processes = await ProcessDirectory.ListAsync(db, Filter, time.Today(), ct);
        Regions = await ProcessDirectory.RegionsAsync(db, ct);
        Themes = await ProcessDirectory.ThemesAsync(db, ct);
    }

    /// <summary>The CSV export of exactly what the page lists.</summary>
    public string CsvUrl => "/api/v1/processes.csv" + Filter.ToQueryString();
}
