using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Hosting;

/// <summary>Two instances of the web tier on one PostgreSQL database, as docs/operations.md describes:
/// nothing a visitor relies on lives in one instance only.</summary>
public sealed class MultipleInstancesTests : IAsyncLifetime
{
    private const string Password = "a long enough pass phrase 42";
    private RcpHubFactory _first = null!;
    private RcpHubFactory _second = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _first = new RcpHubFactory(DatabaseProvider.Postgres, database);
        _second = new RcpHubFactory(DatabaseProvider.Postgres, database);
        foreach (var instance in new[] { _first, _second })
        {
            instance.Settings["PublicCache:Enabled"] = "true";
            instance.Settings["Sessions:RecheckSeconds"] = "0.5";
        }
        await using var scope = _first.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "amina@example.org", Email = "amina@example.org", DisplayName = "Amina Diallo" }, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Signed_in_on_one_instance_the_person_is_recognised_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onFirst = new HtmlClient(_first.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
        using var onSecond = new HtmlClient(_second.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);

        var signIn = await onFirst.GetAsync("/account/sign-in");
        var signedIn = await onFirst.SubmitAsync(signIn, "form#sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "amina@example.org",
            ["Input.Password"] = Password,
        });
        Assert.NotEqual(HttpStatusCode.BadRequest, signedIn.Status);

        using var account = await onSecond.Http.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("amina@example.org", await account.Content.ReadAsStringAsync());

        // A form served by one instance is accepted by the other: the antiforgery keys are shared too.
        var home = await onFirst.GetAsync("/");
        var signedOut = await onSecond.SubmitAsync(home, "header form[action='/account/sign-out']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status); // to the home page; a refused token would be 400
        using var afterSignOut = await onFirst.Http.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task Signing_out_on_one_instance_ends_a_copy_of_the_cookie_on_the_other()
    {
        using var onFirst = HtmlClient.For(_first);
        var home = await onFirst.SignInAsync("amina@example.org", Password);
        var auth = onFirst.Cookies.GetCookies(onFirst.Http.BaseAddress!)["rcphub.auth"]!;
        using var copyOnSecond = HtmlClient.For(_second);
        copyOnSecond.AddCookie($"{auth.Name}={auth.Value}");
        Assert.Equal("/account", (await copyOnSecond.GetAsync("/account")).Url);

        await onFirst.SubmitAsync(home, "header form[action='/account/sign-out']", new Dictionary<string, string>());

        // The second instance may trust the stamp it read for Sessions:RecheckSeconds (half a second here).
        await Task.Delay(700, TestContext.Current.CancellationToken);
        Assert.StartsWith("/account/sign-in", (await copyOnSecond.GetAsync("/account")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sixth_rapid_sign_in_for_one_account_through_either_instance_is_refused()
    {
        var tries = await Features.Account.RateLimitTests.SignInStatusesAsync(_first, "amina@example.org", 6, _second);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], tries.Select(t => t.Status));
        Assert.NotNull(tries[^1].RetryAfter);
    }

    [Fact]
    public async Task A_change_made_through_one_instance_shows_on_the_other_within_seconds()
    {
        using var onSecond = HtmlClient.For(_second);
        var before = int.Parse((await onSecond.GetAsync("/")).Text(".stats strong"), System.Globalization.CultureInfo.InvariantCulture);

        await using (var scope = _first.Scope())
        {
            scope.Db.Processes.Add(new Process { Slug = "second-instance", Acronym = "SI", Name = "Seen on the second instance", Region = "Global" });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        int now;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            now = int.Parse((await onSecond.GetAsync("/")).Text(".stats strong"), System.Globalization.CultureInfo.InvariantCulture);
        }
        while (now == before && DateTime.UtcNow < deadline);
        Assert.Equal(before + 1, now);
    }

    private static async Task<int> CountAsync(HtmlClient client, string address = "/") =>
        int.Parse((await client.GetAsync(address)).Text(".stats strong"), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> SettledCountAsync(HtmlClient client, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int now;
        while ((now = await CountAsync(client)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return now;
    }

    [Fact]
    public async Task A_page_rendering_on_one_instance_while_the_other_changes_the_data_is_not_kept()
    {
        using var onSecond = HtmlClient.For(_second);
        var before = await CountAsync(onSecond, "/?first=1");
        await _second.CachingAsync(onSecond);

        using var slow = HtmlClient.For(_second);
        slow.Http.DefaultRequestHeaders.Add(RenderGate.Header, "1");
        var held = slow.GetAsync("/?held=1");
        await _second.Render.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await using (var scope = _first.Scope())
        {
            scope.Db.Processes.Add(new Process { Slug = "during-render", Acronym = "DR", Name = "Added during a render elsewhere", Region = "Global" });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // The notification reaches the second instance while its page is still held.
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        _second.Render.Release();
        Assert.Equal(before, int.Parse((await held).Text(".stats strong"), System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(before + 1, await CountAsync(onSecond, "/?held=1"));
    }

    [Fact]
    public async Task When_the_notification_connection_drops_nothing_cached_survives_it()
    {
        using var onSecond = HtmlClient.For(_second);
        await _second.CachingAsync(onSecond);
        var before = await CountAsync(onSecond);

        await using (var scope = _first.Scope())
        {
            // A change whose notification is lost: made behind the application's back, while every listener is cut off.
            await scope.Db.Database.ExecuteSqlRawAsync(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN {PublicPageCache.Channel}' AND datname = current_database()",
                TestContext.Current.CancellationToken);
            await scope.Db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Processes\" (\"Slug\", \"Acronym\", \"Name\", \"Kind\", \"Region\") VALUES ('unannounced', 'UA', 'Unannounced', 'GlobalProcess', 'Global')",
                TestContext.Current.CancellationToken);
        }
        Assert.Equal(before + 1, await SettledCountAsync(onSecond, before + 1));
    }
}
