using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

/// <summary>TOTP two-factor authentication, with codes computed as an authenticator app would (RFC 6238).</summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Two_factor_is_turned_on_with_a_code_and_then_asked_for_at_sign_in()
    {
        var email = TestAccounts.NewEmail("careful");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);
        await client.SignInAsync(email);

        var setup = await client.GetAsync("/account/two-factor");
        var key = setup.Text("#shared-key");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Equal($"otpauth://totp/RcpHub%3A{Uri.EscapeDataString(email)}?secret={key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}&issuer=RcpHub&digits=6&period=30", setup.Text("#authenticator-uri"));

        var wrong = await client.SubmitAsync(setup, "#enable-two-factor", new Dictionary<string, string> { ["Verify.Code"] = WrongCode(key) });
        Assert.Contains("This code is not correct", wrong.Text("[data-valmsg-for='Verify.Code']"));

        var enabled = await client.SubmitAsync(setup, "#enable-two-factor", new Dictionary<string, string> { ["Verify.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("Two-factor authentication is on.", enabled.Text("main .notice.ok"));
        var recoveryCodes = enabled.Texts("#recovery-codes li");
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Empty((await client.GetAsync("/account/two-factor")).Texts("#recovery-codes li"));

        await SignOutAsync(client);
        var secondStep = await client.SignInAsync(email, returnUrl: "/account");
        Assert.StartsWith("/account/sign-in-2fa", secondStep.Url, StringComparison.Ordinal);
        var rejected = await client.SubmitAsync(secondStep, "#two-factor", new Dictionary<string, string> { ["Input.Code"] = WrongCode(key) });
        Assert.Contains("This code is not correct", rejected.Text("[data-valmsg-for='Input.Code']"));
        var signedIn = await client.SubmitAsync(rejected, "#two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/account", signedIn.Url);
        Assert.Equal("On", signedIn.Texts("dl.facts dd")[2]);

        // A recovery code signs in once instead of a TOTP code.
        await SignOutAsync(client);
        var viaRecovery = await client.SubmitAsync(await client.SignInAsync(email), "#two-factor", new Dictionary<string, string> { ["Input.Code"] = recoveryCodes[0] });
        Assert.Equal("/my", viaRecovery.Url);
        await SignOutAsync(client);
        var reused = await client.SubmitAsync(await client.SignInAsync(email), "#two-factor", new Dictionary<string, string> { ["Input.Code"] = recoveryCodes[0] });
        Assert.StartsWith("/account/sign-in-2fa", reused.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_gives_a_new_key()
    {
        var email = TestAccounts.NewEmail("relaxed");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);
        await client.SignInAsync(email);
        var setup = await client.GetAsync("/account/two-factor");
        var key = setup.Text("#shared-key");
        var enabled = await client.SubmitAsync(setup, "#enable-two-factor", new Dictionary<string, string> { ["Verify.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var refused = await client.SubmitAsync(enabled, "#disable-two-factor", new Dictionary<string, string> { ["Confirm.Password"] = "Not-My-Password-Really" });
        Assert.Equal("The password is not correct.", refused.Text("#disable-two-factor .field-error"));
        Assert.NotNull(refused.Document.QuerySelector("#disable-two-factor"));

        var disabled = await client.SubmitAsync(refused, "#disable-two-factor", new Dictionary<string, string> { ["Confirm.Password"] = TestAccounts.Password });
        Assert.Equal("Two-factor authentication is off.", disabled.Text("main .notice.ok"));
        Assert.NotEqual(key, disabled.Text("#shared-key"));

        await SignOutAsync(client);
        Assert.Equal("/my", (await client.SignInAsync(email)).Url);
    }

    private static string WrongCode(string key)
    {
        var right = Totp.Code(key, DateTimeOffset.UtcNow);
        // Identity accepts codes from a few steps around now: the wrong one must differ from all of them.
        var near = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static async Task SignOutAsync(HtmlClient client)
    {
        var home = await client.GetAsync("/");
        await client.SubmitAsync(home, "header form[action='/account/sign-out']", new Dictionary<string, string>());
    }
}
