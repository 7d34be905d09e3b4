using AngleSharp.Dom;
using System.Net;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Processes;

public sealed class ProcessDirectoryTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static IReadOnlyList<string> Acronyms(HtmlClient.Page page) =>
        page.Texts("table.processes tbody th .muted").Select(a => a.Trim('(', ')')).ToList();

    private async Task<HtmlClient.Page> FilterAsync(Dictionary<string, string> values)
    {
        using var client = HtmlClient.For(_factory);
        var directory = await client.GetAsync("/processes");
        return await client.SubmitGetAsync(directory, "form.filters", values);
    }

    [Fact]
    public async Task The_directory_lists_every_process_with_its_facts()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(31, page.Document.QuerySelectorAll("table.processes tbody tr").Length);
        Assert.Contains("Processes found: 31", page.Text(".result-count"));
        var midsa = page.Document.QuerySelectorAll("table.processes tbody tr").Single(r => r.TextContent.Contains("(MIDSA)", StringComparison.Ordinal));
        Assert.Equal(
            ["Regional consultative process", "Africa (Southern Africa)", "Active", "2000", "16"],
            midsa.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("/processes/midsa", midsa.QuerySelector("a")!.GetAttribute("href"));
        // What no source says reads "Not known" rather than a guess.
        var eac = page.Document.QuerySelectorAll("table.processes tbody tr").Single(r => r.TextContent.Contains("(EAC-RCP)", StringComparison.Ordinal));
        Assert.Equal("Not known", eac.QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task Filtering_by_status_dormant_shows_MIDCAS_and_keeps_the_choice_selected()
    {
        var page = await FilterAsync(new() { ["status"] = "Dormant" });

        Assert.Contains("MIDCAS", Acronyms(page));
        Assert.DoesNotContain("MIDSA", Acronyms(page));
        Assert.All(page.Texts("table.processes tbody .badge"), status => Assert.Equal("Dormant", status));
        Assert.Equal("Dormant", page.Document.QuerySelector("#status option[selected]")?.GetAttribute("value"));
        Assert.Equal("/processes", page.Document.QuerySelector(".filters a")?.GetAttribute("href"));
        Assert.Equal("Clear filters", page.Text(".filters a"));
    }

    [Fact]
    public async Task Filtering_by_kind_shows_only_the_global_processes()
    {
        var page = await FilterAsync(new() { ["kind"] = "GlobalProcess" });

        Assert.Equal(["GFMD", "HLD / IMRF", "IDM"], Acronyms(page).Order(StringComparer.Ordinal));
        Assert.Contains("Processes found: 3", page.Text(".result-count"));
    }

    [Fact]
    public async Task Filtering_by_region_shows_the_processes_of_that_region()
    {
        var page = await FilterAsync(new() { ["region"] = "Africa (East and Horn of Africa)" });

        Assert.Equal(["IGAD-RCP", "RMFM"], Acronyms(page).Order(StringComparer.Ordinal));
        Assert.Equal("Africa (East and Horn of Africa)", page.Document.QuerySelector("#region option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Filtering_by_theme_shows_the_processes_working_on_it()
    {
        var page = await FilterAsync(new() { ["theme"] = "Migration and development" });

        var acronyms = Acronyms(page);
        Assert.Contains("MIDSA", acronyms);
        Assert.Contains("GFMD", acronyms);
        Assert.DoesNotContain("IGC", acronyms);
        Assert.Equal("Migration and development", page.Document.QuerySelector("#theme option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var page = await FilterAsync(new() { ["kind"] = "InterRegionalForum", ["theme"] = "Migration and development", ["status"] = "Active" });

        var acronyms = Acronyms(page);
        Assert.Contains("Rabat Process", acronyms);
        Assert.DoesNotContain("MIDSA", acronyms); // a regional consultative process
        Assert.DoesNotContain("GFMD", acronyms); // a global process
    }

    [Fact]
    public async Task Searching_bali_finds_the_Bali_Process_by_name_and_mid_by_acronym()
    {
        var bali = await FilterAsync(new() { ["q"] = "bali" });
        Assert.Equal(["Bali Process"], Acronyms(bali));
        Assert.Equal("bali", bali.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#q")?.Value);

        var mid = await FilterAsync(new() { ["q"] = "MID" });
        Assert.Superset(new HashSet<string> { "MIDSA", "MIDWA", "MIDCOM", "MIDCAS" }, Acronyms(mid).ToHashSet());
    }

    [Fact]
    public async Task A_search_without_result_says_so()
    {
        var page = await FilterAsync(new() { ["q"] = "no such process anywhere" });

        Assert.Contains("Processes found: 0", page.Text(".result-count"));
        Assert.Equal("No process matches these filters.", page.Text(".empty"));
        Assert.Null(page.Document.QuerySelector("table.processes"));
    }

    [Fact]
    public async Task A_status_that_does_not_exist_in_the_address_is_ignored_with_a_notice()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/processes?status=Sleeping");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("not a valid status or kind", page.Text(".notice"));
        Assert.Equal(31, page.Document.QuerySelectorAll("table.processes tbody tr").Length);
    }

    [Fact]
    public async Task The_CSV_link_downloads_what_the_page_lists()
    {
        var page = await FilterAsync(new() { ["status"] = "Dormant" });
        var link = page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download as CSV").GetAttribute("href")!;
        Assert.Equal("/api/v1/processes.csv?status=Dormant", link);

        using var client = _factory.CreateClient();
        var rows = Csv.Parse(await client.GetStringAsync(link));
        Assert.Equal(Acronyms(page).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
    }
}
