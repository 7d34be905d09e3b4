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
        await AssertWithinBudgetAsync(client, PageCatalogue.Reader.Administrator);
    }

    [Fact]
    public async Task Every_page_stays_within_the_query_budget_for_an_anonymous_visitor()
    {
        using var client = HtmlClient.For(Factory);
        await AssertWithinBudgetAsync(client, PageCatalogue.Reader.Anonymous);
    }

    private async Task AssertWithinBudgetAsync(HtmlClient client, PageCatalogue.Reader reader)
    {
        var over = new List<string>();
        var failed = new List<string>();
        foreach (var address in await PageCatalogue.AddressesAsync(Factory))
        {
            await client.GetAsync(address);
            Factory.Queries.Reset();
            var page = await client.GetAsync(address);
            if (PageCatalogue.Unexpected(address, reader, page.Status) is { } unexpected)
            {
                failed.Add(unexpected);
            }
            if (Factory.Queries.Count > Budget)
            {
                over.Add($"{address} ({(int)page.Status}): {Factory.Queries.Count} queries");
            }
        }
        // A page that fails may send few queries: its status is checked first, so it cannot pass as within the budget.
        Assert.True(failed.Count == 0, "Unexpected status:\n" + string.Join("\n", failed));
        Assert.True(over.Count == 0, "Over the budget of " + Budget + " queries:\n" + string.Join("\n", over));
    }
}
