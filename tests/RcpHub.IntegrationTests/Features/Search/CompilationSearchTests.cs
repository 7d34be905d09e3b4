using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>A data request's compilation in the library (decision 0042): found by its title, its questions and, while it
/// is for members only, the states that answered, by those who may read the process's data requests only (not counted in
/// any total or facet for anyone else); once published in aggregate, found by everyone and linked to the aggregate, and
/// hidden again when the aggregate is taken back.</summary>
public sealed class CompilationSearchTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private AppUser _secretariat = null!, _focalPoint = null!, _observer = null!, _outsider = null!;
    private string _region = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        _observer = await TestSignIn.CreateUserAsync(_factory, "observer@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Observer));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "fp@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        await using var scope = _factory.Scope();
        _region = await scope.Db.Processes.Where(p => p.Id == midsa).Select(p => p.Region).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<JsonElement> SearchAsync(string q, AppUser? user = null, string filters = "") =>
        SearchArrange.SearchAsync(_factory, Uri.EscapeDataString(q) + filters, user);

    private static List<(string Kind, string Key, string Path)> Compilations(JsonElement results) =>
        [.. results.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "Compilation")
            .Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("key").GetString()!, i.GetProperty("path").GetString()!))];

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Year => DateTimeOffset.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A request of MIDSA written and sent through the API, with one question, answered and submitted by South Africa.</summary>
    private async Task<int> AnsweredRequestAsync()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var created = await api.PostAsJsonAsync("/api/v1/processes/midsa/data-requests", new
        {
            title = "Remittance corridors",
            deadlineAt = DateTimeOffset.UtcNow.AddDays(10),
            questions = new object[] { new { text = "Average quokkafloof transfer cost", kind = "Figure", unit = "USD", year = 2025 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using (var sent = await api.PostAsync($"/api/v1/processes/midsa/data-requests/{id}/send", null))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }
        int question;
        await using (var scope = _factory.Scope())
        {
            question = await scope.Db.DataQuestions.Where(q => q.DataRequestId == id).Select(q => q.Id).SingleAsync();
        }
        using var focalPoint = await TestSignIn.HttpClientAsync(_factory, _focalPoint);
        using var answered = await focalPoint.PutAsJsonAsync($"/api/v1/processes/midsa/data-requests/{id}/answers", new
        {
            state = "ZAF",
            submit = true,
            answers = new[] { new { questionId = question, value = "12" } },
        });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        return id;
    }

    private async Task PublishAsync(int id, bool publish)
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        var path = $"/api/v1/processes/midsa/data-requests/{id}/publication";
        using var response = publish ? await api.PostAsync(path, null) : await api.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(publish, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publishedAt").ValueKind != JsonValueKind.Null);
    }

    /// <summary>The search finds nothing for <paramref name="reader"/>: no result, no total, no value in any facet.</summary>
    private async Task AssertNotFoundAsync(string q, AppUser? reader)
    {
        var results = await SearchAsync(q, reader);
        Assert.Empty(results.GetProperty("items").EnumerateArray());
        Assert.Equal(0, results.GetProperty("total").GetInt32());
        foreach (var facet in results.GetProperty("facets").EnumerateObject())
        {
            Assert.Empty(facet.Value.EnumerateArray());
        }
    }

    [Fact]
    public async Task A_member_finds_a_members_only_compilation_by_a_question_s_word_and_an_answering_state_and_no_one_else_does()
    {
        var id = await AnsweredRequestAsync();

        foreach (var member in new[] { _focalPoint, _secretariat })
        {
            var results = await SearchAsync("quokkafloof", member);
            Assert.Equal([("Compilation", Key(id), $"/processes/midsa/data-requests/{id}")], Compilations(results));
            Assert.Equal(1, results.GetProperty("total").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["Compilation"] = 1 }, SearchArrange.Counts(results, "kinds"));
            Assert.Equal(new Dictionary<string, int> { ["midsa"] = 1 }, SearchArrange.Counts(results, "processes"));
            Assert.Equal(new Dictionary<string, int> { [Year] = 1 }, SearchArrange.Counts(results, "years"));
            Assert.Equal(new Dictionary<string, int> { [_region] = 1 }, SearchArrange.Counts(results, "regions"));
        }
        // The state that answered, by its name in another language; and the facets narrow to it.
        Assert.Equal([("Compilation", Key(id), $"/processes/midsa/data-requests/{id}")], Compilations(await SearchAsync("Afrique du Sud", _focalPoint)));
        Assert.Equal(1, (await SearchAsync("remittance corridors", _focalPoint, $"&kind=compilation&process=midsa&year={Year}")).GetProperty("total").GetInt32());

        foreach (var reader in new[] { _observer, _outsider, null })
        {
            await AssertNotFoundAsync("quokkafloof", reader);
            Assert.Empty(Compilations(await SearchAsync("Afrique du Sud", reader)));
        }

        // The page names the kind and links to the compilation.
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        var page = await browser.GetAsync("/search?q=quokkafloof");
        Assert.Equal(["Remittance corridors"], page.Texts("ol.results li.compilation > a"));
        Assert.Equal($"/processes/midsa/data-requests/{id}", page.Document.QuerySelector("ol.results li.compilation > a")!.GetAttribute("href"));
        Assert.StartsWith("Data compilation", page.Text("ol.results li.compilation .meta"), StringComparison.Ordinal);
        Assert.Equal("Data compilations (1)", page.Text("#found-compilations"));
    }

    [Fact]
    public async Task Published_in_aggregate_everyone_finds_it_linked_to_the_aggregate_and_taken_back_it_is_hidden_again()
    {
        var id = await AnsweredRequestAsync();
        await PublishAsync(id, publish: true);

        var aggregate = $"/processes/midsa/data-requests/{id}/aggregate";
        foreach (var reader in new[] { null, _observer, _outsider, _focalPoint })
        {
            var results = await SearchAsync("quokkafloof", reader);
            Assert.Equal([("Compilation", Key(id), aggregate)], Compilations(results));
            Assert.Equal(new Dictionary<string, int> { ["Compilation"] = 1 }, SearchArrange.Counts(results, "kinds"));
            Assert.Equal(new Dictionary<string, int> { ["midsa"] = 1 }, SearchArrange.Counts(results, "processes"));
        }
        // The aggregate says how many states answered, never which: the public is not told by the search either.
        Assert.Empty(Compilations(await SearchAsync("Afrique du Sud")));
        using (var anonymous = HtmlClient.For(_factory))
        {
            var page = await anonymous.GetAsync("/search?q=quokkafloof");
            var link = page.Document.QuerySelector("ol.results li.compilation > a")!.GetAttribute("href")!;
            Assert.Equal(aggregate, link);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).Status);
        }

        await PublishAsync(id, publish: false);
        foreach (var reader in new[] { _observer, _outsider, null })
        {
            await AssertNotFoundAsync("quokkafloof", reader);
        }
        Assert.Equal([("Compilation", Key(id), $"/processes/midsa/data-requests/{id}")], Compilations(await SearchAsync("quokkafloof", _focalPoint)));
    }

    [Fact]
    public async Task The_secretariat_takes_a_published_aggregate_back_on_the_request_page()
    {
        var id = await AnsweredRequestAsync();
        await PublishAsync(id, publish: true);
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await secretariat.GetAsync($"/processes/midsa/data-requests/{id}");
        var back = await secretariat.SubmitAsync(page, "#unpublish-aggregate", new Dictionary<string, string>());
        Assert.Equal("The aggregate is no longer public: the compilation is for the members of the process again. You can publish it again.", back.Text("p.notice.ok"));
        Assert.NotNull(back.Document.QuerySelector("#publish-aggregate"));
        using var anonymous = HtmlClient.For(_factory);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/processes/midsa/data-requests/{id}/aggregate")).Status);
    }

    [Fact]
    public async Task Migrating_an_existing_database_enters_the_requests_already_sent_and_keeps_the_ids_of_entries_already_there()
    {
        var first = await AnsweredRequestAsync();
        var second = await AnsweredRequestAsync();
        int kept;
        await using (var scope = _factory.Scope())
        {
            // As a database made before compilations were in the library: the second request has no entry.
            kept = await scope.Db.SearchEntries.Where(e => e.Kind == SearchKind.Compilation && e.DataRequestId == first).Select(e => e.Id).SingleAsync();
            await scope.Db.SearchEntries.Where(e => e.Kind == SearchKind.Compilation && e.DataRequestId == second).ExecuteDeleteAsync();
        }
        Assert.Equal([Key(first)], Compilations(await SearchAsync("quokkafloof", _focalPoint)).Select(c => c.Key));

        await using (var scope = _factory.Scope())
        {
            // What migrate runs once CompilationsInLibrary is applied (DatabaseSetup).
            await RcpHub.Data.SearchIndex.RefreshAllAsync(scope.Db, [SearchKind.Compilation]);
            Assert.Equal(kept, await scope.Db.SearchEntries.Where(e => e.Kind == SearchKind.Compilation && e.DataRequestId == first).Select(e => e.Id).SingleAsync());
        }
        Assert.Equal([Key(first), Key(second)], Compilations(await SearchAsync("quokkafloof", _focalPoint)).Select(c => c.Key).Order());
    }

    [Fact]
    public async Task A_request_not_yet_sent_is_not_in_the_library_even_for_its_secretariat()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var created = await api.PostAsJsonAsync("/api/v1/processes/midsa/data-requests", new
        {
            title = "Draft on glimmerwort",
            deadlineAt = DateTimeOffset.UtcNow.AddDays(10),
            questions = new object[] { new { text = "Glimmerwort permits issued", kind = "Figure", unit = "permits" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertNotFoundAsync("glimmerwort", _secretariat);
    }
}
