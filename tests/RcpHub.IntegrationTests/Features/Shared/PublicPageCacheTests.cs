using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

public sealed class PublicPageCacheTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() =>
        _factory = await RcpHubFactory.CreateAsync(f => f.Settings["PublicCache:Enabled"] = "true");

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_public_page_is_served_from_the_cache_until_something_changes()
    {
        using var client = HtmlClient.For(_factory);
        var first = await client.GetAsync("/");
        var count = first.Text(".stats strong");

        _factory.Queries.Reset();
        var second = await client.GetAsync("/");
        Assert.Equal(0, _factory.Queries.Count);
        Assert.Equal(count, second.Text(".stats strong"));

        await using (var scope = _factory.Scope())
        {
            scope.Db.Processes.Add(new Process { Slug = "cache-test", Acronym = "CT", Name = "Cache test process", Region = "Nowhere" });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var third = await client.GetAsync("/");
        Assert.Equal((int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), third.Text(".stats strong"));
    }

    [Fact]
    public async Task A_floor_change_keeps_the_cached_pages_and_a_meeting_change_evicts_them()
    {
        var midsa = await RcpHub.IntegrationTests.Features.Meetings.Arrange.ProcessIdAsync(_factory, "midsa");
        var meeting = await RcpHub.IntegrationTests.Features.Meetings.Arrange.MeetingAsync(_factory, midsa, "Cached meeting",
            configure: m => m.Sessions.Add(new Session { Title = "Cached session", Position = 1 }));
        var speaker = await TestSignIn.CreateUserAsync(_factory, "cache.speaker@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        // Let a poll of the audit log notice the changes above first, so that it does not evict the page cached next.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        using var client = HtmlClient.For(_factory);
        await client.GetAsync("/");

        await using (var scope = _factory.Scope())
        {
            scope.Db.SessionFloors.Add(new SessionFloor { SessionId = meeting.Sessions[0].Id, Revision = 1 });
            scope.Db.FloorRequests.Add(new FloorRequest { SessionId = meeting.Sessions[0].Id, UserId = speaker.Id, StateCode = "ZAF", RequestedAt = DateTimeOffset.UtcNow });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // Past a poll of the audit log too (PublicCache:PollSeconds, 2 s), which must also pass over floor entries.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        _factory.Queries.Reset();
        await client.GetAsync("/");
        Assert.Equal(0, _factory.Queries.Count);

        await using (var scope = _factory.Scope())
        {
            var changed = await scope.Db.Meetings.SingleAsync(m => m.Id == meeting.Id, TestContext.Current.CancellationToken);
            changed.Title = "Cached meeting, renamed";
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        _factory.Queries.Reset();
        await client.GetAsync("/");
        Assert.NotEqual(0, _factory.Queries.Count);
    }

    [Fact]
    public async Task A_form_page_cached_for_one_visitor_never_carries_that_visitors_token_to_another()
    {
        await TestAccounts.CreateAsync(_factory, "cache-visitor@example.org");
        using var first = HtmlClient.For(_factory);
        await first.GetAsync("/account/sign-in");
        await first.GetAsync("/account/sign-in"); // now with an antiforgery cookie: a page worth caching, were it not for the token

        using var second = HtmlClient.For(_factory);
        var signedIn = await second.SignInAsync("cache-visitor@example.org");
        Assert.Equal(System.Net.HttpStatusCode.OK, signedIn.Status);
        Assert.Equal("/", signedIn.Url);
    }

    [Fact]
    public async Task A_signed_in_person_gets_pages_rendered_for_them()
    {
        await TestAccounts.CreateAsync(_factory, "signed-in-reader@example.org");
        using var anonymous = HtmlClient.For(_factory);
        await anonymous.GetAsync("/");
        using var reader = HtmlClient.For(_factory);
        await reader.SignInAsync("signed-in-reader@example.org");
        _factory.Queries.Reset();
        var home = await reader.GetAsync("/");
        Assert.NotEqual(0, _factory.Queries.Count);
        Assert.NotNull(home.Document.QuerySelector("header form[action='/account/sign-out']"));
    }

    [Fact]
    public async Task Each_language_gets_its_own_cached_page()
    {
        using var english = HtmlClient.For(_factory, "en");
        using var french = HtmlClient.For(_factory, "fr");
        Assert.Equal("en", (await english.GetAsync("/")).Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", (await french.GetAsync("/")).Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await english.GetAsync("/")).Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Changes_made_elsewhere_are_noticed_through_the_audit_log()
    {
        using var client = HtmlClient.For(_factory);
        var before = (await client.GetAsync("/")).Text(".stats strong");

        // A change that bypasses this instance's interceptor, as if made by another instance.
        await using (var scope = _factory.Scope())
        {
            var processId = await scope.Db.Processes.Where(p => p.Slug == "midsa").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
            await scope.Db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Processes\" (\"Slug\", \"Acronym\", \"Name\", \"Kind\", \"Region\") VALUES ('elsewhere', 'EW', 'Elsewhere', 'GlobalProcess', 'Global')",
                TestContext.Current.CancellationToken);
            scope.Db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, UserName = "other instance", ProcessId = processId, EntityType = "Process", EntityId = "0", Action = "Added" });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var expected = (int.Parse(before, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string now;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            now = (await client.GetAsync("/")).Text(".stats strong");
        }
        while (now != expected && DateTime.UtcNow < deadline);
        Assert.Equal(expected, now);
    }
}
