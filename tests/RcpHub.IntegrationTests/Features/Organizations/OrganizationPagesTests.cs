using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Processes;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Organizations;

public sealed class OrganizationPagesTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_list_shows_each_organization_with_its_count_per_role()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/organizations");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var header = page.Texts("table.organizations thead th");
        Assert.Equal(["Organization", "Acronym", "Member", "Observer", "Technical secretariat", "Hosts the secretariat", "Runs a support project"], header);
        var unhcr = page.Document.QuerySelectorAll("table.organizations tbody tr").Single(r => r.QuerySelector("th a")!.GetAttribute("href") == "/organizations/unhcr");
        var observerColumn = header.ToList().IndexOf("Observer") - 1;
        Assert.Equal("9", unhcr.QuerySelectorAll("td")[observerColumn].TextContent.Trim());
    }

    [Fact]
    public async Task An_organization_page_shows_its_role_in_each_process_and_how_many_of_each()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        List<string> observedSlugs;
        await using (var scope = factory.Scope())
        {
            // A new organisation, so that its roles are exactly those arranged here.
            var iom = new Organization { Slug = "test-organisation", Name = "Test Organisation for Migration", Acronym = "TOM", Kind = OrganizationKind.InternationalOrganization };
            scope.Db.Organizations.Add(iom);
            scope.Db.Memberships.Add(new Membership { ProcessId = (await scope.Db.Processes.SingleAsync(p => p.Slug == "bp")).Id, Organization = iom, Role = MembershipRole.Observer });
            await scope.Db.SaveChangesAsync();
            var midsa = await scope.Db.Processes.SingleAsync(p => p.Slug == "midsa");
            var midwa = await scope.Db.Processes.SingleAsync(p => p.Slug == "midwa");
            scope.Db.Memberships.AddRange(
                new Membership { ProcessId = midsa.Id, OrganizationId = iom.Id, Role = MembershipRole.TechnicalSecretariat },
                new Membership { ProcessId = midwa.Id, OrganizationId = iom.Id, Role = MembershipRole.HostsSecretariat, Note = "hosts the secretariat in Dakar" },
                new Membership { ProcessId = midwa.Id, OrganizationId = iom.Id, Role = MembershipRole.SupportProject, LeftOn = new DateOnly(2020, 12, 31) });
            await scope.Db.SaveChangesAsync();
            observedSlugs = await scope.Db.Memberships.Where(m => m.OrganizationId == iom.Id && m.Role != MembershipRole.TechnicalSecretariat && m.Role != MembershipRole.HostsSecretariat && m.Role != MembershipRole.SupportProject)
                .Select(m => m.Process!.Slug).ToListAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/organizations/test-organisation");

        Assert.Equal("Test Organisation for Migration (TOM)", string.Join(' ', page.Text("h1").Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("1", page.Document.DefinitionOf("Technical secretariat"));
        Assert.Equal("1", page.Document.DefinitionOf("Hosts the secretariat"));
        Assert.Equal("0", page.Document.DefinitionOf("Runs a support project"));
        var rows = page.Document.QuerySelectorAll("table.current tbody tr")
            .Select(r => (Process: r.QuerySelector("th a")!.GetAttribute("href"), Role: r.QuerySelectorAll("td")[0].TextContent.Trim(), Note: r.QuerySelectorAll("td")[2].TextContent.Trim()))
            .ToList();
        Assert.Contains(("/processes/midsa", "Technical secretariat", ""), rows);
        Assert.Contains(("/processes/midwa", "Hosts the secretariat", "hosts the secretariat in Dakar"), rows);
        Assert.Equal(observedSlugs.Count + 2, rows.Count);
        var former = Assert.Single(page.Document.QuerySelectorAll("table.former tbody tr"));
        Assert.Contains("Runs a support project", former.TextContent, StringComparison.Ordinal);
        Assert.Contains("31 December 2020", former.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organization_is_not_found()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/organizations/no-such-organization");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task The_organizations_API_gives_counts_and_roles()
    {
        using var client = _factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        var unhcr = list.EnumerateArray().Single(o => o.GetProperty("slug").GetString() == "unhcr");
        Assert.Equal(9, unhcr.GetProperty("roles").GetProperty("observer").GetInt32());

        var details = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/unhcr");
        Assert.Equal(9, details.GetProperty("current").EnumerateArray().Count(r => r.GetProperty("role").GetString() == "Observer"));
    }
}
