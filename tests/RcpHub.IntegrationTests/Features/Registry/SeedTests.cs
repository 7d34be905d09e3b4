using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data.Seed;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Registry;

/// <summary>The curated seed files (organizations.json, chair-history.json) agree with iscm-registry.json and
/// countries.json, and seeding through the real application gives the roles and chairs the registry states.</summary>
public sealed class SeedTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static readonly RegistrySeeder.OrganizationsFile Organizations = RegistrySeeder.Read<RegistrySeeder.OrganizationsFile>("organizations.json");
    private static readonly RegistrySeeder.ChairHistoryFile Chairs = RegistrySeeder.Read<RegistrySeeder.ChairHistoryFile>("chair-history.json");

    [Fact]
    public void Every_organisation_named_in_the_registry_has_a_curated_entry()
    {
        var known = Organizations.Organizations
            .SelectMany(o => o.Aliases.Append(o.Name).Append(o.Slug).Concat(o.Acronym is null ? [] : [o.Acronym]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = RegistryProcesses()
            .SelectMany(p => Strings(p, "member_organizations").Concat(Strings(p, "observer_organizations")))
            .Distinct()
            .ToList();

        Assert.True(named.Count > 40, "The registry names few organisations: the scan is broken.");
        Assert.All(named, n => Assert.Contains(n, known));
    }

    [Fact]
    public void No_spelling_points_at_two_organisations()
    {
        var spellings = Organizations.Organizations
            .SelectMany(o => o.Aliases.Append(o.Name).Append(o.Slug).Concat(o.Acronym is null ? [] : [o.Acronym]).Distinct(StringComparer.OrdinalIgnoreCase).Select(a => (Alias: a, o.Slug)))
            .GroupBy(a => a.Alias, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(a => a.Slug).Distinct().Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(spellings);
        Assert.Equal(Organizations.Organizations.Count, Organizations.Organizations.Select(o => o.Slug).Distinct().Count());
    }

    [Fact]
    public void Every_curated_role_and_chair_term_names_a_registry_process_and_a_real_state_or_organisation()
    {
        var acronyms = RegistryProcesses().Select(p => p.GetProperty("acronym").GetString()!).ToHashSet(StringComparer.Ordinal);
        var slugs = Organizations.Organizations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
        using var countries = JsonDocument.Parse(Embedded("countries.json"));
        var codes = countries.RootElement.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Organizations.Roles);
        Assert.All(Organizations.Roles, r =>
        {
            Assert.Contains(r.Process, acronyms);
            Assert.Contains(r.Organization, slugs);
            Assert.False(string.IsNullOrWhiteSpace(r.Note), $"{r.Process}/{r.Organization}: a role says where the registry states it.");
            Assert.NotEqual(MembershipRole.Member, r.Role);
            Assert.NotEqual(MembershipRole.Observer, r.Role);
        });
        Assert.NotEmpty(Chairs.Terms);
        Assert.All(Chairs.Terms, t =>
        {
            Assert.Contains(t.Process, acronyms);
            Assert.True((t.State is null) != (t.Organization is null), $"{t.Process} {t.StartYear}: exactly one of state and organisation.");
            if (t.State is not null)
            {
                Assert.Contains(t.State, codes);
            }
            Assert.InRange(t.StartYear, 1985, 2030);
            Assert.True(t.EndYear is null || t.EndYear >= t.StartYear, $"{t.Process} {t.State} {t.StartYear}-{t.EndYear}");
        });
        Assert.All(Chairs.Rotations, r => Assert.All(r.Order, code => Assert.Contains(code, codes)));
    }

    [Fact]
    public async Task Seeding_creates_only_the_curated_organisations()
    {
        await using var scope = _factory.Scope();
        var seeded = await scope.Db.Organizations.Select(o => o.Slug).ToListAsync();

        Assert.Empty(seeded.Except(Organizations.Organizations.Select(o => o.Slug)));
        Assert.Equal(Organizations.Organizations.Count, seeded.Count);
    }

    [Fact]
    public async Task Seeding_gives_the_secretariat_roles_the_registry_states()
    {
        await using var scope = _factory.Scope();
        var roles = await scope.Db.Memberships.Where(m => m.Organization != null)
            .Select(m => new { Process = m.Process!.Acronym, Organization = m.Organization!.Slug, m.Role })
            .ToListAsync();

        Assert.Contains(new { Process = "MIDSA", Organization = "iom", Role = MembershipRole.TechnicalSecretariat }, roles);
        Assert.Contains(new { Process = "BP", Organization = "icmpd", Role = MembershipRole.TechnicalSecretariat }, roles);
        Assert.Contains(new { Process = "IGC", Organization = "iom", Role = MembershipRole.HostsSecretariat }, roles);
        Assert.Contains(new { Process = "EaP Panel", Organization = "iom", Role = MembershipRole.SupportProject }, roles);
        // Two spellings, one organisation: "IOM" observes the BP, "International Organization for Migration (IOM)" is a Bali Process member.
        Assert.Contains(new { Process = "BP", Organization = "iom", Role = MembershipRole.Observer }, roles);
        Assert.Contains(new { Process = "Bali Process", Organization = "iom", Role = MembershipRole.Member }, roles);
        // The ECOWAS Commission acts for ECOWAS: a MIDWA member (as ECOWAS) and a Rabat Process partner (as its Commission).
        Assert.Contains(new { Process = "MIDWA", Organization = "ecowas", Role = MembershipRole.Member }, roles);
        Assert.Contains(new { Process = "Rabat Process", Organization = "ecowas", Role = MembershipRole.Member }, roles);
        Assert.Equal(roles.Count, roles.Distinct().Count());
    }

    [Fact]
    public async Task Seeding_gives_the_chair_history_the_registry_dates()
    {
        await using var scope = _factory.Scope();
        var terms = await scope.Db.ChairTerms
            .Select(t => new { Process = scope.Db.Processes.Single(p => p.Id == t.ProcessId).Acronym, t.StateCode, t.StartYear, t.EndYear })
            .ToListAsync();

        var midsa = terms.Where(t => t.Process == "MIDSA").OrderByDescending(t => t.StartYear).ToList();
        Assert.Equal(15, midsa.Count);
        Assert.Equal(("MDG", 2025), (midsa[0].StateCode, midsa[0].StartYear));
        Assert.Contains(new { Process = "AP", StateCode = (string?)"AZE", StartYear = 2023, EndYear = (int?)2024 }, terms);
        Assert.Contains(new { Process = "CP", StateCode = (string?)"IND", StartYear = 2024, EndYear = (int?)2026 }, terms);
        Assert.Contains(new { Process = "BP", StateCode = (string?)"TUR", StartYear = 2006, EndYear = (int?)null }, terms);
    }

    private static Stream Embedded(string file) =>
        typeof(RegistrySeeder).Assembly.GetManifestResourceStream("RcpHub.Seed." + file) ?? throw new InvalidOperationException(file);

    private static List<JsonElement> RegistryProcesses()
    {
        using var registry = JsonDocument.Parse(Embedded("iscm-registry.json"));
        return registry.RootElement.GetProperty("processes").EnumerateArray().Select(p => p.Clone()).ToList();
    }

    private static IEnumerable<string> Strings(JsonElement process, string property) =>
        process.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()!)
            : [];
}
