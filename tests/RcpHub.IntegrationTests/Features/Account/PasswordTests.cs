using Microsoft.AspNetCore.Identity;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

/// <summary>Password reset through a real SMTP server, password change, and the password policy.</summary>
public sealed class PasswordTests : MailingTests
{
    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var email = TestAccounts.NewEmail("forgetful");
        await TestAccounts.CreateAsync(Factory, email, name: "Frank Forgetful");
        using var client = HtmlClient.For(Factory);
        var form = await client.GetAsync("/account/forgot-password");

        var sent = await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Contains("If an account exists for this address", sent.Text("main .notice"));
        var mail = await Smtp.WaitForMessageToAsync(email, MailWait);
        Assert.Equal("Reset your RcpHub password", mail.Subject);
        Assert.Contains("Hello Frank Forgetful,", mail.Body);
        var reset = await client.GetAsync(mail.LinkTo("/account/reset-password"));
        Assert.Contains(email, reset.Text("#reset-password"));

        var common = await client.SubmitAsync(reset, "#reset-password", new Dictionary<string, string> { ["Input.NewPassword"] = "Password1234", ["Input.ConfirmPassword"] = "Password1234" });
        Assert.Contains("commonly used passwords", common.Text("[data-valmsg-for='Input.NewPassword']"));

        const string NewPassword = "Seven-Orange-Bicycles-Waiting";
        var done = await client.SubmitAsync(common, "#reset-password", new Dictionary<string, string> { ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal("Your new password is saved. You can now sign in with it.", done.Text("main .notice"));

        Assert.StartsWith("/account/sign-in", (await client.SignInAsync(email)).Url, StringComparison.Ordinal);
        Assert.Equal("/my", (await client.SignInAsync(email, NewPassword)).Url);

        // The link works once: the password change invalidated its token.
        var again = await client.GetAsync(mail.LinkTo("/account/reset-password"));
        var reused = await client.SubmitAsync(again, "#reset-password", new Dictionary<string, string> { ["Input.NewPassword"] = "Another-Long-Passphrase-Here", ["Input.ConfirmPassword"] = "Another-Long-Passphrase-Here" });
        Assert.Equal("This link is not valid or has expired. Ask for a new one.", reused.Text("#reset-password .error"));
    }

    [Fact]
    public async Task The_forgotten_password_form_says_the_same_for_an_unknown_address_and_sends_nothing()
    {
        var unknown = TestAccounts.NewEmail("nobody");
        using var client = HtmlClient.For(Factory);
        var form = await client.GetAsync("/account/forgot-password");

        var sent = await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = unknown });

        Assert.Contains("If an account exists for this address", sent.Text("main .notice"));
        await Task.Delay(500);
        Assert.False(await Smtp.HasMessageToAsync(unknown));
    }

    [Fact]
    public async Task A_reset_link_with_a_forged_token_is_refused()
    {
        var email = TestAccounts.NewEmail("victim");
        await TestAccounts.CreateAsync(Factory, email);
        using var client = HtmlClient.For(Factory);
        var form = await client.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(email)}&token=forged");

        var page = await client.SubmitAsync(form, "#reset-password", new Dictionary<string, string> { ["Input.NewPassword"] = "Attacker-Chosen-Passphrase", ["Input.ConfirmPassword"] = "Attacker-Chosen-Passphrase" });

        Assert.Equal("This link is not valid or has expired. Ask for a new one.", page.Text("#reset-password .error"));
        Assert.Equal("/my", (await client.SignInAsync(email)).Url);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_applies_the_policy()
    {
        var email = TestAccounts.NewEmail("changer");
        await TestAccounts.CreateAsync(Factory, email, name: "Clara Changer");
        using var client = HtmlClient.For(Factory);
        await client.SignInAsync(email);
        var form = await client.GetAsync("/account/change-password");

        var wrongCurrent = await client.SubmitAsync(form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Not-My-Current-Password",
            ["Input.NewPassword"] = "Brand-New-Passphrase-2031",
            ["Input.ConfirmPassword"] = "Brand-New-Passphrase-2031",
        });
        Assert.Equal("The current password is not correct.", wrongCurrent.Text("[data-valmsg-for='Input.CurrentPassword']"));

        var personal = await client.SubmitAsync(form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "my name is Clara Changer!",
            ["Input.ConfirmPassword"] = "my name is Clara Changer!",
        });
        Assert.Equal("The password must not contain your name or your email address.", personal.Text("[data-valmsg-for='Input.NewPassword']"));

        var mismatch = await client.SubmitAsync(form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "Brand-New-Passphrase-2031",
            ["Input.ConfirmPassword"] = "Brand-New-Passphrase-2032",
        });
        Assert.Equal("The two passwords are not the same.", mismatch.Text("[data-valmsg-for='Input.ConfirmPassword']"));

        var changed = await client.SubmitAsync(form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "Brand-New-Passphrase-2031",
            ["Input.ConfirmPassword"] = "Brand-New-Passphrase-2031",
        });
        Assert.Equal("/account", changed.Url);
        Assert.Equal("Your password has been changed.", changed.Text("main .notice"));
        await using var scope = Factory.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, "Brand-New-Passphrase-2031"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("iloveyou1234")]
    public async Task Common_passwords_are_refused_with_a_clear_message(string password)
    {
        var result = await CreateWithPasswordAsync(password);
        var error = Assert.Single(result.Errors);
        Assert.Equal("CommonPassword", error.Code);
        Assert.Equal("This password is on the list of commonly used passwords that attackers try first. Choose another one, for example a few unrelated words.", error.Description);
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_symbols_is_accepted()
    {
        var result = await CreateWithPasswordAsync("correct horse battery staple");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Eleven_characters_are_too_few()
    {
        var result = await CreateWithPasswordAsync("Xq7#mZ2!kLw");
        Assert.Equal("The password must have at least 12 characters.", Assert.Single(result.Errors).Description);
    }

    private async Task<IdentityResult> CreateWithPasswordAsync(string password)
    {
        await using var scope = Factory.Scope();
        var email = TestAccounts.NewEmail("policy");
        return await scope.Get<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Policy Person" }, password);
    }
}
