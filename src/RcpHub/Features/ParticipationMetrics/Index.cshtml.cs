using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Organizations;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.ParticipationMetrics;

/// <summary>/participation: public participation metrics. Civil society places per process and per meeting over the
/// years, by type, region, country and migrant-led, so that the unevenness between processes is visible.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [FromQuery(Name = "process")] public string? Process { get; set; }

    public ParticipationFigures Figures { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Label)> Processes { get; private set; } = [];
    public string? Selected { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Processes = [.. (await db.Processes.AsNoTracking().Where(p => !p.IsDemo).OrderBy(p => p.Acronym).Select(p => new { p.Slug, p.Acronym }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Acronym))];
        Selected = Processes.Any(p => p.Slug == Process) ? Process : null;
        var countries = await CivilSocietyDirectory.CountryNamesAsync(db, null, ct);
        Figures = await ParticipationFigures.LoadAsync(db, Selected, c => countries.GetValueOrDefault(c) ?? c, ct);
    }
}
