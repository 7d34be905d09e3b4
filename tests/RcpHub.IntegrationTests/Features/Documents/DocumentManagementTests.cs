using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Documents;

/// <summary>After upload, the secretariat renames a document, narrows who may read it, sets a version's translation status
/// and deletes it, on the document's page and through the API; nobody else can, and a refused change leaves everything as it was.</summary>
public sealed class DocumentManagementTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private Meeting _meeting = null!;
    private Document _note = null!, _briefing = null!;
    private AppUser _secretariat = null!, _focalPoint = null!, _observer = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _observer = await TestSignIn.CreateUserAsync(_factory, "observer@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Observer));
        _meeting = await Arrange.MeetingAsync(_factory, _midsa, "Members-only meeting on return");
        _note = await DocumentFiles.StoreAsync(_factory, _meeting.Id, "Concept note on return", DocumentAccess.Meeting, "en", "fr");
        _briefing = await DocumentFiles.StoreAsync(_factory, _meeting.Id, "Secretariat briefing", DocumentAccess.Secretariat);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private string Page(Document d) => $"/meetings/{_meeting.Id}/documents/{d.Id}";

    private string Api(Document d) => $"/api/v1/processes/midsa/meetings/{_meeting.Id}/documents/{d.Id}";

    private string File(Document d) => $"/api/v1/meetings/{_meeting.Id}/documents/{d.Id}/versions/{d.Versions[0].Id}/file";

    private async Task<(string Title, DocumentAccess Access, int Versions, int Files)?> StoredAsync(Document d)
    {
        await using var scope = _factory.Scope();
        var found = await scope.Db.Documents.AsNoTracking().Where(x => x.Id == d.Id).Select(x => new { x.Title, x.Access }).SingleOrDefaultAsync();
        return found is null ? null : (found.Title, found.Access,
            await scope.Db.DocumentVersions.CountAsync(v => v.DocumentId == d.Id),
            await scope.Db.DocumentContents.CountAsync(c => c.Version!.DocumentId == d.Id));
    }

    private async Task<string[]> PackAsync(HttpClient api)
    {
        using var response = await api.GetAsync($"/api/v1/meetings/{_meeting.Id}/pack");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    [Fact]
    public async Task The_secretariat_renames_a_document_and_keeps_it_to_the_secretariat_so_a_focal_point_loses_it_everywhere()
    {
        using var focal = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        using var focalApi = await TestSignIn.HttpClientAsync(_factory, _focalPoint);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync(Page(_note))).Status);
        Assert.Contains(await PackAsync(focalApi), e => e.StartsWith($"documents/{_note.Id}-", StringComparison.Ordinal));

        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await browser.GetAsync(Page(_note));
        Assert.Equal("Concept note on return", page.Document.QuerySelector("form.document-change input[name='Change.Title']")!.GetAttribute("value"));
        var changed = await browser.SubmitAsync(page, "form.document-change",
            new Dictionary<string, string> { ["Change.Title"] = "  Revised concept note on return  ", ["Change.Access"] = "Secretariat" });
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Revised concept note on return", changed.Text("h1"));
        Assert.Equal("Secretariat and chair only", changed.Text("p.markers .access"));
        Assert.Equal(("Revised concept note on return", DocumentAccess.Secretariat, 2, 2), await StoredAsync(_note));

        var list = await focal.GetAsync($"/meetings/{_meeting.Id}/documents");
        Assert.Empty(list.Texts("table.documents th[scope=row] a"));
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync(Page(_note))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await focalApi.GetAsync($"/api/v1/meetings/{_meeting.Id}/documents/{_note.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focalApi.GetAsync(File(_note))).StatusCode);
        Assert.Empty((await focalApi.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{_meeting.Id}/documents")).EnumerateArray());
        Assert.Equal(["agenda.html"], await PackAsync(focalApi));

        // The change is in the process's audit log, with the title and access before and after.
        var audit = await browser.GetAsync("/processes/midsa/manage/audit?type=Document");
        var entry = audit.Document.QuerySelectorAll("tr.audit-entry").Single(e => e.QuerySelector(".what")!.TextContent.Contains(" changed ", StringComparison.Ordinal));
        Assert.Equal("Concept note on return", entry.QuerySelector("tr[data-field=Title] .before")!.TextContent.Trim());
        Assert.Equal("Revised concept note on return", entry.QuerySelector("tr[data-field=Title] .after")!.TextContent.Trim());
        Assert.Equal("Secretariat", entry.QuerySelector("tr[data-field=Access] .after")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_secretariat_sets_the_translation_status_of_one_version()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var french = _note.Versions.Single(v => v.Language == "fr");
        var page = await browser.GetAsync(Page(_note));
        var changed = await browser.SubmitAsync(page, $"#version-{french.Id} form.version-status", new Dictionary<string, string> { ["Status"] = "Final" });
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Final translation", changed.Text($"#version-{french.Id} td:nth-child(3)"));
        Assert.Equal("Original", changed.Text($"#version-{_note.Versions.Single(v => v.Language == "en").Id} td:nth-child(3)"));
        await using var scope = _factory.Scope();
        Assert.Equal(TranslationStatus.Final, (await scope.Db.DocumentVersions.SingleAsync(v => v.Id == french.Id)).Status);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DocumentVersion) && a.EntityId == french.Id.ToString() && a.Action == "Modified" && a.ProcessId == _midsa));
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_removes_the_document_its_versions_and_files_from_every_surface()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        var page = await browser.GetAsync(Page(_note));

        var unconfirmed = await browser.SubmitAsync(page, "form.document-delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.Status);
        Assert.Contains("Tick the box to confirm", unconfirmed.Text("[data-valmsg-for=Confirm]"), StringComparison.Ordinal);
        Assert.Equal(("Concept note on return", DocumentAccess.Meeting, 2, 2), await StoredAsync(_note));

        var list = await browser.SubmitAsync(page, "form.document-delete", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.EndsWith($"/meetings/{_meeting.Id}/documents", list.Url, StringComparison.Ordinal);
        Assert.Equal(["Secretariat briefing"], list.Texts("table.documents th[scope=row] a"));
        Assert.Null(await StoredAsync(_note));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Page(_note))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(File(_note))).StatusCode);
        Assert.DoesNotContain(await PackAsync(api), e => e.StartsWith($"documents/{_note.Id}-", StringComparison.Ordinal));
        Assert.Equal((_briefing.Title, DocumentAccess.Secretariat, 1, 1), await StoredAsync(_briefing));

        var audit = await browser.GetAsync("/processes/midsa/manage/audit?type=Document");
        var removed = audit.Document.QuerySelectorAll("tr.audit-entry").Single(e => e.QuerySelector(".what")!.TextContent.Contains(" removed ", StringComparison.Ordinal));
        Assert.Contains("removed the document “Concept note on return”", removed.QuerySelector(".what")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Concept note on return", removed.QuerySelector("tr[data-field=Title] .before")!.TextContent.Trim());
        await using var scope = _factory.Scope();
        var deleted = await scope.Db.AuditEntries.Where(a => a.Action == "Deleted").Select(a => new { a.EntityType, a.ProcessId }).ToListAsync();
        Assert.Equal(5, deleted.Count); // the document, its two versions and their two files
        Assert.All(deleted, a => Assert.Equal(_midsa, a.ProcessId));
    }

    [Theory]
    [InlineData("   ", "Give the document a title.")]
    [InlineData("long", "A title has at most 300 characters.")]
    public async Task A_missing_or_too_long_title_is_reported_on_its_field_and_in_the_api_and_nothing_changes(string title, string message)
    {
        title = title == "long" ? new string('x', 301) : title;
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await browser.SubmitAsync(await browser.GetAsync(Page(_note)), "form.document-change",
            new Dictionary<string, string> { ["Change.Title"] = title, ["Change.Access"] = "Members" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(message, page.Text("[data-valmsg-for='Change.Title']"));
        Assert.Equal("Please correct the fields marked below. Nothing has been saved.", page.Text("p.notice.error"));

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var response = await api.PatchAsJsonAsync(Api(_note), new { title, access = "Members" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(("Concept note on return", DocumentAccess.Meeting, 2, 2), await StoredAsync(_note));
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("Everyone")]
    [InlineData("7")]
    public async Task No_access_wider_than_the_meeting_can_be_asked_for(string access)
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var response = await api.PatchAsJsonAsync(Api(_briefing), new { access });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Choose one of the values offered.", problem.GetProperty("errors").GetProperty("access")[0].GetString());
        using var numeric = await api.PatchAsync(Api(_briefing), new StringContent("{\"access\": 0}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);

        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await browser.SubmitAsync(await browser.GetAsync(Page(_briefing)), "form.document-change", new Dictionary<string, string> { ["Change.Access"] = access });
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Choose one of the values offered.", page.Text("[data-valmsg-for='Change.Access']"));
        Assert.Equal(("Secretariat briefing", DocumentAccess.Secretariat, 1, 1), await StoredAsync(_briefing));
    }

    [Fact]
    public async Task The_api_renames_narrows_sets_a_status_and_deletes()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var patched = await api.PatchAsJsonAsync(Api(_note), new { title = "Concept note (rev. 1)", access = "members" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var view = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Concept note (rev. 1)", "Members"), (view.GetProperty("title").GetString(), view.GetProperty("access").GetString()));

        // A field left out stays as it is.
        using var retitled = await api.PatchAsJsonAsync(Api(_note), new { title = "Concept note (rev. 2)" });
        Assert.Equal(HttpStatusCode.OK, retitled.StatusCode);
        Assert.Equal(("Concept note (rev. 2)", DocumentAccess.Members, 2, 2), await StoredAsync(_note));

        var english = _note.Versions.Single(v => v.Language == "en");
        using var status = await api.PatchAsJsonAsync($"{Api(_note)}/versions/{english.Id}", new { status = "Draft" });
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var versions = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions").EnumerateArray();
        Assert.Equal("Draft", versions.Single(v => v.GetProperty("id").GetInt32() == english.Id).GetProperty("status").GetString());
        using var badStatus = await api.PatchAsJsonAsync($"{Api(_note)}/versions/{english.Id}", new { status = "Approved" });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        using var otherVersion = await api.PatchAsJsonAsync($"{Api(_note)}/versions/{_briefing.Versions[0].Id}", new { status = "Final" });
        Assert.Equal(HttpStatusCode.NotFound, otherVersion.StatusCode);

        using var deleted = await api.DeleteAsync(Api(_note));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await StoredAsync(_note));
        using var again = await api.DeleteAsync(Api(_note));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        using var fetched = await api.GetAsync($"/api/v1/meetings/{_meeting.Id}/documents/{_note.Id}");
        Assert.Equal(HttpStatusCode.NotFound, fetched.StatusCode);
    }

    [Fact]
    public async Task Nobody_but_the_secretariat_changes_or_deletes_and_the_others_are_refused_alike()
    {
        // The focal point sees the concept note but not the briefing; the observer does not see this members-only
        // meeting at all. Changing a document is the secretariat's operation: everyone else is refused the same way,
        // whether they may see the document or not, so the refusal confirms nothing.
        var cases = new (AppUser User, Document Document, HttpStatusCode Expected)[]
        {
            (_focalPoint, _note, HttpStatusCode.Forbidden),
            (_focalPoint, _briefing, HttpStatusCode.Forbidden),
            (_observer, _note, HttpStatusCode.Forbidden),
        };
        foreach (var (user, document, expected) in cases)
        {
            using var browser = await TestSignIn.HtmlClientAsync(_factory, user);
            var page = await browser.GetAsync("/");
            // The token of the sign-out form is valid for any form of this user: post the changes with it.
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var (handler, fields) in new[]
            {
                ("Change", new Dictionary<string, string> { ["Change.Title"] = "Taken over", ["Change.Access"] = "Meeting" }),
                ("Status", new Dictionary<string, string> { ["Status"] = "Final" }),
                ("Delete", new Dictionary<string, string> { ["Confirm"] = "true" }),
            })
            {
                fields["__RequestVerificationToken"] = token;
                using var content = new FormUrlEncodedContent(fields);
                using var response = await browser.Http.PostAsync($"{Page(document)}?handler={handler}&versionId={document.Versions[0].Id}", content);
                Assert.True(expected == response.StatusCode, $"{user.Email} {handler} on {document.Title}: {response.StatusCode}");
            }

            using var api = await TestSignIn.HttpClientAsync(_factory, user);
            foreach (var request in new[]
            {
                new HttpRequestMessage(HttpMethod.Patch, Api(document)) { Content = JsonContent.Create(new { title = "Taken over" }) },
                new HttpRequestMessage(HttpMethod.Patch, $"{Api(document)}/versions/{document.Versions[0].Id}") { Content = JsonContent.Create(new { status = "Final" }) },
                new HttpRequestMessage(HttpMethod.Delete, Api(document)),
            })
            {
                using (request)
                {
                    using var response = await api.SendAsync(request);
                    Assert.True(expected == response.StatusCode, $"{user.Email} {request.Method} {request.RequestUri}: {response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        using var anonymous = HtmlClient.For(_factory);
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Confirm"] = "true" }))
        {
            using var response = await anonymous.Http.PostAsync($"{Page(_note)}?handler=Delete", form);
            Assert.False(response.IsSuccessStatusCode);
        }
        using var anonymousApi = _factory.CreateClient();
        using (var response = await anonymousApi.DeleteAsync(Api(_note)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(("Concept note on return", DocumentAccess.Meeting, 2, 2), await StoredAsync(_note));
        Assert.Equal(("Secretariat briefing", DocumentAccess.Secretariat, 1, 1), await StoredAsync(_briefing));
        await using var scope = _factory.Scope();
        Assert.Equal(TranslationStatus.Original, (await scope.Db.DocumentVersions.SingleAsync(v => v.Id == _note.Versions[0].Id)).Status);
    }

    [Fact]
    public async Task The_meeting_management_pages_link_to_the_documents_and_their_upload()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var agenda = await browser.GetAsync($"/processes/midsa/meetings/{_meeting.Id}/agenda");
        var tabs = agenda.Document.QuerySelectorAll("nav.tabs a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/meetings/{_meeting.Id}/documents", tabs);
        Assert.Contains($"/processes/midsa/meetings/{_meeting.Id}/documents/upload", tabs);
        var upload = await browser.GetAsync($"/processes/midsa/meetings/{_meeting.Id}/documents/upload");
        Assert.Equal("page", upload.Document.QuerySelector($"nav.tabs a[href='/processes/midsa/meetings/{_meeting.Id}/documents/upload']")!.GetAttribute("aria-current"));
        var meeting = await browser.GetAsync($"/meetings/{_meeting.Id}");
        Assert.Contains($"/processes/midsa/meetings/{_meeting.Id}/documents/upload", meeting.Document.QuerySelectorAll("nav.document-links a").Select(a => a.GetAttribute("href")));

        using var focal = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        var forFocal = await focal.GetAsync($"/meetings/{_meeting.Id}");
        Assert.DoesNotContain(forFocal.Document.QuerySelectorAll("nav.document-links a"), a => a.GetAttribute("href")!.EndsWith("/upload", StringComparison.Ordinal));
        Assert.Null((await focal.GetAsync(Page(_note))).Document.QuerySelector("form.document-delete"));
    }
}
