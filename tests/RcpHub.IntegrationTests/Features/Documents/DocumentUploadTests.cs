using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Documents;

/// <summary>The secretariat uploads documents, versions and translations by form and API; every refused file is
/// reported clearly and leaves nothing stored.</summary>
public sealed partial class DocumentUploadTests : IAsyncLifetime
{
    private const int MaxBytes = 200_000;
    private RcpHubFactory _factory = null!;
    private Meeting _meeting = null!;
    private AppUser _secretariat = null!, _focalPoint = null!;
    private string Upload => $"/processes/midsa/meetings/{_meeting.Id}/documents/upload";

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync(f => f.Settings["Documents:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        _meeting = await Arrange.MeetingAsync(_factory, midsa, "Expert meeting on labour mobility", configure: m =>
        {
            m.AgendaItems.Add(new AgendaItem { Title = "Skills recognition", Position = 1 });
            m.Sessions.Add(new Session { Title = "Opening session", Position = 1 });
        });
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<int> StoredAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.DocumentVersions.CountAsync() + await scope.Db.Documents.CountAsync() + await scope.Db.DocumentContents.CountAsync();
    }

    private static Dictionary<string, (string, byte[])> File(string name, byte[] content) => new() { ["Upload"] = (name, content) };

    [Fact]
    public async Task The_secretariat_uploads_a_document_then_a_new_version_and_a_translation_side_by_side()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var pdf = DocumentFiles.Pdf("Concept note on skills recognition");
        var details = await browser.SubmitAsync(form, "form.upload-form",
            new Dictionary<string, string> { ["Input.Title"] = "Concept note", ["Input.Language"] = "en", ["Input.Status"] = "Original", ["Input.Access"] = "Members" },
            files: File("concept-note.pdf", pdf));
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Equal("Concept note", details.Text("h1"));
        Assert.Equal("Members only", details.Text("p.markers .access"));

