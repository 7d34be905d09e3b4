using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>No page sends more than ten SQL queries, whatever it lists: checked for every page in the
/// catalogue, signed in as the platform administrator (who may open them all) and anonymously.</summary>
public sealed class QueryBudgetTests : CatalogueTests
{
    private const int Budget = 10;

    [Fact]
    public async Task Every_page_stays_within_the_query_budget_for_an_administrator()
    {
        using var client = await AdministratorAsync();
        await AssertWithinBudgetAsync(client);
    }

    [Fact]
    public async Task Every_page_stays_within_the_query_budget_for_an_anonymous_visitor()
    {
        using var client = HtmlClient.For(Factory);
        await AssertWithinBudgetAsync(client);
    }

    private async Task AssertWithinBudgetAsync(HtmlClient client)
    {
        var over = new List<string>();
        foreach (var address in await PageCatalogue.AddressesAsync(Factory))
        {
            await client.GetAsync(address);
            Factory.Queries.Reset();
            var page = await client.GetAsync(address);
            if (Factory.Queries.Count > Budget)
            {
                over.Add($"{address} ({(int)page.Status}): {Factory.Queries.Count} queries");
            }
        }
        Assert.True(over.Count == 0, "Over the budget of " + Budget + " queries:\n" + string.Join("\n", over));
    }
}
