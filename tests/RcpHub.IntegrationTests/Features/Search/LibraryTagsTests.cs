using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Issue 12's facets on every kind (decision 0039): the secretariat tags a meeting with themes and GCM objectives,
/// and its agenda items, sessions, reports and documents are found and counted by them, of what the reader may see; an
/// output by its recommendations' tags; a process by the themes it is given.</summary>
public sealed class LibraryTagsTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private AppUser _secretariat = null!, _member = null!, _outsider = null!;
    private Theme _theme = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _member = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "fp@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        await using var scope = _factory.Scope();
        // A theme no seeded process carries, so that only what the test tags counts under it.
        _theme = await scope.Db.Themes.Where(t => !t.Processes.Any()).OrderBy(t => t.Id).FirstOrDefaultAsync() ?? scope.Db.Themes.Add(new Theme { Name = "Kelp and migration" }).Entity;
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<JsonElement> SearchAsync(string query, AppUser? user = null) => SearchArrange.SearchAsync(_factory, query, user);

    private static Dictionary<string, int> Counts(JsonElement results, string facet) => SearchArrange.Counts(results, facet);

    private static List<(string Kind, string Key)> Items(JsonElement results) =>
        [.. results.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("key").GetString()!))];

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string ThemeKey => Key(_theme.Id);

    /// <summary>A meeting (its title without the searched word) with a session whose title has it.</summary>
    private async Task<(Meeting Meeting, Session Session)> MeetingWithSessionAsync(string word, MeetingAudience audience)
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Regional consultation", audience,
            configure: m => m.Sessions.Add(new Session { Title = $"Panel on {word} routes", Position = 1 }));
        return (meeting, meeting.Sessions.Single());
    }

    private async Task<HtmlClient> SecretariatBrowserAsync() => await TestSignIn.HtmlClientAsync(_factory, _secretariat);

    private static object MeetingBody(IEnumerable<int> themeIds, IEnumerable<int> objectives, string title = "Regional consultation", string level = "Expert",
        string day = "2027-03-02") => new
    {
        title,
        level,
        format = "RegularMeeting",
        status = "Planned",
        hostStateCode = "KEN",
        venue = "UN Gigiri Complex, Nairobi",
        timeZone = "Africa/Nairobi",
        startsAt = day + "T09:00:00",
        endsAt = day + "T17:00:00",
        workingLanguages = new[] { "en" },
        audience = "Public",
        themeIds,
        gcmObjectives = objectives,
    };

    [Fact]
    public async Task A_theme_set_on_a_meeting_finds_and_counts_its_session_and_document_and_is_shown_on_its_page()
    {
        var (meeting, session) = await MeetingWithSessionAsync("kelpwort", MeetingAudience.Public);
        using var browser = await SecretariatBrowserAsync();
        var edit = await browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/edit");
        var saved = await browser.SubmitAsync(edit, "form.meeting-form", new Dictionary<string, string>
        {
            ["Input.ThemeIds"] = ThemeKey, ["Input.GcmObjectives"] = "6",
        });
        Assert.Equal($"/meetings/{meeting.Id}", saved.Url);
        Assert.Equal(_theme.Name, saved.Text("dd.themes"));
        Assert.Contains("recruitment", saved.Text("dd.objectives"), StringComparison.OrdinalIgnoreCase);
        // Made after the meeting was tagged, the document carries its tags from the start.
        var document = await SearchArrange.DocumentAsync(_factory, meeting.Id, "Kelpwort briefing", "A note on kelpwort.");

        foreach (var reader in new[] { null, _outsider })
        {
            var byTheme = await SearchAsync($"kelpwort&theme={_theme.Id}", reader);
            Assert.Equal([("Document", Key(document.Id)), ("Session", Key(session.Id))], Items(byTheme).Order());
            Assert.Equal(new Dictionary<string, int> { [ThemeKey] = 2 }, Counts(byTheme, "themes"));
            Assert.Equal(new Dictionary<string, int> { ["6"] = 2 }, Counts(byTheme, "objectives"));
            var byObjective = await SearchAsync("kelpwort&objective=6&kind=session", reader);
            Assert.Equal([("Session", Key(session.Id))], Items(byObjective));
        }
        using var anonymous = HtmlClient.For(_factory);
        var page = await anonymous.GetAsync("/search?q=kelpwort");
        Assert.Equal([$"{_theme.Name} (2)"], page.Texts("ul.facet.themes li"));
    }

    [Fact]
    public async Task A_members_only_meeting_s_tagged_document_is_neither_found_nor_counted_by_an_outsider_or_anonymous()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Closed consultation", configure: m =>
        {
            m.ThemeIds = [_theme.Id];
            m.GcmObjectives = [14];
        });
        var document = await SearchArrange.DocumentAsync(_factory, meeting.Id, "Dunewort annex", "Reserved dunewort figures.");

        foreach (var reader in new[] { null, _outsider })
        {
            var results = await SearchAsync($"dunewort&theme={_theme.Id}", reader);
            Assert.Equal(0, results.GetProperty("total").GetInt32());
            var all = await SearchAsync("dunewort", reader);
            Assert.Empty(Counts(all, "themes"));
            Assert.Empty(Counts(all, "objectives"));
        }
        var byMember = await SearchAsync($"dunewort&theme={_theme.Id}", _member);
        Assert.Equal([("Document", Key(document.Id))], Items(byMember));
        Assert.Equal(new Dictionary<string, int> { [ThemeKey] = 1 }, Counts(byMember, "themes"));
        Assert.Equal(new Dictionary<string, int> { ["14"] = 1 }, Counts(byMember, "objectives"));
    }

    [Fact]
    public async Task Removing_a_meeting_s_tag_removes_what_it_holds_from_the_results()
    {
        var (meeting, session) = await MeetingWithSessionAsync("saltwort", MeetingAudience.Public);
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var tagged = await api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting.Id}", MeetingBody([_theme.Id], [6])))
        {
            Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
            var view = await tagged.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(_theme.Name, view.GetProperty("themes")[0].GetProperty("name").GetString());
            Assert.Equal([6], view.GetProperty("gcmObjectives").EnumerateArray().Select(o => o.GetInt32()));
        }
        Assert.Equal([("Session", Key(session.Id))], Items(await SearchAsync($"saltwort&theme={_theme.Id}")));

        using (var untagged = await api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting.Id}", MeetingBody([], [6])))
        {
            Assert.Equal(HttpStatusCode.OK, untagged.StatusCode);
        }
        var after = await SearchAsync($"saltwort&theme={_theme.Id}");
        Assert.Equal(0, after.GetProperty("total").GetInt32());
        var all = await SearchAsync("saltwort");
        Assert.Empty(Counts(all, "themes"));
        Assert.Equal(new Dictionary<string, int> { ["6"] = 1 }, Counts(all, "objectives"));
    }

    [Fact]
    public async Task A_meeting_s_new_title_level_and_date_reach_the_entries_of_what_it_holds()
    {
        var (meeting, session) = await MeetingWithSessionAsync("marshwort", MeetingAudience.Public);
        var document = await SearchArrange.DocumentAsync(_factory, meeting.Id, "Marshwort note", "Figures on marshwort routes.");
        var documentYear = DateTimeOffset.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["Regional consultation", "Regional consultation"], (await SearchAsync("marshwort")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("context").GetString()));

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var edited = await api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting.Id}",
            MeetingBody([], [], title: "Ministerial dialogue in Maputo", level: "Ministerial", day: "2029-05-14")))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        var after = await SearchAsync("marshwort");
        Assert.Equal([("Ministerial dialogue in Maputo", "Session"), ("Ministerial dialogue in Maputo", "Document")], after.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("context").GetString()!, i.GetProperty("kind").GetString()!)).OrderByDescending(i => i.Item2));
        Assert.Equal(new Dictionary<string, int> { ["Ministerial"] = 2 }, Counts(after, "levels"));
        // A session takes place on its meeting's date; a document keeps the year it was written.
        Assert.Equal(new Dictionary<string, int> { ["2029"] = 1, [documentYear] = 1 }, Counts(after, "years"));
        Assert.Equal(1, (await SearchAsync("marshwort&level=ministerial&year=2029")).GetProperty("total").GetInt32());
        Assert.Equal([("Session", Key(session.Id))], Items(await SearchAsync("marshwort&level=ministerial&year=2029")));
        Assert.Equal([("Document", Key(document.Id))], Items(await SearchAsync($"marshwort&level=ministerial&year={documentYear}")));
    }

    [Fact]
    public async Task An_unknown_theme_or_objective_is_refused_with_a_field_message_and_nothing_is_stored()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Regional consultation", MeetingAudience.Public);
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var refused = await api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting.Id}", MeetingBody([_theme.Id, 987654], [6, 24]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Choose themes from the list.", errors.GetProperty("themeIds")[0].GetString());
        Assert.Equal("Choose GCM objectives from the list (1 to 23).", errors.GetProperty("gcmObjectives")[0].GetString());

        using var browser = await SecretariatBrowserAsync();
        var edit = await browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/edit");
        var form = await browser.SubmitAsync(edit, "form.meeting-form", new Dictionary<string, string> { ["Input.ThemeIds"] = "987654", ["Input.Title"] = "Renamed" });
        Assert.Equal("Choose themes from the list.", form.Text("[data-valmsg-for='Input.ThemeIds']"));

        await using var scope = _factory.Scope();
        var stored = await scope.Db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id);
        Assert.Equal(("Regional consultation", 0, 0), (stored.Title, stored.ThemeIds.Count, stored.GcmObjectives.Count));
    }

    [Fact]
    public async Task An_output_is_found_by_its_recommendations_tags_and_a_process_by_a_theme_it_is_given()
    {
        await using (var scope = _factory.Scope())
        {
            scope.Db.Outputs.Add(new Output
            {
                ProcessId = _midsa, Kind = OutputKind.Recommendations, Title = "Thriftwort declaration", OriginalLanguage = "en", Audience = MeetingAudience.Public,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Recommendations =
                [
                    new Recommendation { Number = 1, OriginalLanguage = "en", Text = "Map the routes.", Themes = [new RecommendationTheme { ThemeId = _theme.Id }] },
                    new Recommendation { Number = 2, OriginalLanguage = "en", Text = "Count the returns.", GcmObjectives = [new RecommendationGcmObjective { Objective = 21 }] },
                ],
            });
            await scope.Db.SaveChangesAsync();
        }
        var output = await SearchAsync("thriftwort&kind=output");
        Assert.Equal(new Dictionary<string, int> { [ThemeKey] = 1 }, Counts(output, "themes"));
        Assert.Equal(new Dictionary<string, int> { ["21"] = 1 }, Counts(output, "objectives"));

        // A recommendation's theme taken away is no longer its output's.
        await using (var scope = _factory.Scope())
        {
            scope.Db.RecommendationThemes.RemoveRange(scope.Db.RecommendationThemes.Where(t => t.ThemeId == _theme.Id));
            await scope.Db.SaveChangesAsync();
        }
        Assert.Empty(Counts(await SearchAsync("thriftwort&kind=output"), "themes"));

        // A process given a theme is found under it at once.
        Assert.DoesNotContain(("Process", Key(_midsa)), Items(await SearchAsync($"midsa&theme={_theme.Id}")));
        await using (var scope = _factory.Scope())
        {
            var process = await scope.Db.Processes.Include(p => p.Themes).SingleAsync(p => p.Id == _midsa);
            process.Themes.Add(await scope.Db.Themes.SingleAsync(t => t.Id == _theme.Id));
            await scope.Db.SaveChangesAsync();
        }
        Assert.Contains(("Process", Key(_midsa)), Items(await SearchAsync($"midsa&theme={_theme.Id}")));
    }
}
