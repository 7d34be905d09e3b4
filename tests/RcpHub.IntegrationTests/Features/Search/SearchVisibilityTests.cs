using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Search finds only what its reader may see, on the page and in the API, and counts nothing else.</summary>
public sealed class SearchVisibilityTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private Meeting _membersOnly = null!, _summaryOnly = null!, _public = null!;
    private Document _closedNote = null!, _secretariatBrief = null!, _summaryMeetingNote = null!, _russian = null!, _arabic = null!;
    private AppUser _secretariat = null!, _focalPoint = null!, _observer = null!, _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        _observer = await TestSignIn.CreateUserAsync(_factory, "observer@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Observer));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));

        _membersOnly = await Arrange.MeetingAsync(_factory, midsa, "Members-only meeting on return",
            configure: m => m.AgendaItems.Add(new AgendaItem { Title = "Readmission", Description = "The zanzibarite protocol, clause by clause.", Position = 1 }));
        _closedNote = await SearchArrange.DocumentAsync(_factory, _membersOnly.Id, "Annotated agenda",
            "Delegations will discuss the zanzibarite protocol on readmission.");
        _secretariatBrief = await SearchArrange.DocumentAsync(_factory, _membersOnly.Id, "Secretariat briefing",
            "Negotiation lines on the quokkaplan, for the chair only.", DocumentAccess.Secretariat);
        _summaryOnly = await Arrange.MeetingAsync(_factory, midsa, "Ministerial conference", configure: m =>
        {
            m.PublicSummary = "Ministers agreed on xylophonic cooperation.";
            m.SummaryPublished = true;
        });
        _summaryMeetingNote = await SearchArrange.DocumentAsync(_factory, _summaryOnly.Id, "Draft xylophonic outcome", "Internal draft.");
        _public = await Arrange.MeetingAsync(_factory, midsa, "Déclaration de Rabat : suivi", MeetingAudience.Public);
        _russian = await SearchArrange.DocumentAsync(_factory, _public.Id, "Доклад", "Совещание по вопросам: ТРУДОВАЯ МИГРАЦИЯ и права трудящихся.");
        _arabic = await SearchArrange.DocumentAsync(_factory, _public.Id, "تقرير", "تقرير عن الهِجْرَة النظامية في المنطقة.");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HtmlClient> BrowserAsync(AppUser? user) => user is null ? HtmlClient.For(_factory) : await TestSignIn.HtmlClientAsync(_factory, user);

    private async Task<HttpClient> ApiAsync(AppUser? user) => user is null ? _factory.CreateClient() : await TestSignIn.HttpClientAsync(_factory, user);

    private async Task<JsonElement> SearchApiAsync(AppUser? user, string q)
    {
        using var api = await ApiAsync(user);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}");
    }

    // The library lists every kind in one ranked list with counts by kind (decision 0031): these read a kind out of it.
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["documents"] = "Document", ["meetings"] = "Meeting", ["agendaItems"] = "AgendaItem", ["processes"] = "Process",
    };

    private static IEnumerable<JsonElement> Items(JsonElement results, string kind) =>
        results.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == Kinds[kind]);

    private static int[] Ids(JsonElement results, string kind) => [.. Items(results, kind).Select(i => int.Parse(i.GetProperty("key").GetString()!))];

    private static int Total(JsonElement results, string kind) =>
        results.GetProperty("facets").GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("value").GetString() == Kinds[kind])
            .Select(k => k.GetProperty("count").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task A_member_finds_a_members_only_meetings_document_and_agenda_item_by_a_word_of_their_text()
    {
        using var browser = await BrowserAsync(_focalPoint);
        var page = await browser.GetAsync("/search?q=zanzibarite");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Annotated agenda"], page.Texts("ol.results li.document > a"));
        Assert.Equal("Documents (1)", page.Text("#found-documents"));
        Assert.Equal("Members only", page.Text($"#document-{_closedNote.Id} .access"));
        Assert.Contains("zanzibarite protocol", page.Text($"#document-{_closedNote.Id} .snippet"), StringComparison.Ordinal);
        Assert.Equal(["Readmission"], page.Texts("ol.results li.agenda-item > a"));

        var results = await SearchApiAsync(_focalPoint, "zanzibarite");
        Assert.Equal([_closedNote.Id], Ids(results, "documents"));
        Assert.Equal(1, Total(results, "agendaItems"));
    }

    [Fact]
    public async Task Anonymous_visitors_non_members_and_observers_neither_find_nor_count_a_members_only_meetings_document()
    {
        foreach (var reader in new[] { null, _outsider, _observer })
        {
            var who = reader?.Email ?? "anonymous";
            using var browser = await BrowserAsync(reader);
            var page = await browser.GetAsync("/search?q=zanzibarite");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(page.Text("#found-documents") == "Documents (0)", who);
            Assert.Equal("Agenda items (0)", page.Text("#found-agenda"));
            Assert.Equal("0 results for “zanzibarite”", page.Text("p.count"));
            Assert.DoesNotContain("Annotated agenda", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Readmission", page.Html, StringComparison.Ordinal);

            var results = await SearchApiAsync(reader, "zanzibarite");
            Assert.Empty(Ids(results, "documents"));
            Assert.Equal(0, Total(results, "documents"));
            Assert.Equal(0, Total(results, "agendaItems"));
            Assert.Equal(0, Total(results, "meetings"));
        }
    }

    [Fact]
    public async Task A_document_kept_to_the_secretariat_is_found_by_the_secretariat_not_by_a_focal_point()
    {
        var byFocalPoint = await SearchApiAsync(_focalPoint, "quokkaplan");
        Assert.Equal(0, Total(byFocalPoint, "documents"));
        using (var browser = await BrowserAsync(_focalPoint))
        {
            Assert.Equal("Documents (0)", (await browser.GetAsync("/search?q=quokkaplan")).Text("#found-documents"));
        }

        var bySecretariat = await SearchApiAsync(_secretariat, "quokkaplan");
        Assert.Equal([_secretariatBrief.Id], Ids(bySecretariat, "documents"));
        using var secretariat = await BrowserAsync(_secretariat);
        var page = await secretariat.GetAsync("/search?q=QUOKKAPLAN");
        Assert.Equal("Secretariat and chair only", page.Text($"#document-{_secretariatBrief.Id} .access"));
    }

    [Fact]
    public async Task A_meeting_seen_through_its_published_summary_is_found_by_it_but_its_documents_are_not()
    {
        using var browser = await BrowserAsync(null);
        var page = await browser.GetAsync("/search?q=xylophonic");
        Assert.Equal(["Ministerial conference"], page.Texts("ol.results li.meeting > a"));
        Assert.Contains("Public summary only", page.Text($"#meeting-{_summaryOnly.Id}"), StringComparison.Ordinal);
        // The engines cut passages at words (PostgreSQL's ts_headline leaves the final full stop out).
        Assert.StartsWith("Ministers agreed on xylophonic cooperation", page.Text($"#meeting-{_summaryOnly.Id} .snippet"), StringComparison.Ordinal);
        Assert.Equal("Documents (0)", page.Text("#found-documents"));

        var results = await SearchApiAsync(null, "xylophonic");
        Assert.True(Items(results, "meetings").Single().GetProperty("summaryOnly").GetBoolean());
        Assert.Equal(0, Total(results, "documents"));

        // A member sees the meeting in full, and its document.
        var byMember = await SearchApiAsync(_focalPoint, "xylophonic");
        Assert.False(Items(byMember, "meetings").Single().GetProperty("summaryOnly").GetBoolean());
        Assert.Equal([_summaryMeetingNote.Id], Ids(byMember, "documents"));
    }

    [Fact]
    public async Task Capitals_and_accents_do_not_matter_in_french_russian_and_arabic()
    {
        var declaration = await SearchApiAsync(null, "declaration de RABAT");
        Assert.Equal([_public.Id], Ids(declaration, "meetings"));

        using var browser = await BrowserAsync(null);
        var russian = await browser.GetAsync("/search?q=" + Uri.EscapeDataString("трудовая миграция"));
        Assert.Equal(["Доклад"], russian.Texts("ol.results li.document > a"));
        // On a PostgreSQL database whose locale lowers ASCII only, the passage of a capitalised Cyrillic word is shown lowered (decision 0031).
        Assert.Contains("ТРУДОВАЯ МИГРАЦИЯ", russian.Text($"#document-{_russian.Id} .snippet"), StringComparison.OrdinalIgnoreCase);

        var arabic = await SearchApiAsync(null, "الهجرة");
        Assert.Equal([_arabic.Id], Ids(arabic, "documents"));

        var accentedQuery = await SearchApiAsync(null, "DÉCLARATION");
        Assert.Equal([_public.Id], Ids(accentedQuery, "meetings"));

        // Every word, in any order; not a word more.
        Assert.Equal([_public.Id], Ids(await SearchApiAsync(null, "rabat  Déclaration"), "meetings"));
        Assert.Empty(Ids(await SearchApiAsync(null, "rabat declaration lisbonne"), "meetings"));
        var words = await browser.GetAsync("/search?q=" + Uri.EscapeDataString("droits МИГРАЦИЯ"));
        Assert.Equal("Documents (0)", words.Text("#found-documents"));
        var inAnyOrder = await browser.GetAsync("/search?q=" + Uri.EscapeDataString("права миграция"));
        Assert.Equal(["Доклад"], inAnyOrder.Texts("ol.results li.document > a"));
        Assert.Contains("ТРУДОВАЯ МИГРАЦИЯ", inAnyOrder.Text($"#document-{_russian.Id} .snippet"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Processes_of_the_registry_are_found_by_name_or_acronym_and_a_search_may_be_kept_to_one_process()
    {
        var byName = await SearchApiAsync(null, "southern africa");
        Assert.Contains("/processes/midsa", Items(byName, "processes").Select(p => p.GetProperty("path").GetString()));

        var inColombo = await SearchApiAsync(_focalPoint, "zanzibarite");
        using var api = await ApiAsync(_focalPoint);
        var withinCp = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?q=zanzibarite&process=cp");
        Assert.Equal(1, Total(inColombo, "documents"));
        Assert.Equal(0, Total(withinCp, "documents"));
        var withinMidsa = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?q=zanzibarite&process=midsa");
        Assert.Equal(1, Total(withinMidsa, "documents"));

        using var unknown = await api.GetAsync("/api/v1/search?q=zanzibarite&process=no-such-process");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var browser = await BrowserAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/search?q=zanzibarite&process=no-such-process")).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=a")]
    [InlineData("?q=%20%20x%20")]
    public async Task A_missing_or_too_short_query_is_a_problem_on_the_api_and_a_field_message_on_the_page(string query)
    {
        using var api = _factory.CreateClient();
        using var response = await api.GetAsync("/api/v1/search" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Enter at least 2 letters or digits to search for.", problem.GetProperty("errors").GetProperty("q")[0].GetString());

        if (query.Length > 0)
        {
            using var browser = await BrowserAsync(null);
            var page = await browser.GetAsync("/search" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Enter at least 2 letters or digits to search for.", page.Text("#q-error"));
            Assert.Equal("true", page.Document.QuerySelector("#q")!.GetAttribute("aria-invalid"));
        }
    }

    [Fact]
    public async Task A_query_too_long_is_refused_and_the_bare_page_offers_the_form()
    {
        var tooLong = new string('x', 201);
        using var api = _factory.CreateClient();
        using var response = await api.GetAsync("/api/v1/search?q=" + tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var browser = await BrowserAsync(null);
        Assert.Equal("Search for at most 200 characters.", (await browser.GetAsync("/search?q=" + tooLong)).Text("#q-error"));
        var bare = await browser.GetAsync("/search");
        Assert.Equal(HttpStatusCode.OK, bare.Status);
        Assert.Null(bare.Document.QuerySelector("#q-error:not(:empty)"));
        Assert.NotNull(bare.Document.QuerySelector("header.site form[action='/search'] input[name=q]"));
    }

    [Fact]
    public async Task The_page_speaks_the_readers_language()
    {
        using var browser = HtmlClient.For(_factory, "fr");
        var page = await browser.GetAsync("/search?q=declaration");
        Assert.Equal("Réunions (1)", page.Text("#found-meetings"));
        Assert.Equal("Rechercher", page.Text("main form.search button"));
    }

    [Fact]
    public async Task Rows_written_before_search_existed_are_indexed_when_the_database_is_migrated()
    {
        // Since the library, search reads its own index: a database without it (made before it, or restored) is indexed anew.
        await using (var scope = _factory.Scope())
        {
            await scope.Db.SearchEntries.ExecuteDeleteAsync();
        }
        Assert.Equal(0, Total(await SearchApiAsync(null, "Rabat"), "meetings"));

        await DatabaseSetup.MigrateAndSeedAsync(_factory.Services);

        Assert.Equal([_public.Id], Ids(await SearchApiAsync(null, "rabat"), "meetings"));
        Assert.Equal([_russian.Id], Ids(await SearchApiAsync(null, "миграция"), "documents"));
    }

    [Fact]
    public async Task The_demo_concept_note_is_found_by_the_words_of_its_text()
    {
        await PageCatalogue.PrepareAsync(_factory);
        var administrator = await TestSignIn.CreateUserAsync(_factory, "admin@rcphub.example", administrator: true);
        using var browser = await BrowserAsync(administrator);
        var page = await browser.GetAsync("/search?q=" + Uri.EscapeDataString("recrutement équitable") + "&process=demo");
        Assert.Equal(["Concept note (demo)"], page.Texts("ol.results li.document > a"));
        // The engines cut passages at words (PostgreSQL's ts_headline leaves the final full stop out).
        Assert.StartsWith("Note conceptuelle (demo) : le recrutement equitable dans la region", page.Text("ol.results li.document .snippet"), StringComparison.Ordinal);
        Assert.Equal("Only in DEMO. Search every process", page.Text("p.scope"));
    }
}
