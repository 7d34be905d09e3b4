using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Issue 12's library, continued (decision 0036): the facets region, theme, GCM objective, meeting level and
/// language counted as the others are, of what the reader may see; recommendations found as results of their own, with
/// their output's access; words found by their stem on PostgreSQL.</summary>
public sealed class LibraryFacetsTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private Meeting _public = null!;
    private AppUser _member = null!, _outsider = null!;
    private Recommendation _closedRecommendation = null!, _publicRecommendation = null!;
    private Theme _theme = null!;
    private string _region = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _member = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "fp@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        _public = await Arrange.MeetingAsync(_factory, midsa, "Regional expert dialogue", MeetingAudience.Public, level: MeetingLevel.Expert);
        var closed = await Arrange.MeetingAsync(_factory, midsa, "Closed ministerial conference", level: MeetingLevel.Ministerial);
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Public note", "A quillwort survey of the region.");
        await SearchArrange.DocumentAsync(_factory, closed.Id, "Annexe fermée", "Une enquête quillwort réservée aux membres.", language: "fr");

        await using var scope = _factory.Scope();
        _region = await scope.Db.Processes.Where(p => p.Id == midsa).Select(p => p.Region).SingleAsync();
        _theme = await scope.Db.Themes.OrderBy(t => t.Id).FirstAsync();
        _closedRecommendation = new Recommendation
        {
            Number = 1, OriginalLanguage = "en", ToAllMembers = true,
            Text = "States should extend quillwort consular protection to seasonal workers in transit.",
            Themes = [new RecommendationTheme { ThemeId = _theme.Id }], GcmObjectives = [new RecommendationGcmObjective { Objective = 14 }],
        };
        _publicRecommendation = new Recommendation
        {
            Number = 1, OriginalLanguage = "en", ToAllMembers = true, Text = "Publish quillwort figures on return and readmission.",
            GcmObjectives = [new RecommendationGcmObjective { Objective = 21 }],
        };
        scope.Db.Outputs.AddRange(
            new Output
            {
                ProcessId = midsa, Kind = OutputKind.Recommendations, Title = "Closed declaration", OriginalLanguage = "en", Audience = MeetingAudience.MembersOnly,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Recommendations = [_closedRecommendation],
            },
            new Output
            {
                ProcessId = midsa, Kind = OutputKind.ActionPlan, Title = "Public plan", OriginalLanguage = "en", Audience = MeetingAudience.Public,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Recommendations = [_publicRecommendation],
            });
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<JsonElement> SearchAsync(string query, AppUser? user = null) => SearchArrange.SearchAsync(_factory, query, user);

    private static Dictionary<string, int> Counts(JsonElement results, string facet) => SearchArrange.Counts(results, facet);

    private static List<(string Kind, string Key, string Path)> Items(JsonElement results) =>
        [.. results.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("key").GetString()!, i.GetProperty("path").GetString()!))];

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_new_facet_counts_for_an_outsider_only_what_they_may_see_and_for_a_member_the_rest()
    {
        foreach (var reader in new[] { null, _outsider })
        {
            var results = await SearchAsync("quillwort", reader);
            Assert.Equal(2, results.GetProperty("total").GetInt32());
            Assert.Equal(new Dictionary<string, int> { [_region] = 2 }, Counts(results, "regions"));
            Assert.Equal(new Dictionary<string, int> { ["Expert"] = 1 }, Counts(results, "levels"));
            Assert.Equal(new Dictionary<string, int> { ["en"] = 2 }, Counts(results, "languages"));
            Assert.Empty(Counts(results, "themes"));
            Assert.Equal(new Dictionary<string, int> { ["21"] = 1 }, Counts(results, "objectives"));

            using var browser = reader is null ? HtmlClient.For(_factory) : await TestSignIn.HtmlClientAsync(_factory, reader);
            var page = await browser.GetAsync("/search?q=quillwort");
            Assert.Equal(["Expert (1)"], page.Texts("ul.facet.levels li"));
            Assert.Equal(["English (2)"], page.Texts("ul.facet.languages li"));
            Assert.Null(page.Document.QuerySelector("ul.facet.themes"));
            Assert.Single(page.Texts("ul.facet.objectives li"));
        }

        var byMember = await SearchAsync("quillwort", _member);
        Assert.Equal(4, byMember.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [_region] = 4 }, Counts(byMember, "regions"));
        Assert.Equal(new Dictionary<string, int> { ["Expert"] = 1, ["Ministerial"] = 1 }, Counts(byMember, "levels"));
        Assert.Equal(new Dictionary<string, int> { ["en"] = 3, ["fr"] = 1 }, Counts(byMember, "languages"));
        Assert.Equal(new Dictionary<string, int> { [Key(_theme.Id)] = 1 }, Counts(byMember, "themes"));
        Assert.Equal(new Dictionary<string, int> { ["14"] = 1, ["21"] = 1 }, Counts(byMember, "objectives"));
        Assert.Equal(_theme.Name, byMember.GetProperty("facets").GetProperty("themes")[0].GetProperty("label").GetString());

        using var memberBrowser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var memberPage = await memberBrowser.GetAsync("/search?q=quillwort");
        Assert.Equal(["Expert (1)", "Ministerial (1)"], memberPage.Texts("ul.facet.levels li"));
        Assert.Equal([$"{_theme.Name} (1)"], memberPage.Texts("ul.facet.themes li"));
        // A value chosen narrows the results and the other facets; its own facet still shows every value, and a way back.
        var ministerial = await memberBrowser.GetAsync(memberPage.Document.QuerySelector("ul.facet.levels li a[href*='level=ministerial']")!.GetAttribute("href")!);
        Assert.Equal("1 result for “quillwort”", ministerial.Text("p.count"));
        Assert.Equal(["Any level", "Expert (1)", "Ministerial (1)"], ministerial.Texts("ul.facet.levels li"));
        Assert.Equal(["français (1)"], ministerial.Texts("ul.facet.languages li"));
        Assert.Equal(["Annexe fermée"], ministerial.Texts("ol.results li > a"));

        var byTheme = await SearchAsync($"quillwort&theme={_theme.Id}", _member);
        Assert.Equal(1, byTheme.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["14"] = 1 }, Counts(byTheme, "objectives"));
        Assert.Equal(new Dictionary<string, int> { [Key(_theme.Id)] = 1 }, Counts(byTheme, "themes"));
        var byObjective = await SearchAsync("quillwort&objective=21&language=EN", _member);
        Assert.Equal([("Recommendation", Key(_publicRecommendation.Id))], Items(byObjective).Select(i => (i.Kind, i.Key)));
    }

    [Theory]
    [InlineData("level=royal", "level")]
    [InlineData("objective=24", "objective")]
    [InlineData("kind=nothing", "kind")]
    public async Task A_facet_value_that_does_not_exist_is_refused_with_a_problem(string filter, string field)
    {
        using var api = _factory.CreateClient();
        using var response = await api.GetAsync($"/api/v1/search?q=quillwort&{filter}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_recommendation_is_found_by_a_phrase_of_its_text_with_its_output_s_access()
    {
        foreach (var reader in new[] { null, _outsider })
        {
            var hidden = await SearchAsync(Uri.EscapeDataString("\"consular protection to seasonal workers\""), reader);
            Assert.Equal(0, hidden.GetProperty("total").GetInt32());
            Assert.Empty(Counts(hidden, "kinds"));
        }

        var found = Items(await SearchAsync(Uri.EscapeDataString("\"consular protection to seasonal workers\""), _member));
        var (kind, key, path) = Assert.Single(found);
        Assert.Equal(("Recommendation", Key(_closedRecommendation.Id)), (kind, key));
        Assert.Equal($"/processes/midsa/outputs/{_closedRecommendation.OutputId}/recommendations/1", path);
        using var memberBrowser = await TestSignIn.HtmlClientAsync(_factory, _member);
        Assert.Equal(HttpStatusCode.OK, (await memberBrowser.GetAsync(path)).Status);
        var page = await memberBrowser.GetAsync("/search?q=" + Uri.EscapeDataString("\"consular protection\""));
        Assert.Equal("Recommendations (1)", page.Text("#found-recommendations"));
        Assert.Equal("consular protection", string.Join(' ', page.Texts("ol.results li.recommendation .snippet mark")));

        // Its entry follows its text.
        await using (var scope = _factory.Scope())
        {
            var stored = await scope.Db.Recommendations.SingleAsync(r => r.Id == _closedRecommendation.Id);
            stored.Text = "States should extend quillwort assistance to stranded workers.";
            await scope.Db.SaveChangesAsync();
        }
        Assert.Empty(Items(await SearchAsync(Uri.EscapeDataString("\"consular protection\""), _member)));
        Assert.Single(Items(await SearchAsync("stranded", _member)));
    }

    /// <summary>A text, another form of one of its words, and whether that form is the start of a word of the text (then
    /// SQLite finds it too).</summary>
    public static TheoryData<string, string, string, string, bool> Forms => new()
    {
        { "en", "Programme note", "The migrant worker programme was reviewed.", "migrants", false },
        { "en", "Policy brief", "Labour migration in the region.", "migrations", false },
        { "fr", "Note de politique", "La migration circulaire des travailleurs.", "migrations", false },
        { "fr", "Compte rendu", "Les travailleurs saisonniers sont protégés.", "travailleur", true },
        { "es", "Nota", "La migración laboral del trabajador temporero.", "migraciones", false },
        { "es", "Informe", "Derechos del trabajador temporero.", "trabajadores", false },
        { "ru", "Записка", "Права мигранта в регионе.", "мигрантов", false },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Another_form_of_a_word_finds_it_by_its_stem_on_PostgreSQL_and_by_its_start_only_on_SQLite(string language, string title, string text, string form, bool byItsStart)
    {
        var document = await SearchArrange.DocumentAsync(_factory, _public.Id, title, text, language: language);
        // Documents only: "migration" is in the names of processes and themes, which rank first.
        var found = Items(await SearchAsync(Uri.EscapeDataString(form) + "&kind=document")).Select(i => i.Key).ToList();
        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            Assert.Contains(Key(document.Id), found);
        }
        else
        {
            // FTS5's only stemmer is English (porter), and it would cost the match by a word's start (decision 0036).
            Assert.Equal(byItsStart, found.Contains(Key(document.Id)));
        }
    }

    [Fact]
    public async Task A_word_found_by_its_stem_is_marked_in_the_passage_on_PostgreSQL_and_not_found_on_SQLite()
    {
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Programme note", "The migrant worker programme was reviewed.");
        using var browser = HtmlClient.For(_factory);
        var page = await browser.GetAsync("/search?q=migrants&kind=document");
        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            Assert.Contains("migrant", page.Texts("ol.results li.document .snippet mark"));
        }
        else
        {
            // SQLite stems nothing (decision 0036): "migrants" does not start any word of the note, "migrant" does.
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("Programme note", page.Texts("ol.results li > a"));
            var written = await browser.GetAsync("/search?q=migrant&kind=document");
            Assert.Contains("Programme note", written.Texts("ol.results li > a"));
        }
    }
}
