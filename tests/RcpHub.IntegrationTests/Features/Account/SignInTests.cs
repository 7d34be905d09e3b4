using System.Net;
using Microsoft.AspNetCore.Identity;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

public sealed class SignInTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    // The lock-out test signs in six times in a row, past the per-account rate limit that RateLimitTests covers.
    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync(f => f.Settings["RateLimits:SignInPerAccount:PermitLimit"] = "100");

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_shows_my_account()
    {
        var email = TestAccounts.NewEmail("reader");
        await TestAccounts.CreateAsync(_factory, email, name: "Rosa Parks");
        using var client = HtmlClient.For(_factory);

        var challenged = await client.GetAsync("/account");
        Assert.StartsWith("/account/sign-in", challenged.Url, StringComparison.Ordinal);

        var page = await client.SubmitAsync(challenged, "#sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });

        Assert.Equal("/account", page.Url);
        Assert.Equal("My account", page.Text("h1"));
        Assert.Contains("Rosa Parks", page.Text("dl.facts"));
        Assert.Contains(email, page.Text("dl.facts"));
        Assert.Equal("Rosa Parks", page.Text("header .account a"));
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var email = TestAccounts.NewEmail("reader");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);

        var page = await client.SignInAsync(email, returnUrl: "https://evil.example/steal");

        Assert.Equal("/my", page.Url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var email = TestAccounts.NewEmail("reader");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);

        var wrongPassword = await client.SignInAsync(email, "Not-The-Right-Password-At-All");
        var unknown = await client.SignInAsync(TestAccounts.NewEmail("nobody"), "Not-The-Right-Password-At-All");

        Assert.Equal("The email address or the password is not correct.", wrongPassword.Text("#sign-in .error"));
        Assert.Equal(wrongPassword.Text("#sign-in .error"), unknown.Text("#sign-in .error"));
        Assert.StartsWith("/account/sign-in", unknown.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = TestAccounts.NewEmail("target");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);

        for (var i = 0; i < 4; i++)
        {
            var failed = await client.SignInAsync(email, $"Wrong-Password-Number-{i}");
            Assert.Equal("The email address or the password is not correct.", failed.Text("#sign-in .error"));
        }
        var fifth = await client.SignInAsync(email, "Wrong-Password-Number-5");
        var right = await client.SignInAsync(email);

        const string Locked = "After too many failed attempts this account is locked for 15 minutes. Try again later, or reset your password.";
        Assert.Equal(Locked, fifth.Text("#sign-in .error"));
        Assert.Equal(Locked, right.Text("#sign-in .error"));
        Assert.StartsWith("/account/sign-in", right.Url, StringComparison.Ordinal);
        await using var scope = _factory.Scope();
        var user = await scope.Get<UserManager<AppUser>>().FindByEmailAsync(email);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task An_empty_form_shows_field_messages()
    {
        using var client = HtmlClient.For(_factory);
        var form = await client.GetAsync("/account/sign-in");

        var page = await client.SubmitAsync(form, "#sign-in", new Dictionary<string, string>());

        Assert.Equal("Enter your email address.", page.Text("[data-valmsg-for='Input.Email']"));
        Assert.Equal("Enter your password.", page.Text("[data-valmsg-for='Input.Password']"));
    }

    [Fact]
    public async Task Signing_out_forgets_the_person()
    {
        var email = TestAccounts.NewEmail("reader");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);
        var home = await client.SignInAsync(email);

        var after = await client.SubmitAsync(home, "header form[action='/account/sign-out']", new Dictionary<string, string>());

        Assert.Equal("/", after.Url);
        Assert.Equal("Sign in", after.Text("header .account a"));
        var account = await client.GetAsync("/account");
        Assert.StartsWith("/account/sign-in", account.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_speaks_the_visitors_language()
    {
        using var client = HtmlClient.For(_factory, acceptLanguage: "fr");
        var page = await client.GetAsync("/account/sign-in");
        Assert.Equal("Se connecter", page.Text("h1"));
        Assert.Equal("Adresse e-mail", page.Text("label[for='Input_Email']"));
    }
}
