using RcpHub.Domain;
using RcpHub.Features.Search;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Decision 0051: the reader's access is asked of the engine's best a slice at a time, the next sized by the share
/// of the last the reader could see. A reader who may see seven in ten of the best still gets exactly the best they may
/// see, in the engine's order, counted to the cap.</summary>
public sealed class SearchSliceTests : IAsyncLifetime
{
    // Every entry has the same words, so that both engines rank them all equal and order them by entry: in each ten, seven
    // open and three members-only, more than the first slice holds.
    private const int Entries = SiteSearch.FirstSlice + 350;
    private RcpHubFactory _factory = null!;
    private AppUser _member = null!;

    public async ValueTask InitializeAsync()
    {
        (_factory, var midsa, _member, var closed) = await SearchArrange.ManyEntriesHostAsync("Closed talks");
        await using var scope = _factory.Scope();
        scope.Db.SearchEntries.AddRange(Enumerable.Range(0, Entries).Select(i => IsOpen(i)
            ? new SearchEntry { Kind = SearchKind.Organization, Key = $"open-{i}", Path = $"/organizations/open-{i}", Title = $"Entry {i}", Body = "Tamarind groves." }
            : new SearchEntry { Kind = SearchKind.AgendaItem, Key = $"closed-{i}", Path = $"/meetings/{closed.Id}", Title = $"Entry {i}", Body = "Tamarind groves.", ProcessId = midsa, MeetingId = closed.Id }));
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static bool IsOpen(int i) => i % 10 < 7;

    private static string[] Titles(System.Text.Json.JsonElement results) =>
        [.. results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task A_reader_who_may_see_seven_in_ten_of_the_best_gets_the_best_they_may_see_in_order_to_the_last_page()
    {
        var open = Enumerable.Range(0, Entries).Where(IsOpen).Select(i => $"Entry {i}").ToList();
        var first = await SearchArrange.SearchAsync(_factory, "tamarind");
        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.Equal(SiteSearch.CountCap, first.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Organization"] = SiteSearch.CountCap }, SearchArrange.Counts(first, "kinds"));
        Assert.Equal(open.Take(SiteSearch.Limit), Titles(first));

        // The last page of the counted results ends with the thousandth open entry, which only the second slice holds.
        var last = await SearchArrange.SearchAsync(_factory, $"tamarind&p={SiteSearch.CountCap / SiteSearch.Limit}");
        Assert.Equal(open.Skip(SiteSearch.CountCap - SiteSearch.Limit).Take(SiteSearch.Limit), Titles(last));

        // A member of the process sees every entry, in the same order.
        var member = await SearchArrange.SearchAsync(_factory, $"tamarind&p={SiteSearch.CountCap / SiteSearch.Limit}", _member);
        Assert.Equal(Enumerable.Range(SiteSearch.CountCap - SiteSearch.Limit, SiteSearch.Limit).Select(i => $"Entry {i}"), Titles(member));
    }
}
