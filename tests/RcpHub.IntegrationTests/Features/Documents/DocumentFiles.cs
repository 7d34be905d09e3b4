using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Run = DocumentFormat.OpenXml.Wordprocessing.Run;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Documents;

/// <summary>Real files of each kind, and documents stored directly as an earlier upload would have left them.</summary>
public static class DocumentFiles
{
    public static byte[] Pdf(string text) => DemoDocument.Pdf(text);

    public static byte[] Docx(string text)
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return output.ToArray();
    }

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return output.ToArray();
    }

    public static byte[] Odt(string text) => Zip(("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", $"<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:h>Heading</text:h><text:p>{text}</text:p></office:text></office:body></office:document-content>"));

    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>An Office Open XML package: its content types (part name to type), its main part and the parts themselves.</summary>
    public static byte[] Ooxml(string mainPart, IReadOnlyDictionary<string, string> contentTypes, params (string Name, string Content)[] parts) =>
        Zip([("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + string.Concat(contentTypes.Select(c => $"<Override PartName=\"{c.Key}\" ContentType=\"{c.Value}\"/>")) + "</Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{mainPart.TrimStart('/')}\"/></Relationships>"),
            .. parts]);

    /// <summary>A file of each kind whose one XML part unpacks to <paramref name="megabytes"/> MB of a single letter: a few
    /// hundred KB on the wire, as in the attack (a 421 KB .docx holding 148 MB).</summary>
    public static byte[] Bomb(string extension, int megabytes = 100)
    {
        var (open, close) = extension switch
        {
            ".docx" => ("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>", "</w:t></w:r></w:p></w:body></w:document>"),
            ".xlsx" => ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row><c t=\"inlineStr\"><is><t>", "</t></is></c></row></sheetData></worksheet>"),
            ".pptx" => ("<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:p><a:r><a:t>", "</a:t></a:r></a:p></p:sld>"),
            _ => ("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>", "</text:p></office:text></office:body></office:document-content>"),
        };
        var (huge, packaging) = extension switch
        {
            ".docx" => ("word/document.xml", OoxmlPackaging("/word/document.xml", DocumentTypes[".docx"])),
            ".xlsx" => ("xl/worksheets/sheet1.xml", OoxmlPackaging("/xl/workbook.xml", DocumentTypes[".xlsx"],
                ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"))),
            ".pptx" => ("ppt/slides/slide1.xml", OoxmlPackaging("/ppt/presentation.xml", DocumentTypes[".pptx"],
                ("ppt/presentation.xml", "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"))),
            _ => ("content.xml", new[] { ("mimetype", DocumentTypes[extension]) }),
        };
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in packaging)
            {
                using var small = zip.CreateEntry(name).Open();
                small.Write(Encoding.UTF8.GetBytes(content));
            }
            using var stream = zip.CreateEntry(huge, CompressionLevel.SmallestSize).Open();
            stream.Write(Encoding.UTF8.GetBytes(open));
            var letters = new byte[1024 * 1024];
            Array.Fill(letters, (byte)'a');
            for (var i = 0; i < megabytes; i++)
            {
                stream.Write(letters);
            }
            stream.Write(Encoding.UTF8.GetBytes(close));
        }
        return output.ToArray();
    }

    public static readonly IReadOnlyDictionary<string, string> DocumentTypes = new Dictionary<string, string>
    {
        [".docx"] = WordMain,
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    // The small parts of a package around its main part, read from the package built by Ooxml.
    private static (string Name, string Content)[] OoxmlPackaging(string mainPart, string mainType, params (string Name, string Content)[] parts)
    {
        using var zip = new ZipArchive(new MemoryStream(Ooxml(mainPart, new Dictionary<string, string> { [mainPart] = mainType }, parts)), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, reader.ReadToEnd());
        })];
    }

    /// <summary>A valid Word file with <paramref name="extra"/> more tiny parts: a ZIP directory to exhaust.</summary>
    public static byte[] ManyParts(int extra) => Ooxml("/word/document.xml", new Dictionary<string, string> { ["/word/document.xml"] = WordMain },
        [("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"),
            .. Enumerable.Range(0, extra).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), ""))]);

    /// <summary>A document with one PDF version per given language, stored directly.</summary>
    public static async Task<Document> StoreAsync(RcpHubFactory factory, int meetingId, string title, DocumentAccess access = DocumentAccess.Meeting, params string[] languages)
    {
        await using var scope = factory.Scope();
        var meeting = await scope.Db.Meetings.SingleAsync(m => m.Id == meetingId);
        var document = new Document { Meeting = meeting, Title = title, Access = access, CreatedAt = DateTimeOffset.UtcNow };
        foreach (var language in languages.Length == 0 ? ["en"] : languages)
        {
            var bytes = Pdf($"{title} ({language})");
            document.Versions.Add(new DocumentVersion
            {
                Language = language, Status = TranslationStatus.Original, Number = 1, FileName = $"{language}.pdf", ContentType = "application/pdf",
                Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = DateTimeOffset.UtcNow,
                Content = new DocumentContent { Bytes = bytes },
            });
        }
        scope.Db.Documents.Add(document);
        await scope.Db.SaveChangesAsync();
        return document;
    }
}
