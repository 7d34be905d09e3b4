using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace RcpHub.IntegrationTests.Features.Manage;

/// <summary>The secretariat's JSON API: the same rules as the pages, problem details for every error, nothing half-written.</summary>
public sealed class ManageApiTests() : SecretariatTests("api.secretariat@example.org")
{
    private HttpClient Api => Browser.Http;

    private async Task<HttpResponseMessage> SendAsync(string method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await Api.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(int Audit, string Name, int Sources, int Themes)> ProfileStateAsync()
    {
        await using var scope = Factory.Scope();
        var midsa = await scope.Db.Processes.Include(p => p.Sources).Include(p => p.Themes).AsNoTracking().SingleAsync(p => p.Slug == "midsa");
        return (await scope.Db.AuditEntries.CountAsync(), midsa.Name, midsa.Sources.Count, midsa.Themes.Count);
    }

    [Fact]
    public async Task A_membership_is_added_ended_and_listed_with_its_dates()
    {
        using var created = await SendAsync("POST", "/api/v1/processes/midsa/memberships",
            """{"stateCode":"ken","role":"Observer","joinedOn":"2023-04-01","note":"admitted at the 2023 ministerial"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var membership = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = membership.GetProperty("id").GetInt32();
        Assert.Equal("KEN", membership.GetProperty("stateCode").GetString());
        Assert.Equal("Kenya", membership.GetProperty("stateName").GetString());
        Assert.Equal("Observer", membership.GetProperty("role").GetString());
        Assert.Equal($"/api/v1/processes/midsa/memberships/{id}", created.Headers.Location?.OriginalString);

        using var ended = await SendAsync("POST", $"/api/v1/processes/midsa/memberships/{id}/end", """{"leftOn":"2024-12-31"}""");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var after = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2024-12-31", after.GetProperty("leftOn").GetString());
        Assert.False(after.GetProperty("isCurrent").GetBoolean());

        var all = await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/memberships");
        Assert.Contains(all.EnumerateArray(), m => m.GetProperty("id").GetInt32() == id && m.GetProperty("leftOn").GetString() == "2024-12-31");
        Assert.Equal(16, all.EnumerateArray().Count(m => m.GetProperty("isCurrent").GetBoolean() && m.GetProperty("role").GetString() == "Member"));
    }

    [Fact]
    public async Task Invalid_memberships_get_field_errors()
    {
        using var response = await SendAsync("POST", "/api/v1/processes/midsa/memberships", """{"stateCode":"ZAF","organizationId":1,"role":"Member"}""");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Choose either a state or an organisation.", errors.GetProperty("stateCode")[0].GetString());
        Assert.Equal("Enter the date it joined.", errors.GetProperty("joinedOn")[0].GetString());

        using var twice = await SendAsync("POST", "/api/v1/processes/midsa/memberships", """{"stateCode":"ZAF","role":"Member","joinedOn":"2020-01-01"}""");
        Assert.Equal("It already takes part in this process in this role.",
            (await ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("stateCode")[0].GetString());

        using var outOfRange = await SendAsync("POST", "/api/v1/processes/midsa/memberships", """{"stateCode":"ZAF","role":42,"joinedOn":"2020-01-01"}""");
        // A number is not a choice's name: refused as the body is read, with the names to use.
        Assert.StartsWith("Choose one of: Member, Observer",
            (await ProblemAsync(outOfRange, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);

        int zaf;
        await using (var scope = Factory.Scope())
        {
            zaf = await scope.Db.Memberships.Where(m => m.Process!.Slug == "midsa" && m.StateCode == "ZAF").Select(m => m.Id).SingleAsync();
            var tracked = await scope.Db.Memberships.FindAsync(zaf);
            tracked!.JoinedOn = new DateOnly(2000, 8, 1);
            await scope.Db.SaveChangesAsync();
        }
        using var early = await SendAsync("POST", $"/api/v1/processes/midsa/memberships/{zaf}/end", """{"leftOn":"1999-01-01"}""");
        Assert.Equal("This date cannot be before 1 August 2000.",
            (await ProblemAsync(early, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("leftOn")[0].GetString());
    }

    [Theory]
    [InlineData("POST", "/api/v1/processes/midsa/memberships", """{"stateCode":"ZAF",""")]
    [InlineData("POST", "/api/v1/processes/midsa/memberships", """{"stateCode":"ZAF","role":"Founder","joinedOn":"2020-01-01"}""")]
    [InlineData("POST", "/api/v1/processes/midsa/memberships", """{"stateCode":"ZAF","role":"Member","joinedOn":"1st of May"}""")]
    [InlineData("POST", "/api/v1/processes/midsa/bodies", """{"kind":"Committee","name":"X"}""")]
    [InlineData("PUT", "/api/v1/processes/midsa/profile", """[1,2,3]""")]
    [InlineData("PATCH", "/api/v1/processes/midsa/profile", """{"kind":"Club"}""")]
    [InlineData("PATCH", "/api/v1/processes/midsa/profile", """{"nickname":"x"}""")]
    [InlineData("PATCH", "/api/v1/processes/midsa/profile", """not json""")]
    [InlineData("PUT", "/api/v1/processes/midsa/chair-rotation", """{"order":"ZAF"}""")]
    public async Task Malformed_json_and_unknown_values_get_a_bad_request_problem(string method, string url, string body)
    {
        var before = await ProfileStateAsync();
        using var response = await SendAsync(method, url, body);
        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await ProfileStateAsync());
    }

    [Theory]
    [InlineData("GET", "/api/v1/processes/midsa/memberships/999999", null)]
    [InlineData("POST", "/api/v1/processes/midsa/memberships/999999/end", """{"leftOn":"2024-01-01"}""")]
    [InlineData("PUT", "/api/v1/processes/midsa/chair-terms/999999", """{"stateCode":"ZAF","startYear":2020}""")]
    [InlineData("DELETE", "/api/v1/processes/midsa/chair-terms/999999", null)]
    [InlineData("GET", "/api/v1/processes/midsa/bodies/999999", null)]
    [InlineData("PUT", "/api/v1/processes/midsa/bodies/999999", """{"kind":"WorkingGroup","name":"X"}""")]
    [InlineData("POST", "/api/v1/processes/midsa/bodies/999999/members", """{"stateCode":"ZAF"}""")]
    [InlineData("PUT", "/api/v1/processes/midsa/bodies/999999/members/1", """{"isChair":true}""")]
    public async Task Unknown_ids_get_a_not_found_problem(string method, string url, string? body)
    {
        using var response = await SendAsync(method, url, body);
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_profile_is_replaced_patched_and_never_half_written()
    {
        var profile = await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/profile");
        Assert.Equal("Migration Dialogue for Southern Africa", profile.GetProperty("name").GetString());
        Assert.Equal("RegionalConsultativeProcess", profile.GetProperty("kind").GetString());

        var before = await ProfileStateAsync();
        using var invalid = await SendAsync("PATCH", "/api/v1/processes/midsa/profile",
            """{"name":"Renamed","foundedYear":1975,"sources":["https://www.iom.int/midsa","ftp://example.org/x"]}""");
        var errors = (await ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal($"Enter a year between 1980 and {DateTime.UtcNow.Year}.", errors.GetProperty("foundedYear")[0].GetString());
        Assert.Equal("“ftp://example.org/x” is not a full web address (http:// or https://).", errors.GetProperty("sources")[0].GetString());
        Assert.Equal(before, await ProfileStateAsync());

        using var patched = await SendAsync("PATCH", "/api/v1/processes/midsa/profile",
            """{"statusNote":"ministerial meeting every two years","themes":["Labour migration","labour MOBILITY","Migration and climate (new)"],"chairTermMonths":12}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Migration Dialogue for Southern Africa", after.GetProperty("name").GetString());
        Assert.Equal("ministerial meeting every two years", after.GetProperty("statusNote").GetString());
        Assert.Equal(12, after.GetProperty("chairTermMonths").GetInt32());
        Assert.Equal(["Labour migration", "Labour mobility", "Migration and climate (new)"], after.GetProperty("themes").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Equal(before.Sources, after.GetProperty("sources").GetArrayLength());

        await using var scope = Factory.Scope();
        Assert.Single(await scope.Db.Themes.Where(t => t.Name == "Migration and climate (new)").ToListAsync());
    }

    [Fact]
    public async Task Chair_terms_rotation_and_schedule()
    {
        var seededTerms = (await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/chair-terms")).GetArrayLength();
        using var term = await SendAsync("POST", "/api/v1/processes/midsa/chair-terms", """{"stateCode":"MDG","startsOn":"2025-08-17","note":"Summit"}""");
        Assert.Equal(HttpStatusCode.Created, term.StatusCode);
        var termId = (await term.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var rotation = await SendAsync("PUT", "/api/v1/processes/midsa/chair-rotation", """{"order":["MDG","ZAF","AGO"],"termMonths":12}""");
        Assert.Equal(HttpStatusCode.OK, rotation.StatusCode);
        var schedule = await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/chair-schedule");
        var terms = schedule.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(["ZAF", "AGO", "MDG"], terms.Take(3).Select(t => t.GetProperty("stateCode").GetString()));
        // Madagascar's term has no recorded end: South Africa takes over a term length after it began, never before today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var takesOver = new DateOnly(2026, 8, 17) < today ? today : new DateOnly(2026, 8, 17);
        Assert.Equal(takesOver.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), terms[0].GetProperty("startsOn").GetString());
        Assert.Equal(takesOver.AddMonths(12).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), terms[0].GetProperty("endsOn").GetString());

        using var notMember = await SendAsync("PUT", "/api/v1/processes/midsa/chair-rotation", """{"order":["MDG","FRA","MDG"]}""");
        var errors = (await ProblemAsync(notMember, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("order");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString() == "MDG appears more than once.");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString() == "FRA is not a current member state of this process.");
        var unchanged = await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/chair-rotation");
        Assert.Equal(["MDG", "ZAF", "AGO"], unchanged.GetProperty("order").EnumerateArray().Select(e => e.GetProperty("stateCode").GetString()));

        // A state that left stays in the order but the chair passes over it.
        var angola = (await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/memberships")).EnumerateArray()
            .Single(m => m.GetProperty("stateCode").GetString() == "AGO").GetProperty("id").GetInt32();
        using var left = await SendAsync("POST", $"/api/v1/processes/midsa/memberships/{angola}/end", """{"leftOn":"2021-01-01"}""");
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var passedOver = await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/chair-schedule");
        Assert.Equal(["ZAF", "MDG", "ZAF"], passedOver.GetProperty("terms").EnumerateArray().Take(3).Select(t => t.GetProperty("stateCode").GetString()));
        Assert.Equal("AGO", passedOver.GetProperty("skipped")[0].GetProperty("stateCode").GetString());

        using var removed = await SendAsync("DELETE", $"/api/v1/processes/midsa/chair-terms/{termId}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(seededTerms, (await Api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/chair-terms")).GetArrayLength());
    }

    [Fact]
    public async Task Bodies_and_their_members()
    {
        using var created = await SendAsync("POST", "/api/v1/processes/midsa/bodies",
            """{"kind":"WorkingGroup","name":"Working Group on Labour Migration","mandate":"Labour mobility in SADC","establishedOn":"2019-05-01"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bodyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var member = await SendAsync("POST", $"/api/v1/processes/midsa/bodies/{bodyId}/members", """{"stateCode":"BWA","isChair":true,"joinedOn":"2019-05-01"}""");
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        var memberId = (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var twice = await SendAsync("POST", $"/api/v1/processes/midsa/bodies/{bodyId}/members", """{"stateCode":"BWA"}""");
        Assert.Equal("It already sits on this body.",
            (await ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("stateCode")[0].GetString());

        using var left = await SendAsync("PUT", $"/api/v1/processes/midsa/bodies/{bodyId}/members/{memberId}", """{"isChair":false,"joinedOn":"2019-05-01","leftOn":"2024-05-01"}""");
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var body = await Api.GetFromJsonAsync<JsonElement>($"/api/v1/processes/midsa/bodies/{bodyId}");
        var seat = body.GetProperty("members")[0];
        Assert.Equal("Botswana", seat.GetProperty("holder").GetString());
        Assert.Equal("2024-05-01", seat.GetProperty("leftOn").GetString());
        Assert.False(seat.GetProperty("isCurrent").GetBoolean());

        using var dissolved = await SendAsync("PUT", $"/api/v1/processes/midsa/bodies/{bodyId}", """{"kind":"WorkingGroup","name":"WG","establishedOn":"2019-05-01","dissolvedOn":"2018-01-01"}""");
        Assert.Equal("This date cannot be before 1 May 2019.",
            (await ProblemAsync(dissolved, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("dissolvedOn")[0].GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints()
    {
        var document = await Api.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/processes/{slug}/memberships/{id}/end", out var end));
        Assert.Equal("EndMembership", end.GetProperty("post").GetProperty("operationId").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/audit", out _));
    }
}
