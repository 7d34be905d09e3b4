using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Invitations;

public sealed class AdminInvitationsTests : IAsyncLifetime
{
    private SmtpCatcher _smtp = null!;
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _factory = await RcpHubFactory.CreateAsync(_smtp.Configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_invites_another_administrator_who_then_administers()
    {
        var adminEmail = TestAccounts.NewEmail("admin");
        await TestAccounts.CreateAsync(_factory, adminEmail, administrator: true, name: "Ada Admin");
        using var admin = HtmlClient.For(_factory);
        await admin.SignInAsync(adminEmail);
        var page = await admin.GetAsync("/admin/invitations");
        var invitee = TestAccounts.NewEmail("new-admin");

        var sent = await admin.SubmitAsync(page, "#invite", new Dictionary<string, string> { ["Input.Email"] = invitee, ["Input.InviteAs"] = "PlatformAdministrator" });

        Assert.Equal($"Invitation sent to {invitee}.", sent.Text("main .notice"));
        var mail = await _smtp.WaitForMessageToAsync(invitee, TimeSpan.FromSeconds(20));
        Assert.Equal("Your invitation to RcpHub", mail.Subject);
        using var person = HtmlClient.For(_factory);
        var accept = await person.GetAsync(mail.LinkTo("/account/accept-invitation"));
        Assert.Contains("administrator of RcpHub", accept.Text("#invitation-summary"));
        await person.SubmitAsync(accept, "#create-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nora Newadmin",
            ["Input.NewPassword"] = "Copper-Kettle-Singing-Loudly",
            ["Input.ConfirmPassword"] = "Copper-Kettle-Singing-Loudly",
        });
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/admin/invitations")).Status);
        await using var scope = _factory.Scope();
        Assert.True((await scope.Db.Users.SingleAsync(u => u.Email == invitee)).IsPlatformAdministrator);
    }

    [Fact]
    public async Task A_process_role_needs_a_process_and_non_administrators_are_refused()
    {
        var adminEmail = TestAccounts.NewEmail("admin");
        await TestAccounts.CreateAsync(_factory, adminEmail, administrator: true);
        using var admin = HtmlClient.For(_factory);
        await admin.SignInAsync(adminEmail);
        var page = await admin.GetAsync("/admin/invitations");

        var missing = await admin.SubmitAsync(page, "#invite", new Dictionary<string, string> { ["Input.Email"] = "chair@example.org", ["Input.InviteAs"] = "Chair", ["Input.ProcessSlug"] = "" });
        Assert.Equal("Choose the process.", missing.Text("[data-valmsg-for='Input.ProcessSlug']"));
        await using (var scope = _factory.Scope())
        {
            Assert.False(await scope.Db.Invitations.AnyAsync(i => i.Email == "chair@example.org"));
        }

        var userEmail = TestAccounts.NewEmail("plain");
        await TestAccounts.CreateAsync(_factory, userEmail);
        using var plain = HtmlClient.For(_factory);
        await plain.SignInAsync(userEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync("/admin/invitations")).Status);
    }
}