        int documentId, firstVersion;
        await using (var scope = _factory.Scope())
        {
            var version = await scope.Db.DocumentVersions.Include(v => v.Document).Include(v => v.Content).SingleAsync();
            (documentId, firstVersion) = (version.DocumentId, version.Id);
            Assert.Equal(("application/pdf", pdf.Length, 1, "en"), (version.ContentType, (int)version.Size, version.Number, version.Language));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), version.Sha256);
            Assert.Equal(pdf, version.Content!.Bytes);
            Assert.Equal(DocumentAccess.Members, version.Document!.Access);
            Assert.Contains("Concept note on skills recognition", version.ExtractedText, StringComparison.Ordinal);
        }

        var again = await browser.GetAsync($"{Upload}/{documentId}");
        await browser.SubmitAsync(again, "form.upload-form", new Dictionary<string, string> { ["Input.Language"] = "en", ["Input.Status"] = "Original" },
            files: File("concept-note-rev.pdf", DocumentFiles.Pdf("Revised concept note")));
        again = await browser.GetAsync($"{Upload}/{documentId}");
        var page = await browser.SubmitAsync(again, "form.upload-form", new Dictionary<string, string> { ["Input.Language"] = "fr", ["Input.Status"] = "Draft" },
            files: File("note-conceptuelle.docx", DocumentFiles.Docx("Note conceptuelle sur la reconnaissance des compétences")));

        Assert.Equal(["Original", "Draft translation"], page.Texts("table.language-versions tbody tr:first-child td"));
        var latest = page.Texts("table.language-versions tbody tr:nth-child(2) td a");
        Assert.Equal(2, latest.Count);
        Assert.StartsWith("Version 2 ", latest[0], StringComparison.Ordinal);
        Assert.StartsWith("Version 1 ", latest[1], StringComparison.Ordinal);
        Assert.Equal(3, page.Document.QuerySelectorAll("table.versions tbody tr").Length);

        // The first version stays downloadable, as an attachment under a safe name, never sniffed by the browser.
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var download = await api.GetAsync($"/api/v1/meetings/{_meeting.Id}/documents/{documentId}/versions/{firstVersion}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("concept-note.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", string.Join("", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        await using (var scope = _factory.Scope())
        {
            var french = await scope.Db.DocumentVersions.SingleAsync(v => v.Language == "fr");
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", french.ContentType);
            Assert.Contains("reconnaissance des compétences", french.ExtractedText, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string> RefusedFiles() => new()
    {
        { "script.pdf", "text", "This type of file is not accepted" },
        { "concept-note.docx", "pdf", "The file is a PDF file but its name ends otherwise" },
        { "../x.pdf", "pdf", "The file name contains a folder or drive" },
        { "a/b.pdf", "pdf", "The file name contains a folder or drive" },
        { "C:\\x.pdf", "pdf", "The file name contains a folder or drive" },
        { "papers.zip", "zip", "Archives (ZIP, 7z, RAR, TAR, GZ) are not accepted" },
        { "papers.docx", "zip", "Archives (ZIP, 7z, RAR, TAR, GZ) are not accepted" },
        { "papers.pdf", "gzip", "Archives (ZIP, 7z, RAR, TAR, GZ) are not accepted" },
        { "large.pdf", "large", "The file is larger than 0.2 MB" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "text" => Encoding.UTF8.GetBytes("#!/bin/sh\necho not a pdf\n"),
        "pdf" => DocumentFiles.Pdf("A note"),
        "zip" => DocumentFiles.Zip(("a.pdf", "%PDF-1.4")),
        "gzip" => [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3],
        _ => [.. DocumentFiles.Pdf("Large"), .. new byte[MaxBytes]],
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_is_reported_on_the_form_and_nothing_is_stored(string name, string kind, string message)
    {
        var before = await StoredAsync();
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        var page = await browser.SubmitAsync(form, "form.upload-form", new Dictionary<string, string> { ["Input.Title"] = "Refused" }, files: File(name, Content(kind)));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text("[data-valmsg-for=Upload]"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var body = new MultipartFormDataContent { { new StringContent("Refused"), "title" }, { new ByteArrayContent(Content(kind)), "file", name } };
        using var response = await api.PostAsync($"/api/v1/processes/midsa/meetings/{_meeting.Id}/documents", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_body_far_above_the_limit_brings_the_form_back_with_a_message_not_an_error_page()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        var page = await browser.SubmitAsync(form, "form.upload-form", new Dictionary<string, string> { ["Input.Title"] = "Huge" },
            files: File("huge.pdf", [.. DocumentFiles.Pdf("Huge"), .. new byte[MaxBytes + 2 * 1024 * 1024]]));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The file is larger than 0.2 MB", page.Text("[data-valmsg-for=Upload]"), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task The_api_stores_an_opendocument_file_with_its_text_and_answers_its_metadata()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var body = new MultipartFormDataContent
        {
            { new StringContent("Background paper"), "title" },
            { new StringContent("es"), "language" },
            { new StringContent("Final"), "status" },
            { new ByteArrayContent(DocumentFiles.Odt("Movilidad laboral en la región")), "file", "background.odt" },
        };
        using var response = await api.PostAsync($"/api/v1/processes/midsa/meetings/{_meeting.Id}/documents", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var version = created.GetProperty("versions")[0];
        Assert.Equal(("es", "Final", "application/vnd.oasis.opendocument.text", true),
            (version.GetProperty("language").GetString(), version.GetProperty("status").GetString(), version.GetProperty("contentType").GetString(), version.GetProperty("hasText").GetBoolean()));

        var fetched = await api.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString());
        Assert.Equal("Background paper", fetched.GetProperty("title").GetString());
        await using var scope = _factory.Scope();
        Assert.Contains("Movilidad laboral", (await scope.Db.DocumentVersions.SingleAsync()).ExtractedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_uploads_of_one_language_at_the_same_moment_become_consecutive_versions()
    {
        var document = await DocumentFiles.StoreAsync(_factory, _meeting.Id, "Concept note");
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var first = new MultipartFormDataContent { { new StringContent("en"), "language" }, { new ByteArrayContent(DocumentFiles.Pdf("second")), "file", "second.pdf" } };
        using var second = new MultipartFormDataContent { { new StringContent("en"), "language" }, { new ByteArrayContent(DocumentFiles.Pdf("third")), "file", "third.pdf" } };
        var address = $"/api/v1/processes/midsa/meetings/{_meeting.Id}/documents/{document.Id}/versions";
        var uploads = await Task.WhenAll(api.PostAsync(address, first), api.PostAsync(address, second));
        Assert.All(uploads, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var r in uploads)
        {
            r.Dispose();
        }

        await using var scope = _factory.Scope();
        var versions = await scope.Db.DocumentVersions.Where(v => v.DocumentId == document.Id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.FileName, Stored = v.Content!.Bytes.Length == v.Size }).ToListAsync();
        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal(["en.pdf", "second.pdf", "third.pdf"], versions.Select(v => v.FileName).Order());
        Assert.All(versions, v => Assert.True(v.Stored));
    }

    [Fact]
    public async Task Only_the_secretariat_uploads()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(Upload)).Status);
        using var api = await TestSignIn.HttpClientAsync(_factory, _focalPoint);
        using var body = new MultipartFormDataContent { { new StringContent("Mine"), "title" }, { new ByteArrayContent(DocumentFiles.Pdf("x")), "file", "x.pdf" } };
        using var response = await api.PostAsync($"/api/v1/processes/midsa/meetings/{_meeting.Id}/documents", body);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await StoredAsync());
    }
}
