using RcpHub.Features.Account;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>No page sends more than ten SQL queries, whatever it lists: checked for every page in the
/// catalogue, signed in as the platform administrator (who may open them all) and anonymously.</summary>
public sealed class QueryBudgetTests : IAsyncLifetime
{
    private const int Budget = 10;
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_page_stays_within_the_query_budget_for_an_administrator()
    {
        using var client = HtmlClient.For(_factory);
        await client.SignInAsync(DemoData.Accounts.Single(a => a.IsAdministrator).Email, DemoData.DefaultPassword);
        await AssertWithinBudgetAsync(client);
    }

    [Fact]
    public async Task Every_page_stays_within_the_query_budget_for_an_anonymous_visitor()
    {
        using var client = HtmlClient.For(_factory);
        await AssertWithinBudgetAsync(client);
    }

    private async Task AssertWithinBudgetAsync(HtmlClient client)
    {
        var over = new List<string>();
        foreach (var address in await PageCatalogue.AddressesAsync(_factory))
        {
            await client.GetAsync(address);
            _factory.Queries.Reset();
            var page = await client.GetAsync(address);
            if (_factory.Queries.Count > Budget)
            {
                over.Add($"{address} ({(int)page.Status}): {_factory.Queries.Count} queries");
            }
        }
        Assert.True(over.Count == 0, "Over the budget of " + Budget + " queries:\n" + string.Join("\n", over));
    }
}
