using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>With the public page cache on, anonymous readers still get times in the zone they chose.</summary>
public sealed class MeetingCacheTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() =>
        _factory = await RcpHubFactory.CreateAsync(f => f.Settings["PublicCache:Enabled"] = "true");

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Each_readers_time_zone_gets_its_own_cached_page()
    {
        var meeting = await Arrange.MeetingAsync(_factory, await Arrange.ProcessIdAsync(_factory, "midsa"), "Public seminar", MeetingAudience.Public);
        using var tokyo = HtmlClient.For(_factory);
        using var lima = HtmlClient.For(_factory);
        await tokyo.GetAsync("/time-zone?tz=Asia/Tokyo&returnUrl=/");
        await lima.GetAsync("/time-zone?tz=America/Lima&returnUrl=/");

        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("Asia/Tokyo", (await tokyo.GetAsync($"/meetings/{meeting.Id}")).Text("dd .when .reader-time"));
            Assert.Contains("America/Lima", (await lima.GetAsync($"/meetings/{meeting.Id}")).Text("dd .when .reader-time"));
        }
    }
}
