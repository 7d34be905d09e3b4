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
