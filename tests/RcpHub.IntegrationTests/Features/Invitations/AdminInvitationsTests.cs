using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Invitations;

public sealed class AdminInvitationsTests : MailingTests
{
    [Fact]
    public async Task An_administrator_invites_another_administrator_who_then_administers()
    {
        var adminEmail = TestAccounts.NewEmail("admin");
        await TestAccounts.CreateAsync(Factory, adminEmail, administrator: true, name: "Ada Admin");
        using var admin = HtmlClient.For(Factory);
        await admin.SignInAsync(adminEmail);
        var page = await admin.GetAsync("/admin/invitations");
        var invitee = TestAccounts.NewEmail("new-admin");

        var sent = await admin.SubmitAsync(page, "#invite", new Dictionary<string, string> { ["Input.Email"] = invitee, ["Input.InviteAs"] = "PlatformAdministrator" });

        Assert.Equal($"Invitation sent to {invitee}.", sent.Text("main .notice"));
        var mail = await Smtp.WaitForMessageToAsync(invitee, MailWait);
        Assert.Equal("Your invitation to RcpHub", mail.Subject);
        using var person = HtmlClient.For(Factory);
        var accept = await person.GetAsync(mail.LinkTo("/account/accept-invitation"));
        Assert.Contains("administrator of RcpHub", accept.Text("#invitation-summary"));
        await person.SubmitAsync(accept, "#create-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nora Newadmin",
            ["Input.NewPassword"] = "Copper-Kettle-Singing-Loudly",
            ["Input.ConfirmPassword"] = "Copper-Kettle-Singing-Loudly",
        });
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/admin/invitations")).Status);
        await using var scope = Factory.Scope();
        Assert.True((await scope.Db.Users.SingleAsync(u => u.Email == invitee)).IsPlatformAdministrator);
    }

    [Fact]
    public async Task A_process_role_needs_a_process_and_non_administrators_are_refused()
    {
        var adminEmail = TestAccounts.NewEmail("admin");
        await TestAccounts.CreateAsync(Factory, adminEmail, administrator: true);
        using var admin = HtmlClient.For(Factory);
        await admin.SignInAsync(adminEmail);
        var page = await admin.GetAsync("/admin/invitations");

        var missing = await admin.SubmitAsync(page, "#invite", new Dictionary<string, string> { ["Input.Email"] = "chair@example.org", ["Input.InviteAs"] = "Chair", ["Input.ProcessSlug"] = "" });
        Assert.Equal("Choose the process.", missing.Text("[data-valmsg-for='Input.ProcessSlug']"));
        await using (var scope = Factory.Scope())
        {
            Assert.False(await scope.Db.Invitations.AnyAsync(i => i.Email == "chair@example.org"));
        }

        var userEmail = TestAccounts.NewEmail("plain");
        await TestAccounts.CreateAsync(Factory, userEmail);
        using var plain = HtmlClient.For(Factory);
        await plain.SignInAsync(userEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync("/admin/invitations")).Status);
    }
}
