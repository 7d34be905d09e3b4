using System.Net;
using Microsoft.AspNetCore.Identity;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

/// <summary>A copy of the sign-in cookie (another device, or one taken by someone else) ends with the session it
/// was copied from: at sign-out, and at a password change or reset.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Signing_out_ends_every_copy_of_the_cookie()
    {
        var (first, copy) = await SignedInTwiceAsync();
        var home = await first.GetAsync("/");

        await first.SubmitAsync(home, "header form[action='/account/sign-out']", new Dictionary<string, string>());

        await AssertSignedOutAsync(copy);
        first.Dispose();
        copy.Dispose();
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var (first, copy) = await SignedInTwiceAsync();
        var form = await first.GetAsync("/account/change-password");

        var changed = await first.SubmitAsync(form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "Brand-New-Passphrase-2031",
            ["Input.ConfirmPassword"] = "Brand-New-Passphrase-2031",
        });

        Assert.Equal("/account", changed.Url);
        await AssertSignedOutAsync(copy);
        var still = await first.GetAsync("/account");
        Assert.Equal("/account", still.Url);
        first.Dispose();
        copy.Dispose();
    }

    [Fact]
    public async Task Resetting_the_password_ends_every_session()
    {
        var (signedIn, copy) = await SignedInTwiceAsync();
        copy.Dispose();
        string token;
        await using (var scope = _factory.Scope())
        {
            var users = scope.Get<UserManager<AppUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(_email))!);
        }
        using var anonymous = HtmlClient.For(_factory);
        var form = await anonymous.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(_email)}&token={Uri.EscapeDataString(token)}");

        var done = await anonymous.SubmitAsync(form, "#reset-password", new Dictionary<string, string> { ["Input.NewPassword"] = "Seven-Orange-Bicycles-Waiting", ["Input.ConfirmPassword"] = "Seven-Orange-Bicycles-Waiting" });

        Assert.Equal("Your new password is saved. You can now sign in with it.", done.Text("main .notice"));
        await AssertSignedOutAsync(signedIn);
        signedIn.Dispose();
    }

    private string _email = "";

    private async Task<(HtmlClient First, HtmlClient Copy)> SignedInTwiceAsync()
    {
        _email = TestAccounts.NewEmail("twice");
        await TestAccounts.CreateAsync(_factory, _email);
        var first = HtmlClient.For(_factory);
        Assert.Equal("/my", (await first.SignInAsync(_email)).Url);
        var copy = HtmlClient.For(_factory);
        var auth = first.Cookies.GetCookies(first.Http.BaseAddress!)["rcphub.auth"];
        Assert.NotNull(auth);
        copy.AddCookie($"{auth.Name}={auth.Value}");
        Assert.Equal("/account", (await copy.GetAsync("/account")).Url);
        return (first, copy);
    }

    private static async Task AssertSignedOutAsync(HtmlClient client)
    {
        var account = await client.GetAsync("/account");
        Assert.StartsWith("/account/sign-in", account.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, account.Status);
    }
}
