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
