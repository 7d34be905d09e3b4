using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Caucus;

/// <summary>Position papers through the API (issue 11 item 6): a multipart upload through the document checks, stored as
/// the statements page stores it; refusals are problem details naming the field, and nothing is stored.</summary>
public sealed class PositionPaperApiTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _network, _diaspora, _ministerial;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        var demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _network = await scope.Db.Organizations.Where(o => o.Slug == "demo-migrant-voices").Select(o => o.Id).SingleAsync();
        _diaspora = await scope.Db.Organizations.Where(o => o.Slug == "demo-sahel-diaspora").Select(o => o.Id).SingleAsync();
        _ministerial = await scope.Db.Meetings.Where(m => m.ProcessId == demo && m.Audience == MeetingAudience.Public).Select(m => m.Id).FirstAsync();
        scope.Db.MeetingInvitees.Add(new MeetingInvitee { MeetingId = _ministerial, OrganizationId = _network });
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static MultipartFormDataContent Paper(int organization, string title, byte[] file, string fileName = "paper.pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(organization.ToString(System.Globalization.CultureInfo.InvariantCulture)), "organizationId" },
            { new StringContent(title), "title" },
            { new StringContent("fr"), "language" },
        };
        form.Add(new ByteArrayContent(file), "file", fileName);
        return form;
    }

    private async Task<int> PapersAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Statements.CountAsync(s => s.MeetingId == _ministerial && s.DocumentId != null);
    }

    [Fact]
    public async Task A_representative_submits_a_position_paper_by_api_and_bad_uploads_are_refused_field_by_field()
    {
        AppUser civilSociety;
        await using (var scope = _factory.Scope())
        {
            civilSociety = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "civil-society@demo.rcphub.test");
        }
        using var client = await TestSignIn.HttpClientAsync(_factory, civilSociety);

        using (var notAPdf = await client.PostAsync($"/api/v1/meetings/{_ministerial}/position-papers", Paper(_network, "Fees", "MZ this is no PDF"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAPdf.StatusCode);
            Assert.Equal("application/problem+json", notAPdf.Content.Headers.ContentType?.MediaType);
            Assert.True((await notAPdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        }
        using (var notInvited = await client.PostAsync($"/api/v1/meetings/{_ministerial}/position-papers", Paper(_diaspora, "Fees", DocumentFiles.Pdf("Fees"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notInvited.StatusCode);
            Assert.True((await notInvited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("organizationId", out _));
        }
        using (var json = await client.PostAsJsonAsync($"/api/v1/meetings/{_ministerial}/position-papers", new { organizationId = _network, title = "Fees" }))
        {
            // The endpoint takes a multipart form only, as its OpenAPI entry says.
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        }
        Assert.Equal(0, await PapersAsync());

        using var created = await client.PostAsync($"/api/v1/meetings/{_ministerial}/position-papers",
            Paper(_network, "Position paper on recruitment fees (api)", DocumentFiles.Pdf("Position paper on recruitment fees"), "fees-api.pdf"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var statement = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Migrant Voices Network (demo)", statement.GetProperty("organization").GetString());
        Assert.Equal(1, await PapersAsync());

        // The paper is a document of the public meeting, read by anyone.
        using var anonymous = HtmlClient.For(_factory);
        var documents = await anonymous.GetAsync($"/meetings/{_ministerial}/documents");
        Assert.Contains("Position paper on recruitment fees (api)", documents.Texts("a"));

        using var stranger = await TestSignIn.HttpClientAsync(_factory, await TestSignIn.CreateUserAsync(_factory, "stranger@example.org"));
        using var forbidden = await stranger.PostAsync($"/api/v1/meetings/{_ministerial}/position-papers", Paper(_network, "Not mine", DocumentFiles.Pdf("Not mine")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(1, await PapersAsync());
    }
}
