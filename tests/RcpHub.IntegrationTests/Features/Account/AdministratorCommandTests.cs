using System.Net;
using Microsoft.AspNetCore.Identity;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

/// <summary>The first sign-in as the README describes it: <c>create-admin</c> prints a link to set the password.</summary>
public sealed class AdministratorCommandTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Create_admin_prints_a_link_that_sets_the_password_of_a_working_administrator()
    {
        var email = TestAccounts.NewEmail("first-admin");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await AdministratorCommand.RunAsync(_factory.Services, ["create-admin", "--email", email, "--name", "Ada Admin"], output, errors, password: null);

        Assert.Equal(0, exit);
        Assert.Equal("", errors.ToString());
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        Assert.StartsWith("http://localhost:5080/account/reset-password?email=", link, StringComparison.Ordinal);

        using var client = HtmlClient.For(_factory);
        var form = await client.GetAsync(new Uri(link).PathAndQuery);
        const string Password = "Lighthouse-Keeper-Morning-Tea";
        var done = await client.SubmitAsync(form, "#reset-password", new Dictionary<string, string> { ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = Password });
        Assert.Equal("Your new password is saved. You can now sign in with it.", done.Text("main .notice"));

        await client.SignInAsync(email, Password);
        var admin = await client.GetAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal("Invite people to RcpHub (administration)", admin.Text("h1"));
        var account = await client.GetAsync("/account");
        Assert.Contains("You are a platform administrator", account.Text("main"));
    }

    [Fact]
    public async Task Create_admin_with_a_password_from_the_environment_applies_the_policy()
    {
        var email = TestAccounts.NewEmail("second-admin");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var weak = await AdministratorCommand.RunAsync(_factory.Services, ["create-admin", "--email", email], output, errors, password: "password1234");
        var strong = await AdministratorCommand.RunAsync(_factory.Services, ["create-admin", "--email", email], output, errors, password: "Granite-Meadow-Sparrow-Fifty");
        var again = await AdministratorCommand.RunAsync(_factory.Services, ["create-admin", "--email", email], output, errors, password: "Granite-Meadow-Sparrow-Fifty");

        Assert.Equal(1, weak);
        Assert.Contains("commonly used passwords", errors.ToString());
        Assert.Equal(0, strong);
        Assert.Equal(1, again);
        Assert.Contains($"An account for {email} already exists.", errors.ToString());
        await using var scope = _factory.Scope();
        var user = await scope.Get<UserManager<AppUser>>().FindByEmailAsync(email);
        Assert.True(user!.IsPlatformAdministrator);
    }

    [Fact]
    public async Task Create_admin_without_an_email_explains_its_usage()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(2, await AdministratorCommand.RunAsync(_factory.Services, ["create-admin"], output, errors, password: null));
        Assert.StartsWith("Usage: create-admin", errors.ToString(), StringComparison.Ordinal);
    }
}
