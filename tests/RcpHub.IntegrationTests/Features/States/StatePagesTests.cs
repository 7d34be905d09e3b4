using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Processes;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.States;

public sealed class StatePagesTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The state in the most processes according to the seeded registry, with its process slugs by role.</summary>
    private async Task<(string Code, List<string> AsMember, List<string> AsObserver)> BusiestStateAsync()
    {
        await using var scope = _factory.Scope();
        var memberships = await scope.Db.Memberships.Where(m => m.StateCode != null)
            .Select(m => new { m.StateCode, m.Role, m.Process!.Slug }).ToListAsync();
        var busiest = memberships.GroupBy(m => m.StateCode!).OrderByDescending(g => g.Select(m => m.Slug).Distinct().Count()).ThenBy(g => g.Key).First();
        return (busiest.Key,
            busiest.Where(m => m.Role == MembershipRole.Member).Select(m => m.Slug).ToList(),
            busiest.Where(m => m.Role == MembershipRole.Observer).Select(m => m.Slug).ToList());
    }

    [Fact]
    public async Task The_state_in_most_processes_lists_every_one_of_them_with_counts()
    {
        var (code, asMember, asObserver) = await BusiestStateAsync();
        Assert.True(asMember.Count + asObserver.Count >= 9, "the seed has states in nine or more processes");

        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync($"/states/{code.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.Document.QuerySelectorAll("table.current tbody th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(asMember.Concat(asObserver).Select(s => "/processes/" + s).Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        Assert.Equal(asMember.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text("dd.member-of"));
        Assert.Equal(asObserver.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text("dd.observer-in"));
        var roles = page.Document.QuerySelectorAll("table.current tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal(asMember.Count, roles.Count(r => r == "Member"));
        Assert.Equal(asObserver.Count, roles.Count(r => r == "Observer"));
    }

    [Fact]
    public async Task The_state_address_ignores_case_and_an_unknown_code_is_not_found()
    {
        using var client = HtmlClient.For(_factory);

        Assert.Equal("South Africa", (await client.GetAsync("/states/ZAF")).Text("h1"));
        Assert.Equal("South Africa", (await client.GetAsync("/states/zaf")).Text("h1"));
        var unknown = await client.GetAsync("/states/xyz");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Page not found", unknown.Text("h1"));
    }

    [Fact]
    public async Task The_French_pages_name_states_in_French()
    {
        using var client = HtmlClient.For(_factory, acceptLanguage: "fr-FR,fr;q=0.9");

        var page = await client.GetAsync("/states/zaf");
        Assert.Equal("Afrique du Sud", page.Text("h1"));
        var list = await client.GetAsync("/states");
        Assert.Contains("Afrique du Sud", list.Texts("table.states tbody th"));
    }

    [Fact]
    public async Task The_list_has_every_state_taking_part_and_search_finds_by_name_or_code()
    {
        int expected;
        await using (var scope = _factory.Scope())
        {
            expected = await scope.Db.Memberships.Where(m => m.StateCode != null).Select(m => m.StateCode).Distinct().CountAsync();
        }
        using var client = HtmlClient.For(_factory);
        var all = await client.GetAsync("/states");
        Assert.Equal(expected, all.Document.QuerySelectorAll("table.states tbody tr").Length);
        Assert.Contains($"States found: {expected}", all.Text(".result-count"));

        var tanzania = await client.SubmitGetAsync(all, "form.filters", new Dictionary<string, string> { ["q"] = "tanzan" });
        Assert.Equal(["United Republic of Tanzania"], tanzania.Texts("table.states tbody th"));
        var byCode = await client.GetAsync("/states?q=mdg");
        Assert.Equal(["Madagascar"], byCode.Texts("table.states tbody th"));
        var none = await client.GetAsync("/states?q=atlantis");
        Assert.Equal("No state matches this search.", none.Text(".empty"));
    }

    [Fact]
    public async Task Search_ignores_accents_in_the_interface_language()
    {
        using var client = HtmlClient.For(_factory, acceptLanguage: "fr");
        var page = await client.GetAsync("/states?q=cote");
        Assert.Equal(["Côte-d'Ivoire"], page.Texts("table.states tbody th"));
    }

    [Fact]
    public async Task A_former_membership_shows_on_the_state_page_with_its_date()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        await using (var scope = factory.Scope())
        {
            var membership = await scope.Db.Memberships.SingleAsync(m => m.Process!.Slug == "midsa" && m.StateCode == "ZAF");
            membership.LeftOn = new DateOnly(2024, 3, 31);
            await scope.Db.SaveChangesAsync();
        }
        using var client = HtmlClient.For(factory);
        var page = await client.GetAsync("/states/zaf");

        Assert.Empty(page.Document.QuerySelectorAll("table.current"));
        Assert.Equal("0", page.Text("dd.member-of"));
        var former = Assert.Single(page.Document.QuerySelectorAll("table.former tbody tr"));
        Assert.Contains("MIDSA", former.TextContent, StringComparison.Ordinal);
        Assert.Equal("31 March 2024", former.QuerySelectorAll("td")[2].TextContent.Trim());

        using var api = factory.CreateClient();
        var json = await api.GetFromJsonAsync<JsonElement>("/api/v1/states/ZAF");
        Assert.Equal("2024-03-31", json.GetProperty("former")[0].GetProperty("leftOn").GetString());
        Assert.Equal(0, json.GetProperty("current").GetArrayLength());
    }

    [Fact]
    public async Task The_states_API_lists_states_in_the_requested_language()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var states = await client.GetFromJsonAsync<JsonElement>("/api/v1/states");

        var zaf = states.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "ZAF");
        Assert.Equal("Afrique du Sud", zaf.GetProperty("name").GetString());
        Assert.Equal(1, zaf.GetProperty("memberOf").GetInt32());
    }
}
