using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Drawing = DocumentFormat.OpenXml.Drawing;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace RcpHub.Features.Documents;

/// <summary>Reads the plain text of an uploaded document for search. Reading text is a convenience: whatever goes
/// wrong (a damaged file, no pdftotext on the machine, a PDF that takes too long) leaves the version without text and
/// is logged, and the upload still succeeds.</summary>
public static class TextExtractor
{
    /// <summary>Enough for search; a longer text is cut.</summary>
    public const int MaxChars = 1_000_000;

    private static readonly TimeSpan PdfTimeLimit = TimeSpan.FromSeconds(20);

    public static async Task<string?> ExtractAsync(FileKind kind, byte[] content, ILogger logger, CancellationToken ct)
    {
        try
        {
            var text = kind == FileSniffer.Pdf ? await FromPdfAsync(content, logger, ct)
                : kind == FileSniffer.Docx ? FromWord(content)
                : kind == FileSniffer.Xlsx ? FromSpreadsheet(content)
                : kind == FileSniffer.Pptx ? FromPresentation(content)
                : kind == FileSniffer.Odt || kind == FileSniffer.Ods || kind == FileSniffer.Odp ? FromOpenDocument(content)
                : null;
            text = text?.Trim();
            return string.IsNullOrEmpty(text) ? null : text.Length > MaxChars ? text[..MaxChars] : text;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or OpenXmlPackageException or InvalidOperationException or FormatException)
        {
            logger.LogWarning(e, "No text could be read from a {Kind} file", kind.Name);
            return null;
        }
    }

    /// <summary>Debian's pdftotext (poppler-utils), in its own process, on a copy in a folder of its own, within a time limit.</summary>
    private static async Task<string?> FromPdfAsync(byte[] content, ILogger logger, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("rcphub-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.pdf");
            var output = Path.Combine(folder.FullName, "output.txt");
            await File.WriteAllBytesAsync(input, content, ct);
            var start = new ProcessStartInfo("pdftotext") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-q", "-enc", "UTF-8", input, output })
            {
                start.ArgumentList.Add(argument);
            }
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception e)
            {
                logger.LogWarning(e, "pdftotext is not installed (Debian package poppler-utils): PDF text is not extracted");
                return null;
            }
            using (process)
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(PdfTimeLimit);
                try
                {
                    await process.WaitForExitAsync(limit.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    process.Kill(entireProcessTree: true);
                    logger.LogWarning("pdftotext took longer than {Limit}: PDF text is not extracted", PdfTimeLimit);
                    return null;
                }
                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    logger.LogWarning("pdftotext failed with exit code {Code}", process.ExitCode);
                    return null;
                }
            }
            return await File.ReadAllTextAsync(output, Encoding.UTF8, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string FromWord(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
        var body = document.MainDocumentPart?.Document?.Body;
        return body is null ? "" : string.Join('\n', body.Descendants<Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static string FromSpreadsheet(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        var workbook = document.WorkbookPart;
        if (workbook is null)
        {
            return "";
        }
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var text = new StringBuilder();
        foreach (var sheet in workbook.WorksheetParts)
        {
            foreach (var row in sheet.Worksheet.Descendants<Spreadsheet.Row>())
            {
                var cells = row.Elements<Spreadsheet.Cell>().Select(c =>
                    c.DataType?.Value == Spreadsheet.CellValues.SharedString && int.TryParse(c.CellValue?.Text, out var i) && i >= 0 && i < shared.Count ? shared[i]
                    : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
                text.AppendLine(string.Join('\t', cells));
            }
        }
        return text.ToString();
    }

    private static string FromPresentation(byte[] content)
    {
        using var document = PresentationDocument.Open(new MemoryStream(content, writable: false), false);
        var slides = document.PresentationPart?.SlideParts ?? [];
        return string.Join('\n', slides.SelectMany(s => s.Slide.Descendants<Drawing.Paragraph>()).Select(p => string.Concat(p.Descendants<Drawing.Text>().Select(t => t.Text))));
    }

    /// <summary>OpenDocument keeps its text in content.xml: its paragraphs and headings, one a line.</summary>
    private static string FromOpenDocument(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.GetEntry("content.xml") is not { } entry)
        {
            return "";
        }
        using var stream = entry.Open();
        // No DTD, and a bounded document: a crafted content.xml can neither reach out nor expand without end.
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, MaxCharactersInDocument = 50_000_000 });
        XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        var xml = XDocument.Load(reader);
        return string.Join('\n', xml.Descendants().Where(e => e.Name == text + "p" || e.Name == text + "h").Select(e => e.Value));
    }
}
