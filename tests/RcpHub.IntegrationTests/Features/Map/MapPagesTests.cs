using System.Net;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Map;

public sealed class MapPagesTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_MIDSA_map_shades_South_Africa_as_a_member_and_lists_the_islands_it_cannot_draw()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/midsa/map");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Map of membership: MIDSA", page.Text("h1"));
        Assert.Equal(["country", "member"], ShapeOf(page, "South Africa").ClassList);
        Assert.Equal(["country"], ShapeOf(page, "Kenya").ClassList);
        var members = page.Texts("#members + ul li");
        Assert.Equal(16, members.Count);
        Assert.Contains("South Africa", members);
        Assert.Contains(members, m => m.StartsWith("Seychelles", StringComparison.Ordinal) && m.Contains("not drawn at this scale", StringComparison.Ordinal));
        Assert.Contains("Small states may not be visible", page.Text("figure.map figcaption"));
        Assert.Equal("map-title", page.Document.QuerySelector("svg")!.GetAttribute("aria-labelledby"));
        Assert.Equal("img", page.Document.QuerySelector("svg")!.GetAttribute("role"));
    }

    [Fact]
    public async Task The_Colombo_Process_map_marks_its_observers_apart_from_its_members()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/cp/map");

        Assert.Equal(["country", "observer"], ShapeOf(page, "Saudi Arabia").ClassList);
        Assert.Equal(["country", "member"], ShapeOf(page, "India").ClassList);
        Assert.Equal(8, page.Texts("#observers + ul li").Count);
        Assert.Contains("Observer states (8)", page.Text("ul.legend"));
    }

    [Fact]
    public async Task A_process_without_listed_states_says_so_under_its_map()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/gfmd/map");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The registry lists no member states for this process.", page.Document.Body!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("svg path.member"));
    }

    [Fact]
    public async Task The_world_map_shades_states_in_bands_with_a_legend_and_a_table_of_the_counts()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/map");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["None", "1", "2", "3–4", "5–6", "7 or more"], page.Texts("ul.legend li"));
        var rows = page.Document.QuerySelectorAll("table.map-counts tbody tr");
        Assert.True(rows.Length > 150, $"{rows.Length} rows");
        // Spain is a member of 8 processes in the registry, more than any other state: first row, darkest band.
        Assert.Equal(["Spain", "8"], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["country", "band-5"], ShapeOf(page, "Spain").ClassList);
        Assert.Equal(["country"], ShapeOf(page, "Greenland").ClassList);
        Assert.Contains(page.Texts("table.map-counts th[scope=row]"), t => t.StartsWith("Seychelles", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector("a[href='/processes/midsa/map']"));
    }

    [Fact]
    public async Task The_maps_speak_the_visitors_language()
    {
        using var client = HtmlClient.For(_factory, acceptLanguage: "fr");
        var page = await client.GetAsync("/processes/midsa/map");

        Assert.Equal("Carte des adhésions : MIDSA", page.Text("h1"));
        Assert.Equal(["country", "member"], ShapeOf(page, "Afrique du Sud").ClassList);
    }

    [Fact]
    public async Task An_unknown_process_has_no_map()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes/no-such-process/map");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory]
    [InlineData("/map")]
    [InlineData("/processes/bp/map")]
    public async Task A_map_page_stays_within_the_query_budget(string url)
    {
        using var client = HtmlClient.For(_factory);
        _factory.Queries.Reset();
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.InRange(_factory.Queries.Count, 1, 10);
    }

    private static AngleSharp.Dom.IElement ShapeOf(HtmlClient.Page page, string stateName) =>
        page.Document.QuerySelectorAll("svg path").SingleOrDefault(p => p.QuerySelector("title")?.TextContent == stateName)
        ?? throw new InvalidOperationException($"No shape titled {stateName} on {page.Url}.");
}
