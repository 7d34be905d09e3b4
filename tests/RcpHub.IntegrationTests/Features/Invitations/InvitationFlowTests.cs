using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Invitations;

/// <summary>Sign-up by invitation, end to end through a real SMTP server.</summary>
public sealed class InvitationFlowTests : MailingTests
{
    private string _slug = "";
    private string _memberState = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (_slug, _memberState) = await TestAccounts.ProcessWithMembersAsync(Factory);
    }

    /// <summary>A signed-in secretariat member of the process, named "Sam Secretariat" and <paramref name="suffix"/>.</summary>
    private async Task<HtmlClient> SecretariatAsync(string suffix = "")
    {
        var email = TestAccounts.NewEmail("secretariat");
        await TestAccounts.CreateAsync(Factory, email, name: "Sam Secretariat" + suffix, roles: (_slug, ProcessRole.Secretariat));
        var client = HtmlClient.For(Factory);
        await client.SignInAsync(email);
        return client;
    }

    private static Task<HtmlClient.Page> InviteAsync(HtmlClient client, HtmlClient.Page page, string email, string role, string state = "", string ministry = "") =>
        client.SubmitAsync(page, "#invite", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Role"] = role,
            ["Input.StateCode"] = state,
            ["Input.Ministry"] = ministry,
        });

    [Fact]
    public async Task An_invited_person_creates_an_account_from_the_email_and_holds_the_role()
    {
        using var secretariat = await SecretariatAsync(" Mailer");
        var invitee = TestAccounts.NewEmail("observer");
        var page = await secretariat.GetAsync($"/processes/{_slug}/manage/invitations");

        var sent = await InviteAsync(secretariat, page, invitee, "Observer");

        Assert.Equal($"Invitation sent to {invitee}.", sent.Text("main .notice"));
        Assert.Contains("Pending", sent.Text("#invitations"));
        var mail = await Smtp.WaitForMessageToAsync(invitee, MailWait);
        Assert.StartsWith("Your invitation to ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Sam Secretariat Mailer invites you to take part in", mail.Body);
        Assert.Contains("as Observer", mail.Body);

        using var person = HtmlClient.For(Factory);
        var link = mail.LinkTo("/account/accept-invitation");
        var accept = await person.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, accept.Status);
        Assert.Contains(invitee, accept.Text("#create-account"));

        var tooShort = await person.SubmitAsync(accept, "#create-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Olga Observer",
            ["Input.NewPassword"] = "short-pass",
            ["Input.ConfirmPassword"] = "short-pass",
        });
        Assert.Equal("The password must have at least 12 characters.", tooShort.Text("[data-valmsg-for='Input.NewPassword']"));
        await using (var scope = Factory.Scope())
        {
            Assert.False(await scope.Db.Users.AnyAsync(u => u.Email == invitee));
        }

        var welcome = await person.SubmitAsync(tooShort, "#create-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Olga Observer",
            ["Input.NewPassword"] = "Northern-Lights-Over-Tromso",
            ["Input.ConfirmPassword"] = "Northern-Lights-Over-Tromso",
        });
        Assert.Equal("/my", welcome.Url);
        Assert.Contains("The invitation is accepted", welcome.Text("main .notice"));
        Assert.Contains("Observer", welcome.Text("#my-roles"));
        Assert.Equal("Olga Observer", welcome.Text("header .account a"));

        // An observer may not invite: the page is refused.
        var refused = await person.GetAsync($"/processes/{_slug}/manage/invitations");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.StartsWith("/account/access-denied", refused.Url, StringComparison.Ordinal);

        // The link works once.
        using var stranger = HtmlClient.For(Factory);
        var used = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, used.Status);
        Assert.Contains("already been accepted", used.Text("#invitation-problem"));
        Assert.Contains("Accepted", (await secretariat.GetAsync($"/processes/{_slug}/manage/invitations")).Text("#invitations"));
    }

    [Fact]
    public async Task An_invited_secretariat_member_can_then_invite_others()
    {
        using var secretariat = await SecretariatAsync();
        var invitee = TestAccounts.NewEmail("colleague");
        await InviteAsync(secretariat, await secretariat.GetAsync($"/processes/{_slug}/manage/invitations"), invitee, "Secretariat");
        var mail = await Smtp.WaitForMessageToAsync(invitee, MailWait);

        using var person = HtmlClient.For(Factory);
        var accept = await person.GetAsync(mail.LinkTo("/account/accept-invitation"));
        await person.SubmitAsync(accept, "#create-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Celia Colleague",
            ["Input.NewPassword"] = "Paper-Boats-On-The-Danube",
            ["Input.ConfirmPassword"] = "Paper-Boats-On-The-Danube",
        });

        var page = await person.GetAsync($"/processes/{_slug}/manage/invitations");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#invite"));
    }

    [Fact]
    public async Task A_focal_point_needs_a_current_member_state_and_a_ministry()
    {
        using var secretariat = await SecretariatAsync();
        var invitee = TestAccounts.NewEmail("focal");
        var page = await secretariat.GetAsync($"/processes/{_slug}/manage/invitations");

        var missing = await InviteAsync(secretariat, page, invitee, "FocalPoint");
        Assert.Equal("A focal point represents a member state: choose it.", missing.Text("[data-valmsg-for='Input.StateCode']"));
        Assert.Equal("Enter the ministry or institution the focal point works for.", missing.Text("[data-valmsg-for='Input.Ministry']"));

        var notMember = await InviteAsync(secretariat, page, invitee, "FocalPoint", "ATA", "Ministry of Penguins");
        Assert.Equal("This state is not a current member of the process.", notMember.Text("[data-valmsg-for='Input.StateCode']"));

        var badEmail = await InviteAsync(secretariat, page, "not-an-email", "Observer");
        Assert.Equal("Enter a valid email address.", badEmail.Text("[data-valmsg-for='Input.Email']"));

        await using (var scope = Factory.Scope())
        {
            Assert.False(await scope.Db.Invitations.AnyAsync(i => i.Email == invitee || i.Email == "not-an-email"));
        }

        var sent = await InviteAsync(secretariat, page, invitee, "FocalPoint", _memberState, "Ministry of Interior");
        Assert.Equal($"Invitation sent to {invitee}.", sent.Text("main .notice"));
        Assert.Contains("Ministry of Interior", sent.Text("#invitations"));
        var duplicate = await InviteAsync(secretariat, sent, invitee, "FocalPoint", _memberState, "Ministry of Interior");
        Assert.Equal("A pending invitation to this role has already been sent to this address.", duplicate.Text("[data-valmsg-for='Input.Email']"));

        await using (var scope = Factory.Scope())
        {
            var invitation = await scope.Db.Invitations.SingleAsync(i => i.Email == invitee);
            Assert.Equal(_memberState, invitation.StateCode);
            Assert.Equal(64, invitation.TokenHash.Length);
            Assert.InRange(invitation.ExpiresAt - invitation.CreatedAt, TimeSpan.FromDays(14), TimeSpan.FromDays(14));
        }
    }

    [Fact]
    public async Task A_person_with_an_account_signs_in_first_and_then_holds_several_roles()
    {
        var email = TestAccounts.NewEmail("existing");
        await TestAccounts.CreateAsync(Factory, email, name: "Erin Existing", roles: (_slug, ProcessRole.Observer));
        using var secretariat = await SecretariatAsync();
        await InviteAsync(secretariat, await secretariat.GetAsync($"/processes/{_slug}/manage/invitations"), email, "Chair");
        var mail = await Smtp.WaitForMessageToAsync(email, MailWait);

        using var person = HtmlClient.For(Factory);
        var accept = await person.GetAsync(mail.LinkTo("/account/accept-invitation"));
        Assert.Null(accept.Document.QuerySelector("#create-account"));
        var signInLink = accept.Document.QuerySelector("a.button")!.GetAttribute("href")!;
        var signIn = await person.GetAsync(signInLink);
        var back = await person.SubmitAsync(signIn, "#sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
        Assert.StartsWith("/account/accept-invitation", back.Url, StringComparison.Ordinal);

        var account = await person.SubmitAsync(back, "#accept", new Dictionary<string, string>());

        Assert.Equal("/my", account.Url);
        var roles = account.Text("#my-roles");
        Assert.Contains("Observer", roles);
        Assert.Contains("Chair", roles);
    }

    [Fact]
    public async Task Unknown_revoked_and_expired_links_explain_themselves()
    {
        using var person = HtmlClient.For(Factory);
        var unknown = await person.GetAsync("/account/accept-invitation?token=not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("This invitation link is not valid", unknown.Text("#invitation-problem"));
        var empty = await person.GetAsync("/account/accept-invitation");
        Assert.Equal(HttpStatusCode.NotFound, empty.Status);

        using var secretariat = await SecretariatAsync();
        var revokedEmail = TestAccounts.NewEmail("revoked");
        var page = await InviteAsync(secretariat, await secretariat.GetAsync($"/processes/{_slug}/manage/invitations"), revokedEmail, "Observer");
        var revokedLink = (await Smtp.WaitForMessageToAsync(revokedEmail, MailWait)).LinkTo("/account/accept-invitation");
        // Revoking asks first: the link shows the question, and only answering it revokes.
        var ask = page.Document.QuerySelector("#invitations a[href^='?revoke=']")!.GetAttribute("href")!.Split('#')[0];
        var asked = await secretariat.GetAsync($"/processes/{_slug}/manage/invitations{ask}");
        Assert.Contains(revokedEmail, asked.Text("#confirm-removal"), StringComparison.OrdinalIgnoreCase);
        var afterRevoke = await secretariat.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The invitation has been revoked: its link no longer works.", afterRevoke.Text("main .notice"));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(revokedLink)).Status);

        var expiredEmail = TestAccounts.NewEmail("late");
        await InviteAsync(secretariat, await secretariat.GetAsync($"/processes/{_slug}/manage/invitations"), expiredEmail, "Observer");
        var expiredLink = (await Smtp.WaitForMessageToAsync(expiredEmail, MailWait)).LinkTo("/account/accept-invitation");
        await using (var scope = Factory.Scope())
        {
            var invitation = await scope.Db.Invitations.SingleAsync(i => i.Email == expiredEmail);
            invitation.CreatedAt = DateTimeOffset.UtcNow.AddDays(-15);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1);
            await scope.Db.SaveChangesAsync();
        }
        var expired = await person.GetAsync(expiredLink);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("This invitation has expired", expired.Text("#invitation-problem"));
        Assert.Contains("Expired", (await secretariat.GetAsync($"/processes/{_slug}/manage/invitations")).Text("#invitations"));
    }

    [Fact]
    public async Task Only_the_secretariat_of_the_process_reaches_its_invitations_and_people()
    {
        var chair = TestAccounts.NewEmail("chair");
        await TestAccounts.CreateAsync(Factory, chair, roles: (_slug, ProcessRole.Chair));
        using var client = HtmlClient.For(Factory);
        await client.SignInAsync(chair);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/processes/{_slug}/manage/invitations")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/processes/{_slug}/manage/people")).Status);

        using var anonymous = HtmlClient.For(Factory);
        Assert.StartsWith("/account/sign-in", (await anonymous.GetAsync($"/processes/{_slug}/manage/people")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_revokes_a_role_and_the_person_loses_access_at_once()
    {
        var colleague = TestAccounts.NewEmail("leaving");
        await TestAccounts.CreateAsync(Factory, colleague, name: "Leo Leaving", roles: (_slug, ProcessRole.Secretariat));
        using var leaving = HtmlClient.For(Factory);
        await leaving.SignInAsync(colleague);
        Assert.Equal(HttpStatusCode.OK, (await leaving.GetAsync($"/processes/{_slug}/manage/people")).Status);

        using var secretariat = await SecretariatAsync();
        var people = await secretariat.GetAsync($"/processes/{_slug}/manage/people");
        var row = people.Document.QuerySelectorAll("#people tbody tr").Single(r => r.TextContent.Contains("Leo Leaving", StringComparison.Ordinal));
        var id = row.QuerySelector("a[href^='?revoke=']")!.GetAttribute("href")!.Split('#')[0]["?revoke=".Length..];

        var asked = await secretariat.GetAsync($"/processes/{_slug}/manage/people?revoke={id}");
        Assert.Contains("Revoke the role of Leo Leaving", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        var after = await secretariat.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());

        Assert.Equal("The role has been revoked.", after.Text("main .notice"));
        Assert.Contains("Leo Leaving", after.Text("#revoked-roles"));
        Assert.DoesNotContain("Leo Leaving", after.Text("#people"));
        Assert.Equal(HttpStatusCode.Forbidden, (await leaving.GetAsync($"/processes/{_slug}/manage/people")).Status);
        await using var scope = Factory.Scope();
        Assert.NotNull((await scope.Db.ProcessRoleAssignments.SingleAsync(a => a.Id == int.Parse(id))).RevokedAt);
    }

    [Fact]
    public async Task The_secretariat_cannot_revoke_its_own_secretariat_role()
    {
        using var secretariat = await SecretariatAsync(" Self");
        var people = await secretariat.GetAsync($"/processes/{_slug}/manage/people");
        var row = people.Document.QuerySelectorAll("#people tbody tr").Single(r => r.TextContent.Contains("Sam Secretariat Self", StringComparison.Ordinal));

        var id = row.QuerySelector("a[href^='?revoke=']")!.GetAttribute("href")!.Split('#')[0]["?revoke=".Length..];
        var after = await secretariat.SubmitAsync(await secretariat.GetAsync($"/processes/{_slug}/manage/people?revoke={id}"), "#confirm-removal form", new Dictionary<string, string>());

        Assert.StartsWith("You cannot revoke your own secretariat role", after.Text("main .notice"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/processes/{_slug}/manage/people")).Status);
    }

    [Fact]
    public async Task Long_lists_of_invitations_and_people_stay_within_the_query_budget()
    {
        using var secretariat = await SecretariatAsync(" Budget");
        await using (var scope = Factory.Scope())
        {
            var processId = await scope.Db.Processes.Where(p => p.Slug == _slug).Select(p => p.Id).SingleAsync();
            var inviter = await scope.Db.Users.Select(u => u.Id).FirstAsync();
            for (var i = 0; i < 40; i++)
            {
                scope.Db.Invitations.Add(new Invitation
                {
                    Email = $"bulk{i}@example.org",
                    ProcessId = processId,
                    Role = ProcessRole.FocalPoint,
                    StateCode = _memberState,
                    Ministry = "Ministry of Labour",
                    TokenHash = Guid.NewGuid().ToString("N"),
                    InvitedByUserId = inviter,
                    CreatedAt = DateTimeOffset.UtcNow,
                    ExpiresAt = DateTimeOffset.UtcNow.AddDays(i % 2 == 0 ? 14 : -1),
                });
            }
            await scope.Db.SaveChangesAsync();
        }
        for (var i = 0; i < 15; i++)
        {
            await TestAccounts.CreateAsync(Factory, TestAccounts.NewEmail("bulk"), roles: [(_slug, ProcessRole.Observer), (_slug, ProcessRole.CivilSociety)]);
        }

        foreach (var path in new[] { $"/processes/{_slug}/manage/invitations", $"/processes/{_slug}/manage/people", "/account" })
        {
            Factory.Queries.Reset();
            var page = await secretariat.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(Factory.Queries.Count <= 10, $"{path} sent {Factory.Queries.Count} queries.");
        }
    }
}
