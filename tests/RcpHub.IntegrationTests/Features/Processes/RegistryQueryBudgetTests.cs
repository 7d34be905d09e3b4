using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Processes;

/// <summary>At most 10 SQL queries per request, whatever the length of the lists: the Rabat Process (most member
/// states), the process with most memberships of any kind, the state in most processes.</summary>
public sealed class RegistryQueryBudgetTests : IAsyncLifetime
{
    private const int Budget = 10;
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<int> QueriesForAsync(HttpClient client, string url)
    {
        using (var warmUp = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }
        _factory.Queries.Reset();
        using var response = await client.GetAsync(url);
        var count = _factory.Queries.Count;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return count;
    }

    [Fact]
    public async Task Every_registry_page_and_endpoint_stays_within_the_query_budget()
    {
        string busiestState, biggestProcess;
        await using (var scope = _factory.Scope())
        {
            busiestState = await scope.Db.Memberships.Where(m => m.StateCode != null)
                .GroupBy(m => m.StateCode).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
            biggestProcess = await scope.Db.Processes.OrderByDescending(p => p.Memberships.Count).Select(p => p.Slug).FirstAsync();
        }
        string[] urls =
        [
            "/processes", "/processes?status=Active&kind=InterRegionalForum&q=process", "/processes/rabat-process", $"/processes/{biggestProcess}",
            "/states", "/states?q=ita", $"/states/{busiestState.ToLowerInvariant()}",
            "/organizations", "/organizations/unhcr", "/global-meetings",
            "/api/v1/processes", "/api/v1/processes/rabat-process", "/api/v1/processes.csv",
            "/api/v1/states", $"/api/v1/states/{busiestState}", "/api/v1/organizations", "/api/v1/organizations/unhcr",
            "/api/v1/global-meetings",
        ];
        using var client = _factory.CreateClient();
        var over = new List<string>();
        foreach (var url in urls)
        {
            var count = await QueriesForAsync(client, url);
            Assert.True(count > 0, $"{url} counted no query: the counter is not wired");
            if (count > Budget)
            {
                over.Add($"{url}: {count}");
            }
        }
        Assert.True(over.Count == 0, "Over the budget of " + Budget + " queries:\n" + string.Join("\n", over));
    }

    [Fact]
    public async Task The_process_page_of_a_signed_in_secretariat_stays_within_the_query_budget()
    {
        using var secretariat = await RegistryBrowsing.SignedInAsync(_factory, "rabat-process", ProcessRole.Secretariat);
        var count = await QueriesForAsync(secretariat.Http, "/processes/rabat-process");
        Assert.InRange(count, 1, Budget);
    }
}
