using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Invitations;

public sealed class InvitationsApiTests : MailingTests
{
    private string _slug = "";
    private string _memberState = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (_slug, _memberState) = await TestAccounts.ProcessWithMembersAsync(Factory);
    }

    private async Task<HttpClient> SignedInAsync(ProcessRole role)
    {
        var email = TestAccounts.NewEmail(role.ToString().ToLowerInvariant());
        await TestAccounts.CreateAsync(Factory, email, roles: (_slug, role));
        var client = HtmlClient.For(Factory);
        await client.SignInAsync(email);
        return client.Http;
    }

    [Fact]
    public async Task The_secretariat_invites_lists_and_revokes_through_the_api()
    {
        using var http = await SignedInAsync(ProcessRole.Secretariat);
        var invitee = TestAccounts.NewEmail("api-focal");

        using var created = await http.PostAsJsonAsync($"/api/v1/processes/{_slug}/invitations",
            new { email = invitee, role = "FocalPoint", stateCode = _memberState, ministry = "Ministry of Foreign Affairs" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FocalPoint", invitation.GetProperty("role").GetString());
        Assert.Equal("Pending", invitation.GetProperty("status").GetString());
        var id = invitation.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/processes/{_slug}/invitations/{id}", created.Headers.Location!.OriginalString);
        await Smtp.WaitForMessageToAsync(invitee, MailWait);

        var list = await http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{_slug}/invitations");
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("email").GetString() == invitee);

        using var revoked = await http.DeleteAsync($"/api/v1/processes/{_slug}/invitations/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var gone = await http.GetAsync($"/api/v1/processes/{_slug}/invitations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_input_gets_validation_problem_details_and_saves_nothing()
    {
        using var http = await SignedInAsync(ProcessRole.Secretariat);

        using var invalid = await http.PostAsJsonAsync($"/api/v1/processes/{_slug}/invitations", new { email = "nope", role = "FocalPoint" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("stateCode", out _));
        Assert.True(errors.TryGetProperty("ministry", out _));
        var list = await http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{_slug}/invitations");
        Assert.DoesNotContain(list.EnumerateArray(), i => i.GetProperty("email").GetString() == "nope");
    }

    [Theory]
    [InlineData("""{"email":"someone@example.org","role":"Emperor"}""")]
    [InlineData("""{"email":"someone@example.org","role":""")]
    public async Task Malformed_json_or_an_unknown_role_gets_400_problem_details(string json)
    {
        using var http = await SignedInAsync(ProcessRole.Secretariat);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync($"/api/v1/processes/{_slug}/invitations", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Others_are_refused_with_401_or_403()
    {
        using var observer = await SignedInAsync(ProcessRole.Observer);
        using var forbidden = await observer.PostAsJsonAsync($"/api/v1/processes/{_slug}/invitations", new { email = "x@example.org", role = "Observer" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forbiddenList = await observer.GetAsync($"/api/v1/processes/{_slug}/invitations");
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenList.StatusCode);

        using var anonymous = Factory.CreateClient();
        using var unauthorized = await anonymous.GetAsync($"/api/v1/processes/{_slug}/invitations");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
    }
}
