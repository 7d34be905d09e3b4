using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Documents;

/// <summary>Who sees which document, on every surface: list page and its count, document page, API, downloads, meeting pack.</summary>
public sealed class DocumentVisibilityTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private Meeting _membersOnly = null!, _public = null!;
    private Document _closedAgenda = null!, _closedSecretariat = null!, _openNote = null!, _openMembers = null!;
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
            configure: m => m.AgendaItems.Add(new AgendaItem { Title = "Readmission agreements", Position = 1 }));
        _public = await Arrange.MeetingAsync(_factory, midsa, "Public seminar on labour migration", MeetingAudience.Public);
        _closedAgenda = await DocumentFiles.StoreAsync(_factory, _membersOnly.Id, "Annotated agenda on readmission", DocumentAccess.Meeting, "en", "fr");
        _closedSecretariat = await DocumentFiles.StoreAsync(_factory, _membersOnly.Id, "Secretariat briefing on negotiations", DocumentAccess.Secretariat);
        _openNote = await DocumentFiles.StoreAsync(_factory, _public.Id, "Seminar concept note", DocumentAccess.Meeting);
        _openMembers = await DocumentFiles.StoreAsync(_factory, _public.Id, "Member states' positions", DocumentAccess.Members);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HtmlClient> BrowserAsync(AppUser? user) => user is null ? HtmlClient.For(_factory) : await TestSignIn.HtmlClientAsync(_factory, user);

    private async Task<HttpClient> ApiAsync(AppUser? user) => user is null ? _factory.CreateClient() : await TestSignIn.HttpClientAsync(_factory, user);

    private static string File(Meeting m, Document d) => $"/api/v1/meetings/{m.Id}/documents/{d.Id}/versions/{d.Versions[0].Id}/file";

    private static async Task<string[]> PackEntriesAsync(HttpResponseMessage response)
    {
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName).Order()];
    }

    [Fact]
    public async Task A_members_only_meetings_documents_are_invisible_to_non_members_everywhere()
    {
        foreach (var outsider in new[] { null, _outsider, _observer })
        {
            var who = outsider?.Email ?? "anonymous";
            using var browser = await BrowserAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/meetings/{_membersOnly.Id}/documents")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/meetings/{_membersOnly.Id}/documents/{_closedAgenda.Id}")).Status);

            using var api = await ApiAsync(outsider);
            foreach (var address in new[]
            {
                $"/api/v1/meetings/{_membersOnly.Id}/documents",
                $"/api/v1/meetings/{_membersOnly.Id}/documents/{_closedAgenda.Id}",
                File(_membersOnly, _closedAgenda),
                $"/api/v1/meetings/{_membersOnly.Id}/pack",
            })
            {
                using var response = await api.GetAsync(address);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who}: {address} answered {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("readmission", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Within_a_public_meeting_a_members_document_is_neither_listed_counted_downloadable_nor_packed_for_the_public()
    {
        using var browser = await BrowserAsync(null);
        var list = await browser.GetAsync($"/meetings/{_public.Id}/documents");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(["Seminar concept note"], list.Texts("table.documents th[scope=row] a"));
        Assert.Equal("1 document", list.Text("p.count"));
        Assert.DoesNotContain("positions", list.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/meetings/{_public.Id}/documents/{_openMembers.Id}")).Status);

        using var api = await ApiAsync(null);
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{_public.Id}/documents");
        Assert.Equal([_openNote.Id], listed.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(File(_public, _openMembers))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(File(_public, _openNote))).StatusCode);

        using var pack = await api.GetAsync($"/api/v1/meetings/{_public.Id}/pack");
        Assert.Equal("application/zip", pack.Content.Headers.ContentType?.MediaType);
        var entries = await PackEntriesAsync(pack);
        Assert.Equal(2, entries.Length);
        Assert.Contains("agenda.html", entries);
        Assert.Contains(entries, e => e.StartsWith($"documents/{_openNote.Id}-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_focal_point_sees_the_meetings_documents_but_not_those_kept_to_the_secretariat()
    {
        using var browser = await BrowserAsync(_focalPoint);
        var list = await browser.GetAsync($"/meetings/{_membersOnly.Id}/documents");
        Assert.Equal(["Annotated agenda on readmission"], list.Texts("table.documents th[scope=row] a"));
        Assert.Equal("1 document", list.Text("p.count"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/meetings/{_membersOnly.Id}/documents/{_closedSecretariat.Id}")).Status);

        using var api = await ApiAsync(_focalPoint);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(File(_membersOnly, _closedSecretariat))).StatusCode);
        using var pack = await api.GetAsync($"/api/v1/meetings/{_membersOnly.Id}/pack");
        var entries = await PackEntriesAsync(pack);
        Assert.Equal(3, entries.Length); // the agenda, and the English and French versions of the annotated agenda
        Assert.DoesNotContain(entries, e => e.Contains("briefing", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_secretariat_sees_every_document_with_its_marker_and_the_pack_holds_the_agenda()
    {
        using var browser = await BrowserAsync(_secretariat);
        var list = await browser.GetAsync($"/meetings/{_membersOnly.Id}/documents");
        Assert.Equal(["Annotated agenda on readmission", "Secretariat briefing on negotiations"], list.Texts("table.documents th[scope=row] a"));
        Assert.Equal("2 documents", list.Text("p.count"));
        Assert.Equal(["Members only", "Secretariat and chair only"], list.Texts("table.documents td .access"));
        // Language versions side by side: English and French columns, each with the latest version.
        Assert.Equal(["English", "French"], list.Texts("table.documents thead th").Skip(2));
        Assert.Equal("Not available", list.Text($"#document-{_closedSecretariat.Id} td.version:nth-last-child(1) .muted"));

        using var api = await ApiAsync(_secretariat);
        using var pack = await api.GetAsync($"/api/v1/meetings/{_membersOnly.Id}/pack");
        using var zip = new ZipArchive(await pack.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Equal(4, zip.Entries.Count);
        using var agenda = new StreamReader(zip.GetEntry("agenda.html")!.Open());
        var html = await agenda.ReadToEndAsync();
        Assert.Contains("Readmission agreements", html, StringComparison.Ordinal);
        Assert.Contains("Secretariat briefing on negotiations", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_page_links_to_its_documents_and_pack()
    {
        using var browser = await BrowserAsync(_focalPoint);
        var page = await browser.GetAsync($"/meetings/{_membersOnly.Id}");
        Assert.Contains($"/meetings/{_membersOnly.Id}/documents", page.Document.QuerySelectorAll("nav.document-links a").Select(a => a.GetAttribute("href")));
        Assert.Contains($"/api/v1/meetings/{_membersOnly.Id}/pack", page.Document.QuerySelectorAll("nav.document-links a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_documents_page_costs_the_same_few_queries_whatever_the_number_of_documents()
    {
        for (var i = 0; i < 30; i++)
        {
            await DocumentFiles.StoreAsync(_factory, _public.Id, $"Background paper {i:00}", DocumentAccess.Meeting, "en", "fr", "ar");
        }
        using var browser = await BrowserAsync(_secretariat);
        foreach (var address in new[] { $"/meetings/{_public.Id}/documents", $"/meetings/{_public.Id}/documents/{_openNote.Id}" })
        {
            _factory.Queries.Reset();
            var page = await browser.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(_factory.Queries.Count <= 10, $"{address} sent {_factory.Queries.Count} queries.");
        }
    }
}
