using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>The reader's time zone: a setting of a signed-in person's account (no list of zones on meeting pages);
/// an anonymous visitor keeps the venue's time and chooses a zone on the time zone page, reached by a link.</summary>
public sealed class ReaderTimeZoneTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private Meeting _meeting = null!;
    private AppUser _member = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _meeting = await Arrange.MeetingAsync(_factory, midsa, "Public seminar on labour mobility", MeetingAudience.Public);
        _member = await TestSignIn.CreateUserAsync(_factory, "focal@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_signed_in_meeting_page_has_no_list_of_zones_and_shows_times_in_the_accounts_zone()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var account = await browser.GetAsync("/account");
        var saved = await browser.SubmitAsync(account, "form.account-time-zone", new Dictionary<string, string> { ["timeZoneId"] = "Asia/Tokyo" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Asia/Tokyo", saved.Text("#account-time-zone option[selected]"));

        var page = await browser.GetAsync($"/meetings/{_meeting.Id}");
        Assert.Empty(page.Document.QuerySelectorAll("main select, main option"));
        Assert.Contains("Asia/Tokyo, UTC+09:00", page.Text("dd .when .reader-time"));
        Assert.Contains("Africa/Nairobi", page.Text("dd .when .zone"));
        Assert.Equal("/account#time-zone", page.Document.QuerySelector(".time-zone a")?.GetAttribute("href"));

        // Changing the setting changes the times shown, on every meeting page.
        await browser.SubmitAsync(await browser.GetAsync("/account"), "form.account-time-zone", new Dictionary<string, string> { ["timeZoneId"] = "America/Lima" });
        Assert.Contains("America/Lima, UTC−05:00", (await browser.GetAsync($"/meetings/{_meeting.Id}")).Text("dd .when .reader-time"));
        Assert.Contains("America/Lima", (await browser.GetAsync("/processes/midsa/meetings")).Text(".when .reader-time"));

        // The time zone page does not override the account: one place decides.
        await browser.GetAsync($"/time-zone?tz=Asia/Tokyo&returnUrl=/meetings/{_meeting.Id}");
        Assert.Contains("America/Lima", (await browser.GetAsync($"/meetings/{_meeting.Id}")).Text("dd .when .reader-time"));
    }

    [Fact]
    public async Task A_zone_not_in_the_list_is_refused_and_nothing_is_stored()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var page = await browser.SubmitAsync(await browser.GetAsync("/account"), "form.account-time-zone", new Dictionary<string, string> { ["timeZoneId"] = "Mars/Olympus_Mons" });
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Choose a time zone from the list.", page.Text("[data-valmsg-for='timeZoneId']"));
        await using var scope = _factory.Scope();
        Assert.Null(await scope.Db.Users.Where(u => u.Id == _member.Id).Select(u => u.TimeZoneId).SingleAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_the_venues_time_and_chooses_a_zone_on_the_time_zone_page()
    {
        using var browser = HtmlClient.For(_factory);
        var page = await browser.GetAsync($"/meetings/{_meeting.Id}");
        Assert.Contains("Africa/Nairobi, UTC+03:00", page.Text("dd .when .zone"));
        Assert.Empty(page.Document.QuerySelectorAll("main select"));
        var link = page.Document.QuerySelector(".time-zone a")!.GetAttribute("href")!;

        var chooser = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, chooser.Status);
        var back = await browser.SubmitAsync(chooser, "form.time-zone", new Dictionary<string, string> { ["tz"] = "Asia/Tokyo" });
        Assert.EndsWith($"/meetings/{_meeting.Id}", back.Url, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo, UTC+09:00", back.Text("dd .when .reader-time"));
        Assert.Contains("Africa/Nairobi, UTC+03:00", back.Text("dd .when .zone"));
    }
}
