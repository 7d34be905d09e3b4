using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Map;

/// <summary>/processes/{slug}/map: a process's member and observer states on the world map, and in lists.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ProcessMapModel(AppDbContext db, TimeProvider time, IStringLocalizer<MapText> t) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Acronym { get; private set; } = "";
    public string Name { get; private set; } = "";
    public MapView Map { get; private set; } = null!;
    public IReadOnlyList<MappedState> Members { get; private set; } = [];
    public IReadOnlyList<MappedState> Observers { get; private set; } = [];

    public sealed record MappedState(string Code, string Name, bool Drawn);

    public async Task<IActionResult> OnGetAsync()
    {
        var today = time.Today();
        var current = Membership.CurrentOn(today);
        var process = await db.Processes.AsNoTracking()
            .Where(p => p.Id == HttpContext.AddressedProcess().Id)
            .Select(p => new
            {
                p.Slug,
                p.Acronym,
                p.Name,
                States = p.Memberships.AsQueryable().Where(current)
                    .Where(m => m.StateCode != null && (m.Role == MembershipRole.Member || m.Role == MembershipRole.Observer))
                    .Select(m => new { Code = m.StateCode!, m.Role })
                    .ToList(),
            })
            .SingleOrDefaultAsync();
        if (process is null)
        {
            return NotFound();
        }
        var states = await db.States.AsNoTracking().ToListAsync();
        (Slug, Acronym, Name) = (process.Slug, process.Acronym, process.Name);

        // A state listed both ways counts as a member: membership is the stronger tie.
        var members = process.States.Where(s => s.Role == MembershipRole.Member).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var observers = process.States.Where(s => s.Role == MembershipRole.Observer && !members.Contains(s.Code)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var language = Cultures.Current;
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.None);
        List<MappedState> Listed(HashSet<string> codes) => states.Where(s => codes.Contains(s.Code))
            .Select(s => new MappedState(s.Code, s.Name(language), WorldShapes.World.Draws(s.Numeric)))
            .OrderBy(s => s.Name, byName)
            .ToList();
        Members = Listed(members);
        Observers = Listed(observers);
        Map = MapView.Of(t["Member and observer states of {0}", Acronym], states,
            code => members.Contains(code) ? "member" : observers.Contains(code) ? "observer" : null);
        return Page();
    }
}
