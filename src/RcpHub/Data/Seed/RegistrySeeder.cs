using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.Data.Seed;

/// <summary>Loads the public registry into an empty database from the files copied into Data/Seed:
/// iscm-registry.json (facts with sources; null means not known), countries.json (ISO 3166-1 with names
/// in every interface language), organizations.json (one organisation under its several spellings, and
/// roles that the registry states in prose) and chair-history.json (chair terms the registry lists in prose).</summary>
public static class RegistrySeeder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.Processes.AnyAsync(ct))
        {
            return;
        }
        var countries = Read<CountriesFile>("countries.json");
        var registry = Read<RegistryFile>("iscm-registry.json");
        var organizationsFile = Read<OrganizationsFile>("organizations.json");
        var chairs = Read<ChairHistoryFile>("chair-history.json");

        db.States.AddRange(countries.Countries.Select(c => new State
        {
            Code = c.Code, Alpha2 = c.Alpha2, Numeric = c.Numeric,
            NameEn = c.En, NameFr = c.Fr, NameEs = c.Es, NameRu = c.Ru, NameAr = c.Ar,
        }));

        var organizations = new OrganizationDirectory(organizationsFile);
        var themes = new Dictionary<string, Theme>(StringComparer.OrdinalIgnoreCase);
        var processes = new Dictionary<string, Process>(StringComparer.Ordinal);
        foreach (var r in registry.Processes)
        {
            var (status, statusNote) = ParseStatus(r.Status);
            var process = new Process
            {
                Slug = Slugs.From(r.Acronym),
                Acronym = r.Acronym,
                Name = r.Name,
                Kind = r.Kind switch
                {
                    "RCP" => ProcessKind.RegionalConsultativeProcess,
                    "IRF" => ProcessKind.InterRegionalForum,
                    "Global" => ProcessKind.GlobalProcess,
                    _ => throw new InvalidDataException($"Unknown kind '{r.Kind}' for {r.Acronym}."),
                },
                Region = r.Region,
                Status = status,
                StatusNote = statusNote,
                FoundedYear = r.Founded,
                FormalInstitution = r.FormalInstitution,
                SecretariatDescription = r.Secretariat,
                ChairDescription = string.IsNullOrWhiteSpace(r.Chair) ? null : r.Chair,
                IomRole = r.IomRole,
                Notes = r.Notes,
                // "members": null in the registry means no source lists them, which is not the same as none.
                MemberStatesKnown = r.Members is not null,
            };
            process.Sources.Add(new ProcessSource { Url = r.Source, IsPrimary = true });
            process.Sources.AddRange((r.AdditionalSources ?? []).Distinct().Where(u => u != r.Source).Select(u => new ProcessSource { Url = u }));
            foreach (var name in (r.Themes ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!themes.TryGetValue(name, out var theme))
                {
                    theme = themes[name] = new Theme { Name = name };
                }
                process.Themes.Add(theme);
            }
            process.Memberships.AddRange((r.Members ?? []).Distinct().Select(code => new Membership { StateCode = code, Role = MembershipRole.Member }));
            process.Memberships.AddRange((r.ObserverStates ?? []).Distinct().Select(code => new Membership { StateCode = code, Role = MembershipRole.Observer }));
            process.Memberships.AddRange((r.MemberOrganizations ?? []).Select(n => new Membership { Organization = organizations.Get(n), Role = MembershipRole.Member }));
            process.Memberships.AddRange((r.ObserverOrganizations ?? []).Select(n => new Membership { Organization = organizations.Get(n), Role = MembershipRole.Observer }));
            processes[r.Acronym] = process;
        }

        foreach (var role in organizationsFile.Roles)
        {
            var process = processes[role.Process];
            var organization = organizations.Get(role.Organization);
            if (process.Memberships.Any(m => m.Organization == organization && m.Role == role.Role))
            {
                continue;
            }
            process.Memberships.Add(new Membership { Organization = organization, Role = role.Role, Note = role.Note });
        }
        foreach (var term in chairs.Terms)
        {
            var process = processes[term.Process];
            process.ChairTerms.Add(new ChairTerm
            {
                StateCode = term.State,
                Organization = term.Organization is null ? null : organizations.Get(term.Organization),
                StartYear = term.StartYear,
                EndYear = term.EndYear,
                Note = term.Note,
                Basis = term.Basis is null ? ChairTermBasis.Stated : Enum.Parse<ChairTermBasis>(term.Basis),
                SourceUrl = process.Sources.Where(s => s.IsPrimary).Select(s => s.Url).FirstOrDefault(),
            });
        }
        foreach (var rotation in chairs.Rotations)
        {
            var process = processes[rotation.Process];
            process.ChairTermMonths = rotation.TermMonths;
            process.ChairRotation.AddRange(rotation.Order.Select((code, i) => new ChairRotationSlot { StateCode = code, Position = i + 1 }));
        }

        db.Processes.AddRange(processes.Values);
        db.GlobalMeetings.AddRange(registry.GlobalRcpMeetings.Select(ToGlobalMeeting));
        await db.SaveChangesAsync(ct);
    }

    private static (ProcessStatus?, string?) ParseStatus(string? status) => status switch
    {
        null => (null, null),
        "active" => (ProcessStatus.Active, null),
        "emerging" => (ProcessStatus.Emerging, null),
        "dormant" => (ProcessStatus.Dormant, null),
        _ when status.StartsWith("dormant", StringComparison.Ordinal) => (ProcessStatus.Dormant, status),
        _ when status.StartsWith("active", StringComparison.Ordinal) => (ProcessStatus.Active, status),
        _ => (null, status),
    };

    private static GlobalMeeting ToGlobalMeeting(GlobalMeetingRecord g)
    {
        var parts = g.Date.Split('/');
        var yearOnly = parts[0].Length == 4;
        var starts = yearOnly
            ? new DateOnly(int.Parse(parts[0], CultureInfo.InvariantCulture), 1, 1)
            : DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new GlobalMeeting
        {
            Number = g.Number,
            Name = g.Name,
            StartsOn = starts,
            EndsOn = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            YearOnly = yearOnly,
            Location = g.Location,
            Host = g.Host,
            Theme = g.Theme,
            Participation = g.Participation,
            SourceUrl = g.Source,
        };
    }

    internal static T Read<T>(string fileName)
    {
        using var stream = typeof(RegistrySeeder).Assembly.GetManifestResourceStream("RcpHub.Seed." + fileName)
            ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{fileName} is empty.");
    }

    /// <summary>Finds an organisation under any of its spellings; a name not listed becomes an organisation of its own.</summary>
    private sealed class OrganizationDirectory
    {
        private readonly Dictionary<string, Organization> _byName = new(StringComparer.OrdinalIgnoreCase);

        public OrganizationDirectory(OrganizationsFile file)
        {
            foreach (var o in file.Organizations)
            {
                var organization = new Organization { Slug = o.Slug, Name = o.Name, Acronym = o.Acronym, Kind = o.Kind };
                foreach (var alias in o.Aliases.Append(o.Name).Append(o.Slug).Concat(o.Acronym is null ? [] : [o.Acronym]))
                {
                    _byName[alias] = organization;
                }
            }
        }

        public Organization Get(string name)
        {
            if (!_byName.TryGetValue(name, out var organization))
            {
                organization = _byName[name] = new Organization { Slug = Slugs.From(name), Name = name, Kind = OrganizationKind.Other };
            }
            return organization;
        }
    }

    private sealed record CountriesFile(List<CountryRecord> Countries);
    private sealed record CountryRecord(string Code, string Alpha2, string Numeric, string En, string Fr, string Es, string Ru, string Ar);

    private sealed record RegistryFile(List<ProcessRecord> Processes, List<GlobalMeetingRecord> GlobalRcpMeetings);

    private sealed record ProcessRecord(
        string Acronym, string Name, string Kind, string Region, string? Status, int? Founded,
        List<string>? Members, List<string>? MemberOrganizations, List<string>? ObserverStates, List<string>? ObserverOrganizations,
        string? Secretariat, string? IomRole, string? Chair, List<string>? Themes, string? FormalInstitution,
        string Source, List<string>? AdditionalSources, string? Notes);

    private sealed record GlobalMeetingRecord(int Number, string Name, string Date, string Location, string? Host, string? Theme, string? Participation, string Source);

    internal sealed record OrganizationsFile(List<OrganizationRecord> Organizations, List<OrganizationRoleRecord> Roles);
    internal sealed record OrganizationRecord(string Slug, string Name, string? Acronym, OrganizationKind Kind, List<string> Aliases);
    internal sealed record OrganizationRoleRecord(string Process, string Organization, MembershipRole Role, string? Note);

    internal sealed record ChairHistoryFile(List<ChairTermRecord> Terms, List<ChairRotationRecord> Rotations);
    internal sealed record ChairTermRecord(string Process, string? State, string? Organization, int StartYear, int? EndYear, string? Note, string? Basis);
    internal sealed record ChairRotationRecord(string Process, int TermMonths, List<string> Order);
}
