using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Calls;

/// <summary>Who may apply in an organisation's name follows the one rule of who acts for it (decision 0027): its
/// representatives in the registry and the holders of a civil-society role in the process tied to it; removing a contact
/// person from the registry ends both.</summary>
public sealed class ActingForAnOrganisationTests : IAsyncLifetime
{
    private const string Calls = CallArrange.Calls;
    private RcpHubFactory _factory = null!;
    private int _demo;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<int> PublishedCallAsync() => CallArrange.PublishedCallAsync(_factory);

    private static JsonObject Application(int organization) => new()
    {
        ["organizationId"] = organization, ["motivation"] = "We work with migrants.", ["representativeName"] = "Aminata Diallo",
        ["representativeEmail"] = "aminata@example.org", ["representativeGender"] = "Female", ["firstTime"] = true,
        ["countryCode"] = "SEN", ["organizationType"] = "Ngo", ["migrantLed"] = false,
    };

    private async Task<int> OrganizationAsync(string slug)
    {
        await using var scope = _factory.Scope();
        var organization = new Organization { Slug = slug, Name = slug + " association", Kind = OrganizationKind.CivilSociety, CountryCodes = ["SEN"], Languages = ["fr"] };
        scope.Db.Organizations.Add(organization);
        await scope.Db.SaveChangesAsync();
        return organization.Id;
    }

    [Fact]
    public async Task A_civil_society_role_tied_to_the_organisation_lets_its_holder_apply_as_the_caucus_lets_them_endorse()
    {
        var call = await PublishedCallAsync();
        var organization = await OrganizationAsync("named-by-secretariat");
        var named = await TestSignIn.CreateUserAsync(_factory, "named@example.org", roles: new ReaderRole(_demo, ProcessRole.CivilSociety, OrganizationId: organization));
        using var client = await TestSignIn.HttpClientAsync(_factory, named);

        using var applied = await client.PostAsJsonAsync($"{Calls}/{call}/applications", Application(organization));

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var page = await client.GetStringAsync($"/processes/demo/calls/{call}/apply");
        Assert.Contains("named-by-secretariat association", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_person_removed_from_the_registry_no_longer_acts_for_the_organisation_in_any_process()
    {
        var call = await PublishedCallAsync();
        var organization = await OrganizationAsync("removed-contact");
        var staying = await TestSignIn.CreateUserAsync(_factory, "staying@example.org");
        var leaving = await TestSignIn.CreateUserAsync(_factory, "leaving@example.org", roles: new ReaderRole(_demo, ProcessRole.CivilSociety, OrganizationId: organization));
        int leavingRow;
        await using (var scope = _factory.Scope())
        {
            var row = new OrganizationRepresentative { OrganizationId = organization, UserId = leaving.Id, AddedAt = DateTimeOffset.UtcNow };
            scope.Db.OrganizationRepresentatives.AddRange(row, new OrganizationRepresentative { OrganizationId = organization, UserId = staying.Id, AddedAt = DateTimeOffset.UtcNow });
            await scope.Db.SaveChangesAsync();
            leavingRow = row.Id;
        }
        using var stayingClient = await TestSignIn.HttpClientAsync(_factory, staying);
        using var removed = await stayingClient.DeleteAsync($"/api/v1/civil-society/organizations/removed-contact/contacts/{leavingRow}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        using var leavingClient = await TestSignIn.HttpClientAsync(_factory, leaving);
        using var refused = await leavingClient.PostAsJsonAsync($"{Calls}/{call}/applications", Application(organization));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("organizationId", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = _factory.Scope())
        {
            Assert.NotNull(await scope.Db.ProcessRoleAssignments.Where(a => a.UserId == leaving.Id && a.OrganizationId == organization).Select(a => a.RevokedAt).SingleAsync());
        }
    }
}
