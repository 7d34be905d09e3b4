using System.Net;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

/// <summary>Repeated sign-ins, reset mails and searches are answered 429 with Retry-After, the same way for an address
/// that has an account and one that has none. (Across instances: MultipleInstancesTests.)</summary>
public sealed class RateLimitTests : MailingTests
{
    protected override void Configure(RcpHubFactory factory)
    {
        factory.Settings["RateLimits:Search:PermitLimit"] = "3";
        factory.Settings["RateLimits:InvitationMails:PermitLimit"] = "2";
        factory.Settings["PublicCache:Enabled"] = "true";
    }

    [Fact]
    public async Task The_sixth_sign_in_for_one_address_is_refused_whether_or_not_it_has_an_account()
    {
        var email = TestAccounts.NewEmail("known");
        await TestAccounts.CreateAsync(Factory, email);

        var known = await SignInStatusesAsync(Factory, email, 6);
        var unknown = await SignInStatusesAsync(Factory, TestAccounts.NewEmail("unknown"), 6);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], known.Select(r => r.Status));
        Assert.Equal(known.Select(r => (r.Status, r.Message)), unknown.Select(r => (r.Status, r.Message)));
        Assert.InRange(known[^1].RetryAfter!.Value, 1, 60);
        Assert.Equal("Too many requests", known[^1].Message);
    }

    [Fact]
    public async Task Reset_mails_to_one_address_are_limited()
    {
        var email = TestAccounts.NewEmail("flooded");
        await TestAccounts.CreateAsync(Factory, email);
        using var client = HtmlClient.For(Factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var sent = await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
            statuses.Add(sent.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        for (var i = 0; i < 3; i++)
        {
            await Smtp.WaitForMessageToAsync(email, MailWait);
        }
        await Assert.ThrowsAnyAsync<Exception>(() => Smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Invitation_mails_are_limited_per_inviter()
    {
        var (slug, _) = await TestAccounts.ProcessWithMembersAsync(Factory);
        var email = TestAccounts.NewEmail("secretariat");
        await TestAccounts.CreateAsync(Factory, email, roles: (slug, ProcessRole.Secretariat));
        using var secretariat = HtmlClient.For(Factory);
        await secretariat.SignInAsync(email);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var page = await secretariat.GetAsync($"/processes/{slug}/manage/invitations");
            var sent = await secretariat.SubmitAsync(page, "#invite", new Dictionary<string, string>
            {
                ["Input.Email"] = TestAccounts.NewEmail("invitee"),
                ["Input.Role"] = nameof(ProcessRole.Observer),
            });
            statuses.Add(sent.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Search_is_limited_per_person()
    {
        var first = await TestSignIn.CreateUserAsync(Factory, TestAccounts.NewEmail("searcher"));
        var second = await TestSignIn.CreateUserAsync(Factory, TestAccounts.NewEmail("other"));
        using var firstClient = await TestSignIn.HttpClientAsync(Factory, first);
        using var secondClient = await TestSignIn.HttpClientAsync(Factory, second);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await firstClient.GetAsync($"/search?q=migration{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var page = await firstClient.GetAsync("/search?q=labour");
        using var api = await firstClient.GetAsync("/api/v1/search?q=labour");
        using var someoneElse = await secondClient.GetAsync("/search?q=labour");

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("Too many requests", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_that_lock_an_account_leave_the_public_pages_cached()
    {
        var email = TestAccounts.NewEmail("locked");
        await TestAccounts.CreateAsync(Factory, email);
        using (var warm = HtmlClient.For(Factory))
        {
            await warm.GetAsync("/");
        }

        var tries = await SignInStatusesAsync(Factory, email, 5);

        Assert.Contains("locked", tries[^1].Message, StringComparison.Ordinal);
        Factory.Queries.Reset();
        using var visitor = HtmlClient.For(Factory);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).Status);
        Assert.Equal(0, Factory.Queries.Count);
    }

    /// <summary>Wrong-password attempts, each from a fresh client (a new cookie, as a script would), alternating between
    /// <paramref name="instances"/>.</summary>
    internal static async Task<List<(HttpStatusCode Status, string Message, double? RetryAfter)>> SignInStatusesAsync(
        RcpHubFactory factory, string email, int attempts, params RcpHubFactory[] instances)
    {
        RcpHubFactory[] all = [factory, .. instances];
        var results = new List<(HttpStatusCode, string, double?)>();
        for (var i = 0; i < attempts; i++)
        {
            using var client = HtmlClient.For(all[i % all.Length]);
            var form = await client.GetAsync("/account/sign-in");
            var token = form.Document.QuerySelector("#sign-in input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = $"Wrong-Password-Number-{i}",
                ["__RequestVerificationToken"] = token,
            });
            using var response = await client.Http.PostAsync("/account/sign-in", content);
            var page = await HtmlClient.Page.ReadAsync(response);
            var message = response.StatusCode == HttpStatusCode.OK ? page.Text("#sign-in .error") : page.Text("h1");
            results.Add((response.StatusCode, message, response.Headers.RetryAfter?.Delta?.TotalSeconds));
        }
        return results;
    }
}
