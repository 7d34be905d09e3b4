using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Documents;

/// <summary>Uploads built to hurt: bodies the server cannot parse, bodies too large sent in chunks, compression bombs of
/// every kind the server reads, macros dressed as documents, names that hide what they are. Each is a clear 4xx on the form
/// and the API, quickly, and nothing is stored.</summary>
public sealed partial class DocumentUploadTests
{
    private string ApiUpload => $"/api/v1/processes/midsa/meetings/{_meeting.Id}/documents";

    /// <summary>Posts <paramref name="file"/> through the form and the API, and checks both refuse it with <paramref name="message"/>.</summary>
    private async Task BothRefuseAsync(string name, byte[] file, string message)
    {
        var before = await StoredAsync();
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        var clock = Stopwatch.StartNew();
        var page = await browser.SubmitAsync(form, "form.upload-form", new Dictionary<string, string> { ["Input.Title"] = "Hostile" }, files: File(name, file));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The form took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text("[data-valmsg-for=Upload]"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var body = new MultipartFormDataContent { { new StringContent("Hostile"), "title" }, { new ByteArrayContent(file), "file", name } };
        clock.Restart();
        using var response = await api.PostAsync(ApiUpload, body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The API took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    private const string Overloaded = "The file unpacks to far more than its size, or has too many parts";

    public static TheoryData<string> ReadKinds() => [".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"];

    [Theory]
    [MemberData(nameof(ReadKinds))]
    public async Task A_compression_bomb_of_each_kind_read_is_refused_at_once(string extension)
    {
        var bomb = Bombs.GetOrAdd(extension, e => DocumentFiles.Bomb(e));
        Assert.True(bomb.Length < MaxBytes, $"{bomb.Length} bytes");
        await BothRefuseAsync("bomb" + extension, bomb, Overloaded);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Bombs = new();

    [Fact]
    public async Task A_document_of_too_many_parts_is_refused()
    {
        await BothRefuseAsync("parts.docx", DocumentFiles.ManyParts(1500), Overloaded);
    }

    private const string Macros = "Files with macros are not accepted";

    public static TheoryData<string> MacroContentTypes() =>
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
        "application/vnd.ms-excel.addin.macroEnabled.main+xml",
        "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
        "application/vnd.ms-excel.macrosheet+xml",
        "application/vnd.ms-excel.intlmacrosheet+xml",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.addin.macroEnabled.main+xml",
        "application/vnd.ms-office.vbaProject",
        "application/vnd.ms-word.vbaData+xml",
    ];

    private const string WordBody = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";

    [Theory]
    [MemberData(nameof(MacroContentTypes))]
    public async Task A_macro_content_type_as_the_main_part_is_refused_even_when_the_word_type_is_mentioned(string macroType)
    {
        // The Word type is declared for a part that is not the main one: mentioning it is not being a Word document.
        var file = DocumentFiles.Ooxml("/word/document.xml",
            new Dictionary<string, string> { ["/word/document.xml"] = macroType, ["/word/decoy.xml"] = DocumentFiles.WordMain },
            ("word/document.xml", WordBody), ("word/decoy.xml", WordBody));
        await BothRefuseAsync("minutes.docx", file, Macros);
    }

    [Theory]
    [MemberData(nameof(MacroContentTypes))]
    public async Task A_word_document_carrying_a_macro_part_is_refused(string macroType)
    {
        var file = DocumentFiles.Ooxml("/word/document.xml",
            new Dictionary<string, string> { ["/word/document.xml"] = DocumentFiles.WordMain, ["/word/extra.bin"] = macroType },
            ("word/document.xml", WordBody), ("word/extra.bin", "Attribute VB_Name"));
        await BothRefuseAsync("minutes.docx", file, Macros);
    }

    [Theory]
    [InlineData("minutes.docx")]
    [InlineData("minutes.docm")]
    public async Task A_vba_project_is_refused_whatever_the_name(string name)
    {
        var file = DocumentFiles.Ooxml("/word/document.xml", new Dictionary<string, string> { ["/word/document.xml"] = DocumentFiles.WordMain },
            ("word/document.xml", WordBody), ("word/vbaProject.bin", "Attribute VB_Name"));
        await BothRefuseAsync(name, file, Macros);
    }

    public static TheoryData<string> HiddenCharacters() =>
    [
        .. Enumerable.Range(0x202A, 5).Concat(Enumerable.Range(0x2066, 4)).Concat(Enumerable.Range(0x200B, 5)).Append(0xFEFF)
            .Select(c => ((char)c).ToString()),
        "\U000E0041", // a tag character
        "\u0001", "\u007F", "\u0085", "\t",
    ];

    /// <summary>Cleaned, not refused: the name is stored and offered for download without the character (a control
    /// character or tab becomes a space).</summary>
    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public async Task A_hidden_or_control_character_is_cleaned_from_the_name_before_it_is_stored(string character)
    {
        var name = $"note{character}s.pdf";
        var expected = char.IsControl(character[0]) ? "note s.pdf" : "notes.pdf";
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        var page = await browser.SubmitAsync(form, "form.upload-form", new Dictionary<string, string> { ["Input.Title"] = "By form" },
            files: File(name, DocumentFiles.Pdf("note")));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("By form", page.Text("h1"));

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var body = new MultipartFormDataContent { { new StringContent("By API"), "title" }, { new ByteArrayContent(DocumentFiles.Pdf("note")), "file", name } };
        using var response = await api.PostAsync(ApiUpload, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0].GetProperty("fileName").GetString());

        await using var scope = _factory.Scope();
        Assert.Equal([expected, expected], await scope.Db.DocumentVersions.Select(v => v.FileName).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public async Task A_name_stored_before_with_a_hidden_character_is_downloaded_without_it(string character)
    {
        var document = await DocumentFiles.StoreAsync(_factory, _meeting.Id, "Stored earlier");
        await using (var scope = _factory.Scope())
        {
            await scope.Db.DocumentVersions.Where(v => v.DocumentId == document.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.FileName, $"report{character}fdp.exe.pdf"));
        }
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        var version = document.Versions.Single().Id;
        using var download = await api.GetAsync($"/api/v1/meetings/{_meeting.Id}/documents/{document.Id}/versions/{version}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(char.IsControl(character[0]) ? "report_fdp.exe.pdf" : "reportfdp.exe.pdf", disposition.FileNameStar ?? disposition.FileName);
    }

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "the closing boundary is missing", "--XyZ\r\nContent-Disposition: form-data; name=\"{file}\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 and the body stops" },
        { "a quote in the file name", "--XyZ\r\nContent-Disposition: form-data; name=\"{file}\"; filename=\"a\"b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n" },
        { "a line break in the file name", "--XyZ\r\nContent-Disposition: form-data; name=\"{file}\"; filename=\"a\r\nb.pdf\"\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n" },
        { "a header line without a colon", "--XyZ\r\nContent-Disposition: form-data; name=\"{file}\"; filename=\"a.pdf\"\r\nnot a header\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n" },
        { "a header line of 20 KB", "--XyZ\r\nContent-Disposition: form-data; name=\"{file}\"; filename=\"" + new string('a', 20_000) + ".pdf\"\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n" },
        { "no boundary", "" },
    };

    private static ByteArrayContent Raw(string body, string fileField, string? token)
    {
        var prefix = token is null ? "" : $"--XyZ\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"Input.Title\"\r\n\r\nBroken\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(prefix + body.Replace("{file}", fileField, StringComparison.Ordinal)));
        content.Headers.TryAddWithoutValidation("Content-Type", body.Length == 0 ? "multipart/form-data" : "multipart/form-data; boundary=XyZ");
        return content;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_multipart_body_is_a_400_and_nothing_is_stored(string what, string body)
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var response = await api.PostAsync(ApiUpload, Raw(body, "file", null));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _), what);

        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        var token = form.Document.QuerySelector("form.upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value");
        using var posted = await browser.Http.PostAsync(Upload, Raw(body, "Upload", token));
        var page = await HtmlClient.Page.ReadAsync(posted);
        // Either the 400 page, or the form again with a message on the file: never a 500.
        Assert.True(page.Status == HttpStatusCode.BadRequest || (page.Status == HttpStatusCode.OK && page.Text("[data-valmsg-for=Upload]").Length > 0),
            $"{what}: {(int)page.Status}");
        Assert.Equal(0, await StoredAsync());
    }

