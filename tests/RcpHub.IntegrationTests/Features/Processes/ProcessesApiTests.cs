using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Processes;

public sealed class ProcessesApiTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_list_returns_every_process_and_takes_the_page_filters()
    {
        var all = await GetJsonAsync("/api/v1/processes");
        Assert.Equal(31, all.GetArrayLength());
        var midsa = all.EnumerateArray().Single(p => p.GetProperty("acronym").GetString() == "MIDSA");
        Assert.Equal("RegionalConsultativeProcess", midsa.GetProperty("kind").GetString());
        Assert.Equal(16, midsa.GetProperty("memberStates").GetInt32());

        var dormant = await GetJsonAsync("/api/v1/processes?status=dormant");
        Assert.Contains("MIDCAS", dormant.EnumerateArray().Select(p => p.GetProperty("acronym").GetString()));
        Assert.All(dormant.EnumerateArray(), p => Assert.Equal("Dormant", p.GetProperty("status").GetString()));

        var bali = await GetJsonAsync("/api/v1/processes?q=BALI&kind=InterRegionalForum");
        Assert.Equal("bali-process", Assert.Single(bali.EnumerateArray()).GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("kind=1", "kind")]
    [InlineData("kind=Active,Dormant", "kind")]
    public async Task An_unknown_enum_value_in_a_filter_is_a_400_problem_not_ignored(string query, string parameter)
    {
        foreach (var path in new[] { "/api/v1/processes?", "/api/v1/processes.csv?" })
        {
            using var response = await _client.GetAsync(path + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
        }
    }

    [Fact]
    public async Task The_details_carry_memberships_with_dates_chair_terms_schedule_bodies_and_sources()
    {
        var midsa = await GetJsonAsync("/api/v1/processes/midsa");

        Assert.Equal("Migration Dialogue for Southern Africa", midsa.GetProperty("name").GetString());
        var members = midsa.GetProperty("memberStates").EnumerateArray().ToList();
        Assert.Equal(16, members.Count);
        var madagascar = members.Single(m => m.GetProperty("state").GetProperty("code").GetString() == "MDG");
        Assert.Equal("Madagascar", madagascar.GetProperty("state").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, madagascar.GetProperty("joinedOn").ValueKind);
        Assert.Equal(JsonValueKind.Array, midsa.GetProperty("chairHistory").ValueKind);
        Assert.Equal(JsonValueKind.Array, midsa.GetProperty("chairSchedule").ValueKind);
        Assert.Equal(JsonValueKind.Array, midsa.GetProperty("bodies").ValueKind);
        var sources = midsa.GetProperty("sources").EnumerateArray().ToList();
        Assert.True(sources[0].GetProperty("isPrimary").GetBoolean());
        Assert.Equal("https://www.iom.int/migration-dialogue-southern-africa-midsa", sources[0].GetProperty("url").GetString());
        Assert.False(midsa.TryGetProperty("id", out _));
    }

    [Theory]
    [InlineData("/api/v1/processes/no-such-process")]
    [InlineData("/api/v1/states/XYZ")]
    [InlineData("/api/v1/states/toolong")]
    [InlineData("/api/v1/organizations/no-such-organization")]
    public async Task An_unknown_slug_or_code_is_a_404_problem(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_CSV_export_parses_back_to_one_row_per_process()
    {
        using var response = await _client.GetAsync("/api/v1/processes.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        var rows = Csv.Parse(text);
        Assert.Equal(
            ["acronym", "name", "kind", "region", "status", "founded", "formal_institution", "secretariat",
             "member_state_count", "member_states", "observer_states", "themes", "primary_source"],
            rows[0]);
        Assert.Equal(31, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(13, r.Count));

        var midsa = rows.Single(r => r[0] == "MIDSA");
        Assert.Equal("Migration Dialogue for Southern Africa", midsa[1]);
        Assert.Equal("2000", midsa[5]);
        Assert.Equal("Southern African Development Community (SADC)", midsa[6]);
        Assert.Equal("16", midsa[8]);
        Assert.Equal(16, midsa[9].Split(';').Length);
        Assert.Contains("ZAF", midsa[9].Split(';'));
        Assert.Contains("Migrants' rights", midsa[11].Split(';'));
        Assert.Equal("https://www.iom.int/migration-dialogue-southern-africa-midsa", midsa[12]);
        // A field with commas survives the round trip intact.
        var withComma = rows.Skip(1).First(r => r[7].Contains(',', StringComparison.Ordinal));
        Assert.DoesNotContain("\"", withComma[7][..1], StringComparison.Ordinal);
        // Unknown values stay empty, never guessed.
        Assert.Equal("", rows.Single(r => r[0] == "EAC-RCP")[5]);
    }

    [Fact]
    public async Task Member_states_that_no_source_lists_are_unknown_not_zero_in_the_list_the_details_the_CSV_and_the_directory()
    {
        var list = await GetJsonAsync("/api/v1/processes");
        var pafom = list.EnumerateArray().Single(p => p.GetProperty("acronym").GetString() == "PAFOM");
        Assert.Equal(JsonValueKind.Null, pafom.GetProperty("memberStates").ValueKind);
        Assert.Equal(16, list.EnumerateArray().Single(p => p.GetProperty("acronym").GetString() == "MIDSA").GetProperty("memberStates").GetInt32());
        var slug = pafom.GetProperty("slug").GetString();
        Assert.Equal(JsonValueKind.Null, (await GetJsonAsync($"/api/v1/processes/{slug}")).GetProperty("memberStates").ValueKind);

        var csv = ExportTests.CsvRows(await _client.GetByteArrayAsync("/api/v1/processes.csv"));
        Assert.Equal(["", ""], csv.Single(r => r[0] == "PAFOM")[8..10]);

        // A list that is known to be empty is 0, not "not known".
        await using (var scope = _factory.Scope())
        {
            var apc = await scope.Db.Processes.SingleAsync(p => p.Acronym == "APC");
            apc.MemberStatesKnown = true;
            await scope.Db.SaveChangesAsync();
        }
        csv = ExportTests.CsvRows(await _client.GetByteArrayAsync("/api/v1/processes.csv"));
        Assert.Equal(["0", ""], csv.Single(r => r[0] == "APC")[8..10]);
        Assert.Equal(0, (await GetJsonAsync("/api/v1/processes")).EnumerateArray().Single(p => p.GetProperty("acronym").GetString() == "APC").GetProperty("memberStates").GetInt32());

        using var browser = HtmlClient.For(_factory);
        var directory = await browser.GetAsync("/processes");
        var rows = directory.Document.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th .muted")!.TextContent.Trim('(', ')'), r => r.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Equal("Not known", rows["PAFOM"]);
        Assert.Equal("0", rows["APC"]);
        Assert.Equal("16", rows["MIDSA"]);
        var details = await browser.GetAsync($"/processes/{slug}");
        Assert.Equal("(Not known)", details.Text("#members .count"));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_registry_paths()
    {
        var document = await GetJsonAsync("/api/v1/openapi.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/api/v1/processes", "/api/v1/processes/{slug}", "/api/v1/processes.csv",
                "/api/v1/states", "/api/v1/states/{code}",
                "/api/v1/organizations", "/api/v1/organizations/{slug}",
                "/api/v1/global-meetings",
            },
            paths);
    }
}
