using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Organizations;

/// <summary>/organizations/civil-society: the public directory of civil society organisations, with filters that
/// combine (type, country, theme, migrant-led, verified, language), each a plain link-able address.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class CivilSocietyModel(AppDbContext db) : PageModel
{
    [FromQuery(Name = "type")] public CivilSocietyType? Type { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "theme")] public int? Theme { get; set; }
    [FromQuery(Name = "migrantLed")] public bool? MigrantLed { get; set; }
    [FromQuery(Name = "verified")] public bool? Verified { get; set; }
    [FromQuery(Name = "language")] public string? Language { get; set; }

    public DirectoryFilter Filter { get; private set; } = new(null, null, null, null, null, null);
    public IReadOnlyList<DirectoryEntry> Organizations { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Countries { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<ThemeName> Themes { get; private set; } = [];

    public string CountryName(string code) => Countries.GetValueOrDefault(code) ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = CivilSocietyDirectory.Filter(Type, Country, Theme, MigrantLed, Verified, Language);
        Organizations = await CivilSocietyDirectory.ListAsync(db, Filter, ct);
        Countries = await CivilSocietyDirectory.CountryNamesAsync(db, null, ct);
        Themes = await ThemeTags.ChoicesAsync(db, ct);
    }
}
