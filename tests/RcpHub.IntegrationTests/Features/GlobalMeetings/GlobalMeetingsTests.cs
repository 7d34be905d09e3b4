using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RcpHub.IntegrationTests.Features.Processes;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.GlobalMeetings;

public sealed class GlobalMeetingsTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_meetings_are_listed_newest_first_with_date_place_host_and_source()
    {
        using var client = HtmlClient.For(_factory);
        var page = await client.GetAsync("/global-meetings");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var meetings = page.Document.QuerySelectorAll("section.meeting").ToList();
        Assert.Equal(9, meetings.Count);
        var numbers = meetings.Select(m => int.Parse(m.DefinitionOf("Number"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.OrderDescending(), numbers);

        var first = meetings.Single(m => m.DefinitionOf("Number") == "1");
        Assert.Equal("First Global RCP Meeting", first.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("2005", first.DefinitionOf("Date")); // only the year is known
        Assert.Equal("Geneva, Switzerland", first.DefinitionOf("Place"));
        Assert.Equal("IOM and the Global Commission on International Migration (GCIM)", first.DefinitionOf("Host"));
        Assert.Equal("Not known", first.DefinitionOf("Theme"));
        Assert.Equal("https://www.iom.int/global-rcp-meetings", first.QuerySelector("a")!.GetAttribute("href"));

        var second = meetings.Single(m => m.DefinitionOf("Number") == "2");
        Assert.Equal("4 June 2009 – 5 June 2009", second.DefinitionOf("Date"));
        Assert.Equal("Bangkok, Thailand", second.DefinitionOf("Place"));
    }

    [Fact]
    public async Task The_meetings_API_gives_the_same_list()
    {
        using var client = _factory.CreateClient();
        var meetings = await client.GetFromJsonAsync<JsonElement>("/api/v1/global-meetings");

        Assert.Equal(9, meetings.GetArrayLength());
        var first = meetings.EnumerateArray().Single(m => m.GetProperty("number").GetInt32() == 1);
        Assert.True(first.GetProperty("yearOnly").GetBoolean());
        Assert.Equal("2005-01-01", first.GetProperty("startsOn").GetString());
        Assert.Equal(9, meetings[0].GetProperty("number").GetInt32());
    }
}
