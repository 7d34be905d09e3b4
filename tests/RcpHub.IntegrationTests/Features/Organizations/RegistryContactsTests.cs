using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Features.Processes;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Organizations;

/// <summary>What an organisation's contact people are told and can do in the civil society registry (issue 11): the
/// secretariat's decision by mail in each one's language, and the contact people and entry they look after.</summary>
public sealed class RegistryContactsTests : IAsyncLifetime
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(10);
    private SmtpCatcher _smtp = null!;
    private RcpHubFactory _factory = null!;
    private AppUser _secretariat = null!, _french = null!, _spanish = null!;
    private Organization _organization = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _factory = await RcpHubFactory.CreateAsync(_smtp.Configure);
        var bp = await Arrange.ProcessIdAsync(_factory, "bp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@bp.example", roles: new ReaderRole(bp, ProcessRole.Secretariat));
        _french = await TestSignIn.CreateUserAsync(_factory, "coordination@solidarite.example");
        _spanish = await TestSignIn.CreateUserAsync(_factory, "enlace@solidarite.example");
        await using var scope = _factory.Scope();
        await scope.Db.Users.Where(u => u.Id == _french.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
        await scope.Db.Users.Where(u => u.Id == _spanish.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "es"));
        _organization = new Organization
        {
            Slug = "solidarite-migrants", Name = "Solidarité Migrants", Kind = OrganizationKind.CivilSociety, CivilSocietyType = CivilSocietyType.Ngo,
            CountryCodes = ["SEN"], Languages = ["fr"], RegisteredAt = DateTimeOffset.UtcNow,
        };
        scope.Db.Organizations.Add(_organization);
        scope.Db.OrganizationRepresentatives.AddRange(
            new OrganizationRepresentative { Organization = _organization, UserId = _french.Id, AddedAt = DateTimeOffset.UtcNow },
            new OrganizationRepresentative { Organization = _organization, UserId = _spanish.Id, AddedAt = DateTimeOffset.UtcNow });
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_contact_people_are_told_the_secretariats_decision_and_note_each_in_their_language()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await secretariat.GetAsync("/organizations/" + _organization.Slug);
        var verified = await secretariat.SubmitAsync(page, "#verify-form",
            new Dictionary<string, string> { ["Verification.Decision"] = "Verified", ["Verification.Note"] = "Statuts vérifiés." });
        Assert.Equal(HttpStatusCode.OK, verified.Status);

        var french = await _smtp.WaitForMessageToAsync(_french.Email!, MailWait);
        Assert.Equal("L’enregistrement de Solidarité Migrants", french.Subject);
        Assert.Contains("Un secrétariat a vérifié Solidarité Migrants", french.Body, StringComparison.Ordinal);
        Assert.Contains("Note du secrétariat : Statuts vérifiés.", french.Body, StringComparison.Ordinal);
        Assert.Equal("/organizations/solidarite-migrants", french.LinkTo("/organizations/").Split('#')[0]);
        var spanish = await _smtp.WaitForMessageToAsync(_spanish.Email!, MailWait);
        Assert.Equal("El registro de Solidarité Migrants", spanish.Subject);
        Assert.Contains("Una secretaría ha verificado Solidarité Migrants", spanish.Body, StringComparison.Ordinal);
        Assert.False(await _smtp.HasMessageToAsync(_secretariat.Email!));

        // Declined later through the API: told again, with the reason.
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var declined = await api.PostAsJsonAsync($"/api/v1/civil-society/organizations/{_organization.Slug}/verification",
            new { decision = "Declined", note = "The registration certificate has expired." });
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        var again = await _smtp.WaitForMessageToAsync(_french.Email!, MailWait);
        Assert.Contains("Un secrétariat a refusé de vérifier Solidarité Migrants.", again.Body, StringComparison.Ordinal);
        Assert.Contains("The registration certificate has expired.", again.Body, StringComparison.Ordinal);
        Assert.Contains("Nota de la secretaría: The registration certificate has expired.", (await _smtp.WaitForMessageToAsync(_spanish.Email!, MailWait)).Body, StringComparison.Ordinal);
    }

    private async Task VerifyAsync()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var verified = await api.PostAsJsonAsync($"/api/v1/civil-society/organizations/{_organization.Slug}/verification", new { decision = "Verified" });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
    }

    [Fact]
    public async Task A_contact_person_edits_the_entry_which_stays_verified_and_the_secretariat_sees_the_change()
    {
        await VerifyAsync();
        using var contact = await TestSignIn.HtmlClientAsync(_factory, _french);
        var form = await contact.GetAsync($"/organizations/{_organization.Slug}/edit");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Solidarité Migrants", form.Document.QuerySelector("#Input_Name")!.GetAttribute("value"));

        var refused = await contact.SubmitAsync(form, "#edit-form", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Website"] = "ftp://x.example" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Give the name of the organisation.", refused.Text("[data-valmsg-for='Input.Name']"));
        Assert.Equal("Give a web address starting with http:// or https://.", refused.Text("[data-valmsg-for='Input.Website']"));

        var saved = await contact.SubmitAsync(form, "#edit-form", new Dictionary<string, string> { ["Input.Website"] = "https://solidarite.example" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("The entry is saved.", saved.Html, StringComparison.Ordinal);
        Assert.StartsWith("Verified by a secretariat", saved.Document.DefinitionOf("Verification"), StringComparison.Ordinal);
        // Its people do not get the secretariat's view of the changes.
        Assert.Null(saved.Document.QuerySelector("#changes-since-verification"));

        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await secretariat.GetAsync("/organizations/" + _organization.Slug);
        var changes = page.Text("#changes-since-verification");
        Assert.Contains("website", changes, StringComparison.Ordinal);
        Assert.Contains("https://solidarite.example", changes, StringComparison.Ordinal);
        Assert.Contains(_french.DisplayName!, changes, StringComparison.Ordinal);

        // The API edits the same way; anyone else is refused, and nothing changes.
        using var api = await TestSignIn.HttpClientAsync(_factory, _spanish);
        using var edited = await api.PutAsJsonAsync($"/api/v1/civil-society/organizations/{_organization.Slug}",
            new { name = "Solidarité Migrants Sénégal", type = "Ngo", countryCodes = new[] { "SEN", "MLI" }, languages = new[] { "fr", "es" } });
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        using var outsider = await TestSignIn.HttpClientAsync(_factory, await TestSignIn.CreateUserAsync(_factory, "outsider@example.org"));
        using var forbidden = await outsider.PutAsJsonAsync($"/api/v1/civil-society/organizations/{_organization.Slug}",
            new { name = "Taken Over", type = "Ngo", countryCodes = new[] { "SEN" }, languages = new[] { "fr" } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var stranger = await TestSignIn.HtmlClientAsync(_factory, await TestSignIn.CreateUserAsync(_factory, "outsider2@example.org"));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/organizations/{_organization.Slug}/edit")).Status);
        await using var scope = _factory.Scope();
        var stored = await scope.Db.Organizations.AsNoTracking().SingleAsync(o => o.Id == _organization.Id);
        Assert.Equal("Solidarité Migrants Sénégal", stored.Name);
        Assert.Equal(["SEN", "MLI"], stored.CountryCodes);
        Assert.Equal(VerificationStatus.Verified, stored.Verification);
        Assert.Equal(_organization.Slug, stored.Slug);
    }

    [Fact]
    public async Task A_contact_person_removes_another_after_a_question_but_never_the_last_one()
    {
        using var contact = await TestSignIn.HtmlClientAsync(_factory, _french);
        var page = await contact.GetAsync("/organizations/" + _organization.Slug);
        var removeLink = page.Document.QuerySelectorAll("#contacts .contact-people li")
            .Single(li => li.TextContent.Contains(_spanish.Email!, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        var asking = await contact.GetAsync("/organizations/" + _organization.Slug + removeLink);
        Assert.Contains("Remove enlace as a contact person?", asking.Text("#confirm-removal"), StringComparison.Ordinal);
        await using (var scope = _factory.Scope())
        {
            Assert.True(await scope.Db.OrganizationRepresentatives.ActsForAsync(_spanish.Id, _organization.Id));
        }
        var removed = await contact.SubmitAsync(asking, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Contains("enlace is no longer a contact person of the organisation.", removed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(_spanish.Email!, removed.Text("#contacts"), StringComparison.Ordinal);
        // The last one has nothing to remove on the page, and the API refuses it.
        Assert.Null(removed.Document.QuerySelector("#contacts .contact-people a"));
        await using (var scope = _factory.Scope())
        {
            Assert.False(await scope.Db.OrganizationRepresentatives.ActsForAsync(_spanish.Id, _organization.Id));
            // The row stays, with when it ended; the audit has who ended it.
            var row = await scope.Db.OrganizationRepresentatives.AsNoTracking().SingleAsync(r => r.UserId == _spanish.Id);
            Assert.NotNull(row.RemovedAt);
            Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OrganizationRepresentative)
                && a.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.UserId == _french.Id));
        }
        using var api = await TestSignIn.HttpClientAsync(_factory, _french);
        var contacts = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/civil-society/organizations/{_organization.Slug}/contacts");
        var own = Assert.Single(contacts.EnumerateArray());
        Assert.Equal(_french.Email, own.GetProperty("email").GetString());
        using var last = await api.DeleteAsync($"/api/v1/civil-society/organizations/{_organization.Slug}/contacts/{own.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("The last contact person cannot be removed", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The removed person no longer looks after the entry.
        using var former = await TestSignIn.HttpClientAsync(_factory, _spanish);
        using var refused = await former.GetAsync($"/api/v1/civil-society/organizations/{_organization.Slug}/contacts");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_registry_representative_without_a_role_sees_the_meeting_their_organisation_is_invited_to_until_removed()
    {
        var bp = await Arrange.ProcessIdAsync(_factory, "bp");
        var meeting = await Arrange.MeetingAsync(_factory, bp, "Consultation with civil society", MeetingAudience.ByInvitation,
            configure: m => m.Invitees.Add(new MeetingInvitee { OrganizationId = _organization.Id }));
        var membersOnly = await Arrange.MeetingAsync(_factory, bp, "Senior officials only", MeetingAudience.MembersOnly,
            configure: m => m.Invitees.Add(new MeetingInvitee { OrganizationId = _organization.Id }));
        using var spanish = await TestSignIn.HtmlClientAsync(_factory, _spanish);
        Assert.Equal(HttpStatusCode.OK, (await spanish.GetAsync($"/meetings/{meeting.Id}")).Status);
        // The meeting's audience rule stands: a members-only meeting admits no invitee (decision 0027).
        Assert.Equal(HttpStatusCode.NotFound, (await spanish.GetAsync($"/meetings/{membersOnly.Id}")).Status);

        using var french = await TestSignIn.HttpClientAsync(_factory, _french);
        var contacts = await french.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/civil-society/organizations/{_organization.Slug}/contacts");
        var row = contacts.EnumerateArray().Single(c => c.GetProperty("email").GetString() == _spanish.Email).GetProperty("id").GetInt32();
        using var removed = await french.DeleteAsync($"/api/v1/civil-society/organizations/{_organization.Slug}/contacts/{row}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await spanish.GetAsync($"/meetings/{meeting.Id}")).Status);
    }
}
