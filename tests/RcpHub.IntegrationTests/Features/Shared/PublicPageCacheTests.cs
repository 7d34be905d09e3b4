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
        using var client = HtmlClient.For(_factory);
        await client.GetAsync("/");

        await using (var scope = _factory.Scope())
        {
            scope.Db.SessionFloors.Add(new SessionFloor { SessionId = meeting.Sessions[0].Id, Revision = 1 });
            scope.Db.FloorRequests.Add(new FloorRequest { SessionId = meeting.Sessions[0].Id, UserId = speaker.Id, StateCode = "ZAF", RequestedAt = DateTimeOffset.UtcNow });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // Past any notification of the floor change too, on PostgreSQL (there should be none).
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
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
        Assert.Equal("/my", signedIn.Url);
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

    private static int Count(HtmlClient.Page page) => int.Parse(page.Text(".stats strong"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task AddProcessAsync(string slug)
    {
        await using var scope = _factory.Scope();
        scope.Db.Processes.Add(new Process { Slug = slug, Acronym = "RC", Name = "Added while a page renders", Region = "Nowhere" });
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_page_rendered_before_a_change_is_never_stored_nor_served_after_it()
    {
        using var client = HtmlClient.For(_factory);
        await _factory.CachingAsync(client);
        // Another address (the cache varies by query): "/" itself is not cached yet.
        var before = Count(await client.GetAsync("/?first=1"));

        using var slow = HtmlClient.For(_factory);
        slow.Http.DefaultRequestHeaders.Add(RenderGate.Header, "1");
        var held = slow.GetAsync("/");
        await _factory.Render.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The change commits (and evicts) while the page, whose data was read before it, is still rendering.
        await AddProcessAsync("race-test");
        var during = client.GetAsync("/");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        _factory.Render.Release();
        Assert.Equal(before, Count(await held));

        Assert.Equal(before + 1, Count(await during));
        Assert.Equal(before + 1, Count(await client.GetAsync("/")));
    }

    [Fact]
    public async Task Failed_sign_ins_and_a_lockout_keep_the_cached_pages()
    {
        await TestAccounts.CreateAsync(_factory, "mistyped@example.org");
        using var client = HtmlClient.For(_factory);
        await _factory.CachingAsync(client);
        await client.GetAsync("/");

        using var intruder = HtmlClient.For(_factory);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await intruder.SignInAsync("mistyped@example.org", "not the password at all");
        }
        await using (var scope = _factory.Scope())
        {
            Assert.NotNull(await scope.Db.Users.Where(u => u.Email == "mistyped@example.org").Select(u => u.LockoutEnd).SingleAsync(TestContext.Current.CancellationToken));
        }

        await KeptUntilARealChangeAsync(client, "real-change");
    }

    [Fact]
    public async Task Choosing_a_time_zone_or_a_language_keeps_the_cached_pages()
    {
        await TestAccounts.CreateAsync(_factory, "zone-chooser@example.org");
        using var person = HtmlClient.For(_factory);
        await person.SignInAsync("zone-chooser@example.org");
        using var client = HtmlClient.For(_factory);
        await _factory.CachingAsync(client);
        await client.GetAsync("/");

        var account = await person.GetAsync("/account");
        account = await person.SubmitAsync(account, "form.account-time-zone", new Dictionary<string, string> { ["timeZoneId"] = "Europe/Paris" });
        Assert.Equal("Times are now shown in Europe/Paris.", account.Text("p.notice.ok"));
        account = await person.SubmitAsync(account, "#mail-language", new Dictionary<string, string> { ["MailLanguage"] = "fr" });
        await using (var scope = _factory.Scope())
        {
            var me = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "zone-chooser@example.org", TestContext.Current.CancellationToken);
            Assert.Equal(("Europe/Paris", "fr"), (me.TimeZoneId, me.PreferredLanguage));
        }

        await KeptUntilARealChangeAsync(client, "after-a-zone");
    }

    /// <summary>The cached home page is served without a query, until a change to public data (a process added) evicts it.</summary>
    private async Task KeptUntilARealChangeAsync(HtmlClient client, string slug)
    {
        _factory.Queries.Reset();
        await client.GetAsync("/");
        Assert.Equal(0, _factory.Queries.Count);

        await AddProcessAsync(slug);
        _factory.Queries.Reset();
        await client.GetAsync("/");
        Assert.NotEqual(0, _factory.Queries.Count);
    }
}