    /// <summary>A body with no length announced, sent as it is read.</summary>
    private sealed class Chunked(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task An_oversized_upload_sent_in_chunks_is_a_413_on_the_api_and_a_message_on_the_form()
    {
        byte[] huge = [.. DocumentFiles.Pdf("Huge"), .. new byte[MaxBytes + 2 * 1024 * 1024]];
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var body = new Chunked(new MultipartFormDataContent { { new StringContent("Huge"), "title" }, { new ByteArrayContent(huge), "file", "huge.pdf" } });
        using var response = await api.PostAsync(ApiUpload, body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("The file is larger than 0.2 MB", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await browser.GetAsync(Upload);
        var token = form.Document.QuerySelector("form.upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Huge"), "Input.Title" }, { new ByteArrayContent(huge), "Upload", "huge.pdf" },
        };
        using var posted = await browser.Http.PostAsync(Upload, new Chunked(multipart));
        var page = await HtmlClient.Page.ReadAsync(posted);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The file is larger than 0.2 MB", page.Text("[data-valmsg-for=Upload]"), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task The_refusals_are_in_the_readers_language()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat, "fr");
        var form = await browser.GetAsync(Upload);
        var page = await browser.SubmitAsync(form, "form.upload-form", new Dictionary<string, string> { ["Input.Title"] = "Bombe" },
            files: File("bomb.odt", Bombs.GetOrAdd(".odt", e => DocumentFiles.Bomb(e))));
        Assert.DoesNotContain(Overloaded, page.Text("[data-valmsg-for=Upload]"), StringComparison.Ordinal);
        Assert.NotEmpty(page.Text("[data-valmsg-for=Upload]"));
    }
}
