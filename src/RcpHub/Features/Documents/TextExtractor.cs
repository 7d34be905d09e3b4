using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace RcpHub.Features.Documents;

/// <summary>The text read from a file for search (null when it has none or it could not be read), or that reading it went
/// past <see cref="ReadingLimits"/>.</summary>
public sealed record ReadText(string? Text, bool OverLimits);

/// <summary>Reads the plain text of an uploaded document for search, within <see cref="ReadingLimits"/>: bytes unpacked,
/// time, and memory (every part is streamed, never loaded whole, and reading stops at <see cref="MaxChars"/>). A file that
/// goes past the limits is refused, as the file check refuses a ZIP bomb: it is damaged or built to overload the server.
/// A file whose text merely cannot be read (damaged, no pdftotext on the machine) is stored without text, and logged.</summary>
public static class TextExtractor
{
    /// <summary>Enough for search; a longer text is cut.</summary>
    public const int MaxChars = 1_000_000;

    /// <summary>pdftotext's address space: a hostile PDF makes it fail, not the machine swap.</summary>
    private const long PdfMemoryBytes = 1024L * 1024 * 1024;

    public static async Task<ReadText> ExtractAsync(FileKind kind, byte[] content, ILogger logger, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(ReadingLimits.TimeLimit);
        var allowance = new ReadingLimits.Allowance(limit.Token);
        try
        {
            var text = kind == FileSniffer.Pdf ? await FromPdfAsync(content, logger, allowance)
                : kind == FileSniffer.Docx ? FromOfficePackage(content, allowance, "t", "p")
                : kind == FileSniffer.Pptx ? FromOfficePackage(content, allowance, "t", "p")
                : kind == FileSniffer.Xlsx ? FromSpreadsheet(content, allowance)
                : kind == FileSniffer.Odt || kind == FileSniffer.Ods || kind == FileSniffer.Odp ? FromOpenDocument(content, allowance)
                : null;
            text = text?.Trim();
            return new(string.IsNullOrEmpty(text) ? null : text.Length > MaxChars ? text[..MaxChars] : text, false);
        }
        catch (ReadingLimits.ExceededException e)
        {
            logger.LogWarning("Reading the text of a {Kind} file went past the limits ({What}): the file is refused", kind.Name, e.Message);
            return new(null, true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Reading the text of a {Kind} file took longer than {Limit}: the file is refused", kind.Name, ReadingLimits.TimeLimit);
            return new(null, true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or InvalidOperationException or FormatException)
        {
            logger.LogWarning(e, "No text could be read from a {Kind} file", kind.Name);
            return new(null, false);
        }
    }

    /// <summary>Debian's pdftotext (poppler-utils), in its own process, on a copy in a folder of its own, within a time limit.</summary>
    private static async Task<string?> FromPdfAsync(byte[] content, ILogger logger, ReadingLimits.Allowance allowance)
    {
        var ct = allowance.Token;
        var folder = Directory.CreateTempSubdirectory("rcphub-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.pdf");
            var output = Path.Combine(folder.FullName, "output.txt");
            await File.WriteAllBytesAsync(input, content, ct);
            // prlimit (util-linux) caps the process's memory where it is installed.
            var limited = File.Exists("/usr/bin/prlimit");
            var start = new ProcessStartInfo(limited ? "/usr/bin/prlimit" : "pdftotext") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            string[] pdftotext = ["-q", "-enc", "UTF-8", input, output];
            foreach (var argument in limited ? [$"--as={PdfMemoryBytes}", "--", "pdftotext", .. pdftotext] : pdftotext)
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
                try
                {
                    await process.WaitForExitAsync(ct);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }
                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    logger.LogWarning("pdftotext failed with exit code {Code}", process.ExitCode);
                    return null;
                }
            }
            // The text is read only up to what is kept: a PDF may hold gigabytes of it.
            using var reader = new StreamReader(output, Encoding.UTF8);
            var buffer = new char[MaxChars];
            var read = await reader.ReadBlockAsync(buffer, ct);
            return new string(buffer, 0, read);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Word and PowerPoint: the text runs (<c>t</c>) of the main part and, for PowerPoint, of its slides in order,
    /// one paragraph (<c>p</c>) a line.</summary>
    private static string FromOfficePackage(byte[] content, ReadingLimits.Allowance allowance, string run, string paragraph)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var part in OfficeParts(zip, "slides/slide"))
        {
            Collect(allowance.Open(part), allowance, text, [run], [paragraph]);
        }
        return text.ToString();
    }

    /// <summary>The main part, then the numbered parts beside it whose names start with <paramref name="numbered"/>
    /// (slides, worksheets), by number.</summary>
    private static IEnumerable<ZipArchiveEntry> OfficeParts(ZipArchive zip, string numbered)
    {
        var main = FileSniffer.OfficePackage.Read(zip).MainPart?.TrimStart('/');
        if (main is null || zip.GetEntry(main) is not { } mainEntry)
        {
            yield break;
        }
        yield return mainEntry;
        var folder = main.Contains('/', StringComparison.Ordinal) ? main[..(main.LastIndexOf('/') + 1)] : "";
        var prefix = folder + numbered;
        foreach (var entry in zip.Entries
            .Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)
                && int.TryParse(e.FullName[prefix.Length..^4], out _))
            .OrderBy(e => int.Parse(e.FullName[prefix.Length..^4], System.Globalization.CultureInfo.InvariantCulture)))
        {
            yield return entry;
        }
    }

    /// <summary>Excel: each row of each worksheet a line, its cells separated by tabs, shared strings looked up.</summary>
    private static string FromSpreadsheet(byte[] content, ReadingLimits.Allowance allowance)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var parts = OfficeParts(zip, "worksheets/sheet").ToList();
        if (parts.Count == 0)
        {
            return "";
        }
        var folder = parts[0].FullName.Contains('/', StringComparison.Ordinal) ? parts[0].FullName[..(parts[0].FullName.LastIndexOf('/') + 1)] : "";
        var shared = new List<string>();
        if (zip.GetEntry(folder + "sharedStrings.xml") is { } strings)
        {
            // One string per item, built apart: a string may itself hold line breaks.
            using var reader = Xml(allowance.Open(strings));
            var item = new StringBuilder();
            var inside = 0;
            var kept = 0;
            while (reader.Read() && kept < MaxChars)
            {
                allowance.Count(0);
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.LocalName == "t" && !reader.IsEmptyElement:
                        inside++;
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inside > 0:
                        item.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.LocalName == "t" && inside > 0:
                        inside--;
                        break;
                    case XmlNodeType.EndElement when reader.LocalName == "si":
                        kept += item.Length;
                        shared.Add(item.ToString());
                        item.Clear();
                        break;
                }
            }
        }
        var text = new StringBuilder();
        foreach (var sheet in parts.Skip(1))
        {
            using var reader = Xml(allowance.Open(sheet));
            string? type = null;
            var cells = new List<string>();
            while (reader.Read() && text.Length < MaxChars)
            {
                allowance.Count(0);
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    type = reader.GetAttribute("t");
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v" or "t")
                {
                    var value = reader.ReadElementContentAsString();
                    cells.Add(type == "s" && int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? shared[i] : value);
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
                {
                    text.Append(string.Join('\t', cells)).Append('\n');
                    cells.Clear();
                }
            }
        }
        return text.ToString();
    }

    /// <summary>OpenDocument keeps its text in content.xml: its paragraphs and headings, one a line.</summary>
    private static string FromOpenDocument(byte[] content, ReadingLimits.Allowance allowance)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.GetEntry("content.xml") is not { } entry)
        {
            return "";
        }
        var text = new StringBuilder();
        Collect(allowance.Open(entry), allowance, text, ["p", "h"], ["p", "h"]);
        return text.ToString();
    }

    /// <summary>Streams one XML part: the text inside elements named in <paramref name="runs"/>, a line break after each
    /// element named in <paramref name="paragraphs"/>; stops at <see cref="MaxChars"/>.</summary>
    private static void Collect(Stream part, ReadingLimits.Allowance allowance, StringBuilder text, string[] runs, string[] paragraphs)
    {
        using var reader = Xml(part);
        var inside = 0;
        while (reader.Read() && text.Length < MaxChars)
        {
            allowance.Count(0);
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when runs.Contains(reader.LocalName) && !reader.IsEmptyElement:
                    inside++;
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inside > 0:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (runs.Contains(reader.LocalName) && inside > 0)
                    {
                        inside--;
                    }
                    if (paragraphs.Contains(reader.LocalName))
                    {
                        text.Append('\n');
                    }
                    break;
            }
        }
    }

    // No DTD, no outside resources: a crafted part can neither reach out nor expand entities.
    private static XmlReader Xml(Stream part) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
    });
}
