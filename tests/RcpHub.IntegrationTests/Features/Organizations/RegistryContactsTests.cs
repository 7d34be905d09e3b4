using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
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
}
