using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>What issue 12 measured as finding nothing, found through the library (decision 0031), ranked, with marked
/// passages and counts that respect access.</summary>
public sealed class LibrarySearchTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private Meeting _public = null!, _membersOnly = null!;
    private Session _session = null!;
    private AppUser _member = null!, _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _member = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "fp@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        _public = await Arrange.MeetingAsync(_factory, midsa, "Regional ministerial dialogue", MeetingAudience.Public);
        _membersOnly = await Arrange.MeetingAsync(_factory, midsa, "Closed expert meeting");

        await using var scope = _factory.Scope();
        _session = new Session
        {
            MeetingId = _public.Id, Position = 1, Code = "Session 3.3", Title = "Skills mobility partnerships",
            People = [new SessionPerson { Role = SessionRole.Speaker, Position = 1, Name = "Amina Benyoussef" }],
        };
        scope.Db.Sessions.Add(_session);
        var closed = new Session { MeetingId = _membersOnly.Id, Position = 1, Title = "Closed session" };
        scope.Db.Sessions.Add(closed);
        await scope.Db.SaveChangesAsync();
        scope.Db.SessionReportVersions.Add(new SessionReportVersion
        {
            SessionId = _session.Id, Number = 1, SavedByUserId = _member.Id, SavedAt = DateTimeOffset.UtcNow,
            Summary = "Delegations compared circular migration schemes with seasonal work visas.",
            Discussion = "Several states asked for portable social security between origin and destination.",
            Points = [new ReportPoint { Kind = ReportPointKind.KeyPoint, Position = 1, Text = "Recognition of prior learning cuts recruitment costs." }],
        });
        scope.Db.SessionReportVersions.Add(new SessionReportVersion
        {
            SessionId = closed.Id, Number = 1, SavedByUserId = _member.Id, SavedAt = DateTimeOffset.UtcNow,
            Summary = "The wombatine protocol was discussed behind closed doors.",
        });
        await scope.Db.SaveChangesAsync();
        await SearchArrange.DocumentAsync(_factory, _membersOnly.Id, "Wombatine annex", "The wombatine protocol, annex.");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonElement> SearchAsync(string q, AppUser? user = null)
    {
        using var api = user is null ? _factory.CreateClient() : await TestSignIn.HttpClientAsync(_factory, user);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}");
    }

    private static List<(string Kind, string Key, string Title)> Items(JsonElement results) =>
        [.. results.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("key").GetString()!, i.GetProperty("title").GetString()!))];

    private static Dictionary<string, int> Counts(JsonElement results, string facet) =>
        results.GetProperty("facets").GetProperty(facet).EnumerateArray().ToDictionary(k => k.GetProperty("value").GetString()!, k => k.GetProperty("count").GetInt32());

    [Fact]
    public async Task Phrases_of_a_session_report_its_speakers_and_its_title_are_found()
    {
        var key = _session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(("SessionReport", key), Items(await SearchAsync("\"circular migration schemes\"")).Select(i => (i.Kind, i.Key)));
        Assert.Contains(("SessionReport", key), Items(await SearchAsync("portable social security")).Select(i => (i.Kind, i.Key)));
        Assert.Contains(("SessionReport", key), Items(await SearchAsync("prior learning")).Select(i => (i.Kind, i.Key)));
        var speaker = Items(await SearchAsync("Amina Benyoussef"));
        Assert.Contains(("Session", key), speaker.Select(i => (i.Kind, i.Key)));
        Assert.Contains(("Session", key), Items(await SearchAsync("skills mobility partnerships")).Select(i => (i.Kind, i.Key)));
        // A phrase is those words in that order.
        Assert.Empty(Items(await SearchAsync("\"schemes migration circular\"")));
    }

    [Theory]
    [InlineData("Morocco")]
    [InlineData("Maroc")]
    [InlineData("Marruecos")]
    [InlineData("Марокко")]
    [InlineData("المغرب")]
    public async Task A_state_is_found_by_its_name_in_every_interface_language(string name)
    {
        var found = Items(await SearchAsync(name));
        Assert.Equal(("State", "MAR"), (found[0].Kind, found[0].Key));
    }

    [Fact]
    public async Task A_process_is_found_by_the_name_of_one_of_its_themes()
    {
        var found = Items(await SearchAsync("labour migration"));
        Assert.Contains(found, i => i.Kind == "Process" && i.Title.StartsWith("IGAD-RCP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_are_ranked_a_title_match_before_a_passing_mention()
    {
        var mention = await SearchArrange.DocumentAsync(_factory, _public.Id, "Annual note",
            "Among many other things, the secretariat also mentioned remittances once in this long text about budgets and calendars.");
        var titled = await SearchArrange.DocumentAsync(_factory, _public.Id, "Remittances corridors", "Remittances and their costs.");
        var documents = Items(await SearchAsync("remittances")).Where(i => i.Kind == "Document").Select(i => i.Key).ToList();
        Assert.Equal([titled.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), mention.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], documents);
    }

    [Fact]
    public async Task One_result_is_one_result_and_the_passage_marks_the_words_with_the_text_encoded()
    {
        await SearchArrange.DocumentAsync(_factory, _public.Id, "Quarterly brief", "Fish & chips <b>quokkaplan</b> for the panel.");
        using var browser = HtmlClient.For(_factory);
        var page = await browser.GetAsync("/search?q=quokkaplan");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("1 result for “quokkaplan”", page.Text("p.count"));
        var snippet = page.Document.QuerySelector("ol.results li.document .snippet")!;
        Assert.Equal("quokkaplan", snippet.QuerySelector("mark")!.TextContent);
        // The text is encoded around the marks (PostgreSQL's ts_headline drops what reads as a tag; SQLite's snippet keeps it, encoded).
        Assert.Contains("Fish &amp; chips ", snippet.InnerHtml, StringComparison.Ordinal);
        Assert.Null(snippet.QuerySelector("b"));
    }

    [Fact]
    public async Task A_members_only_meeting_its_document_and_report_are_neither_found_nor_counted_for_an_outsider()
    {
        foreach (var reader in new[] { null, _outsider })
        {
            var results = await SearchAsync("wombatine", reader);
            Assert.Equal(0, results.GetProperty("total").GetInt32());
            Assert.Empty(Items(results));
            Assert.Empty(Counts(results, "kinds"));
            Assert.Empty(Counts(results, "processes"));
            Assert.Empty(Counts(results, "years"));
            Assert.DoesNotContain(Items(await SearchAsync("closed expert meeting", reader)), i => i.Kind == "Meeting");

            using var browser = reader is null ? HtmlClient.For(_factory) : await TestSignIn.HtmlClientAsync(_factory, reader);
            var page = await browser.GetAsync("/search?q=wombatine");
            Assert.Equal("0 results for “wombatine”", page.Text("p.count"));
            Assert.Equal("Documents (0)", page.Text("#found-documents"));
            Assert.Equal("Session reports (0)", page.Text("#found-session-reports"));
            Assert.DoesNotContain("MIDSA", page.Text("nav.search-facets"), StringComparison.Ordinal);
        }

        var byMember = await SearchAsync("wombatine", _member);
        Assert.Equal(2, byMember.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["SessionReport"] = 1, ["Document"] = 1 }, Counts(byMember, "kinds"));
        Assert.Equal(2, Counts(byMember, "processes")["midsa"]);
        using var memberBrowser = await TestSignIn.HtmlClientAsync(_factory, _member);
        var memberPage = await memberBrowser.GetAsync("/search?q=wombatine");
        Assert.Equal("Documents (1)", memberPage.Text("#found-documents"));
        Assert.Equal("MIDSA (2)", memberPage.Text("ul.facet.processes li"));
        var onlyDocuments = await memberBrowser.GetAsync("/search?q=wombatine&kind=document");
        Assert.Equal(["Wombatine annex"], onlyDocuments.Texts("ol.results li > a"));
    }
}
