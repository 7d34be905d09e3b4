using System.Text.Json;
using RcpHub.Domain;
using RcpHub.Features.Search;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Issue 12's search budget (decision 0040): past <see cref="SiteSearch.CountCap"/> results the library says "more
/// than" that many and counts its facets among the best that many, of what the reader may see only; a narrowed search
/// counts its own results again.</summary>
public sealed class SearchCapTests : IAsyncLifetime
{
    private const int Open = SiteSearch.CountCap + 110;
    private const int Closed = 300;
    private RcpHubFactory _factory = null!;
    private AppUser _member = null!;

    public async ValueTask InitializeAsync()
    {
        (_factory, var midsa, _member, var closed) = await SearchArrange.ManyEntriesHostAsync("Closed tamarisk talks");
        await using var scope = _factory.Scope();
        // Index entries written as the index writer would: organisations everyone finds, and entries of a members-only
        // meeting that only its process's members may find.
        scope.Db.SearchEntries.AddRange(Enumerable.Range(0, Open).Select(i => new SearchEntry
        {
            Kind = SearchKind.Organization, Key = $"tamarisk-{i}", Path = $"/organizations/tamarisk-{i}", Title = $"Tamarisk network {i}",
            Body = "A network on tamarisk and labour mobility.",
        }));
        scope.Db.SearchEntries.AddRange(Enumerable.Range(0, Closed).Select(i => new SearchEntry
        {
            Kind = SearchKind.AgendaItem, Key = $"closed-{i}", Path = $"/meetings/{closed.Id}", Title = $"Tamarisk agenda item {i}",
            ProcessId = midsa, MeetingId = closed.Id, Body = "Closed tamarisk talks.",
        }));
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Past_the_cap_the_page_says_more_than_and_counts_the_best_of_what_the_reader_may_see()
    {
        using var browser = HtmlClient.For(_factory);
        var page = await browser.GetAsync("/search?q=tamarisk");
        Assert.Equal($"More than {SiteSearch.CountCap} results for “tamarisk”", page.Text("p.count"));
        Assert.Equal($"The counts by kind, process, year and the others are of the best {SiteSearch.CountCap} results.", page.Text("#facets-of-best"));
        Assert.Equal(20, page.Document.QuerySelectorAll("ol.results > li").Length);

        var anonymous = await SearchArrange.SearchAsync(_factory, "tamarisk");
        Assert.True(anonymous.GetProperty("more").GetBoolean());
        Assert.Equal(SiteSearch.CountCap, anonymous.GetProperty("total").GetInt32());
        Assert.Equal(SiteSearch.CountCap, anonymous.GetProperty("facetsOfBest").GetInt32());
        // The members-only meeting's entries are neither found nor counted for an anonymous reader, past the cap or not.
        Assert.Equal(new Dictionary<string, int> { ["Organization"] = SiteSearch.CountCap }, SearchArrange.Counts(anonymous, "kinds"));
        var narrowed = await SearchArrange.SearchAsync(_factory, "tamarisk&kind=agendaitem");
        Assert.Equal(0, narrowed.GetProperty("total").GetInt32());
        Assert.False(narrowed.GetProperty("more").GetBoolean());
        Assert.Empty(narrowed.GetProperty("items").EnumerateArray());

        // A member finds them, and a narrowed search counts its own results in full.
        var byMember = await SearchArrange.SearchAsync(_factory, "tamarisk&kind=agendaitem", _member);
        Assert.Equal(Closed, byMember.GetProperty("total").GetInt32());
        Assert.False(byMember.GetProperty("more").GetBoolean());
        Assert.All(byMember.GetProperty("items").EnumerateArray(), i => Assert.Equal("AgendaItem", i.GetProperty("kind").GetString()));
        // Within the process: its agenda items and the meeting itself ("Closed tamarisk talks").
        var withinProcess = await SearchArrange.SearchAsync(_factory, "tamarisk&process=midsa", _member);
        Assert.Equal(Closed + 1, withinProcess.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Under_the_cap_the_total_is_exact_and_the_pages_go_past_the_cap()
    {
        var few = await SearchArrange.SearchAsync(_factory, "tamarisk%20item", _member);
        Assert.Equal(Closed, few.GetProperty("total").GetInt32());
        Assert.False(few.GetProperty("more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, few.GetProperty("facetsOfBest").ValueKind);

        // The 51st page of twenty holds the 1,001st to 1,020th results: past the best counted, the page is a query of its own.
        var last = await SearchArrange.SearchAsync(_factory, $"tamarisk&p={(SiteSearch.CountCap / SiteSearch.Limit) + 1}");
        Assert.Equal(SiteSearch.Limit, last.GetProperty("items").GetArrayLength());
        Assert.True(last.GetProperty("hasNext").GetBoolean());
        var beyond = await SearchArrange.SearchAsync(_factory, $"tamarisk&p={(Open / SiteSearch.Limit) + 1}");
        Assert.Equal(Open % SiteSearch.Limit, beyond.GetProperty("items").GetArrayLength());
        Assert.False(beyond.GetProperty("hasNext").GetBoolean());
    }
}
