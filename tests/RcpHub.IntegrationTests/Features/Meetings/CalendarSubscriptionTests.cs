using System.Net;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>Calendar feeds are subscribed to in one click (webcal:, the feed's own address with that scheme) or copied
/// from a plain field.</summary>
public sealed class CalendarSubscriptionTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The webcal link and the field beside it, checked to name the same feed, which answers a calendar.</summary>
    private static async Task<string> FeedOfAsync(HtmlClient browser, HtmlClient.Page page)
    {
        var webcal = page.Document.QuerySelector("a.webcal")!.GetAttribute("href")!;
        var address = page.Document.QuerySelector(".calendar-address input.address")!.GetAttribute("value")!;
        var uri = new Uri(address);
        Assert.Equal("webcal://" + uri.Authority + uri.PathAndQuery, webcal);
        Assert.NotNull(page.Document.QuerySelector("button.copy[hidden]"));
        using var feed = await browser.Http.GetAsync(uri.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        return uri.AbsolutePath;
    }

    [Fact]
    public async Task The_meeting_list_and_a_meeting_page_offer_the_process_feed_by_webcal()
    {
        var meeting = await Arrange.MeetingAsync(_factory, await Arrange.ProcessIdAsync(_factory, "midsa"), "Public seminar", MeetingAudience.Public);
        using var browser = HtmlClient.For(_factory);
        Assert.Equal("/processes/midsa/calendar.ics", await FeedOfAsync(browser, await browser.GetAsync("/processes/midsa/meetings")));
        Assert.Equal("/processes/midsa/calendar.ics", await FeedOfAsync(browser, await browser.GetAsync($"/meetings/{meeting.Id}")));
    }

    [Fact]
    public async Task A_new_personal_feed_address_is_offered_by_webcal()
    {
        var user = await TestSignIn.CreateUserAsync(_factory, "reader@midsa.example", roles: new ReaderRole(await Arrange.ProcessIdAsync(_factory, "midsa"), ProcessRole.Observer));
        using var browser = await TestSignIn.HtmlClientAsync(_factory, user);
        var made = await browser.SubmitAsync(await browser.GetAsync("/calendar"), "form[action*='handler=Make']", new Dictionary<string, string>());
        Assert.Matches("^/calendar/[^/]+\\.ics$", await FeedOfAsync(browser, made));
    }
}
