using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Hosting;

/// <summary>The platform as the README's <c>dotnet run</c> starts it, in the Development environment, where the framework
/// answers some bad input differently than elsewhere: bad input still gets 400 problem details, never a 500.</summary>
public sealed class DevelopmentRunTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private HtmlClient _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync(f => f.HostEnvironment = "Development");
        await TestUsers.CreateUserAsync(_factory, "dev.secretariat@example.org", ("midsa", ProcessRole.Secretariat));
        _secretariat = await TestUsers.SignInAsync(_factory, "dev.secretariat@example.org");
    }

    public async ValueTask DisposeAsync()
    {
        _secretariat.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("POST", "/api/v1/processes/midsa/memberships", """{"stateCode": 12}""")]
    [InlineData("POST", "/api/v1/processes/midsa/invitations", """{""")]
    [InlineData("PUT", "/api/v1/processes/midsa/chair-rotation", """{"order": true}""")]
    [InlineData("POST", "/api/v1/processes/midsa/bodies", """{"kind": "Committee", "name": "X"}""")]
    public async Task A_body_the_api_cannot_read_gets_a_bad_request_problem_and_nothing_is_saved(string method, string url, string json)
    {
        await using var before = _factory.Scope();
        var audit = await before.Db.AuditEntries.CountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await _secretariat.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        await using var after = _factory.Scope();
        Assert.Equal(audit, await after.Db.AuditEntries.CountAsync());
    }
}
