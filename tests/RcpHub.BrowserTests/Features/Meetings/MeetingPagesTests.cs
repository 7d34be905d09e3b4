using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features.Meetings;

/// <summary>The meeting pages in a real browser: readable without JavaScript, and without serious accessibility faults,
/// for a visitor and for the secretariat, left to right and right to left.</summary>
public sealed class MeetingPagesTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;
    private AppUser _secretariat = null!;
    private Meeting _experts = null!, _seniors = null!;
    private int _sessionId;

    public async ValueTask InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        var factory = _server.Factory;
        var midsa = await Arrange.ProcessIdAsync(factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _seniors = await Arrange.MeetingAsync(factory, midsa, "Senior officials' meeting on labour migration", MeetingAudience.Public, daysFromNow: 60, level: MeetingLevel.SeniorOfficials);
        _experts = await Arrange.MeetingAsync(factory, midsa, "Expert meeting on labour migration statistics", MeetingAudience.Public, daysFromNow: 20, configure: m =>
        {
            m.PublicSummary = "Experts compared how member states count labour migrants.";
            m.SummaryPublished = true;
            var session = new Session { Title = "Session 1: sources of data", Position = 1, GuidingQuestions = "Which sources exist?\nHow reliable are they?" };
            session.People.Add(new SessionPerson { Role = SessionRole.Chair, Name = "Amina Mohamed", StateCode = "KEN", Position = 1 });
            session.People.Add(new SessionPerson { Role = SessionRole.Speaker, Name = "Thandi Nkosi", StateCode = "ZAF", Position = 2 });
            m.Sessions.Add(session);
            m.AgendaItems.Add(new AgendaItem { Title = "Opening of the meeting", Position = 1 });
            m.AgendaItems.Add(new AgendaItem { Title = "Household surveys and censuses", Position = 2, Description = "Presentations by member states." });
        });
        await Arrange.MeetingAsync(factory, midsa, "Members-only meeting", daysFromNow: 30);
        await using var scope = factory.Scope();
        _sessionId = await scope.Db.Sessions.Where(s => s.MeetingId == _experts.Id).Select(s => s.Id).SingleAsync();
        var item = await scope.Db.AgendaItems.SingleAsync(i => i.MeetingId == _experts.Id && i.Position == 2);
        scope.Db.AgendaItems.Add(new AgendaItem { MeetingId = _seniors.Id, Title = item.Title, Position = 1, ForwardedFromItemId = item.Id, ChainRootItemId = item.Id });
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    // JavaScript on only so that axe-core can run.
    private Task<IPage> SignedInPageAsync(string locale = "en-GB") => chromium.NewSignedInPageAsync(_server, _secretariat, locale);

    public static TheoryData<string, bool, string> Pages => new()
    {
        { "/processes/midsa/meetings", false, "en-GB" },
        { "/processes/midsa/meetings", false, "ar" },
        { "/meetings/{experts}", false, "en-GB" },
        { "/meetings/{experts}", false, "ar" },
        { "/meetings/{seniors}", false, "en-GB" },
        { "/meetings/{experts}", true, "en-GB" },
        { "/processes/midsa/meetings/new", true, "en-GB" },
        { "/processes/midsa/meetings/new", true, "ar" },
        { "/processes/midsa/meetings/{experts}/edit", true, "en-GB" },
        { "/processes/midsa/meetings/{experts}/agenda", true, "en-GB" },
        { "/processes/midsa/meetings/{experts}/sessions", true, "en-GB" },
        { "/processes/midsa/meetings/{experts}/sessions/{session}", true, "en-GB" },
        { "/processes/midsa/meetings/{experts}/invitees", true, "en-GB" },
        { "/calendar", true, "en-GB" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Meeting_page_has_no_serious_accessibility_violation(string path, bool signedIn, string locale)
    {
        var page = signedIn ? await SignedInPageAsync(locale) : await chromium.NewPageAsync(locale: locale);
        var url = path.Replace("{experts}", _experts.Id.ToString(), StringComparison.Ordinal)
            .Replace("{seniors}", _seniors.Id.ToString(), StringComparison.Ordinal)
            .Replace("{session}", _sessionId.ToString(), StringComparison.Ordinal);
        var response = await page.GotoAsync(_server.Url(url));
        Assert.Equal(200, response!.Status);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task A_signed_in_person_takes_the_browsers_time_zone_in_one_click()
    {
        var page = await chromium.NewSignedInPageAsync(_server, _secretariat, timeZone: "Asia/Tokyo");
        await page.GotoAsync(_server.Url("/account"));
        await page.ClickAsync("button.browser-zone:has-text('Use Asia/Tokyo')");
        // The answer comes back to /account, where the page already is: wait for what it shows, not for the address.
        await Assertions.Expect(page.Locator("#account-time-zone")).ToHaveValueAsync("Asia/Tokyo", new() { Timeout = 60_000 });
        await page.GotoAsync(_server.Url($"/meetings/{_experts.Id}"));
        await Assertions.Expect(page.Locator("dd .when .reader-time")).ToContainTextAsync("Asia/Tokyo, UTC+09:00");
        await Assertions.Expect(page.Locator("main select")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_reader_chooses_a_time_zone_without_JavaScript_and_sees_both_times()
    {
        var page = await chromium.NewPageAsync(javaScript: false);
        await page.GotoAsync(_server.Url($"/meetings/{_experts.Id}"));
        await Assertions.Expect(page.Locator("dd .when .reader-time")).ToContainTextAsync("UTC, UTC+00:00");
        // The meeting page links to the choice rather than carrying the list of zones.
        await Assertions.Expect(page.Locator("main select")).ToHaveCountAsync(0);
        await page.ClickAsync(".time-zone a");
        await page.SelectOptionAsync("#reader-time-zone", "America/New_York");
        await page.ClickAsync("form.time-zone button");
        await page.WaitForURLAsync(_server.Url($"/meetings/{_experts.Id}"));
        await Assertions.Expect(page.Locator("dd .when .reader-time")).ToContainTextAsync("America/New York");
        // The choice is remembered on the next page.
        await page.GotoAsync(_server.Url("/time-zone"));
        await Assertions.Expect(page.Locator("#reader-time-zone")).ToHaveValueAsync("America/New_York");
    }

    [Fact]
    public async Task The_forwarding_path_reads_right_to_left_in_Arabic()
    {
        var page = await chromium.NewPageAsync(javaScript: false, locale: "ar");
        await page.GotoAsync(_server.Url($"/meetings/{_seniors.Id}"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var first = await page.Locator(".chain ol li").Nth(0).BoundingBoxAsync();
        var second = await page.Locator(".chain ol li").Nth(1).BoundingBoxAsync();
        Assert.True(first!.X > second!.X, $"first step at x={first.X}, second at x={second.X}");
    }
}
