using System.Globalization;
using System.Text.RegularExpressions;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace RcpHub.Features.Documents;

/// <summary>A file type the platform accepts: what it is, the content type it is served with, and the extensions
/// its name may carry.</summary>
public sealed record FileKind(string Name, string ContentType, params string[] Extensions);

public enum FileRefusal
{
    None,
    Empty,
    PathInName,
    BadName,
    Archive,
    UnknownContent,
    NameDoesNotMatch,
    Macros,
    Overloaded,
}

/// <summary>The outcome of <see cref="FileSniffer.Check"/>: the detected kind, or why the file is refused.</summary>
public sealed record SniffResult(FileKind? Kind, FileRefusal Refusal)
{
    public bool Accepted => Refusal == FileRefusal.None;
}

/// <summary>Decides what an uploaded file is from its bytes (signatures; inside a ZIP, the OOXML content types or the
/// OpenDocument <c>mimetype</c> entry), never from its name or the browser's word, then checks that its name agrees.</summary>
public static partial class FileSniffer
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg");
    public static readonly FileKind Gif = new("GIF", "image/gif", ".gif");
    public static readonly FileKind WebP = new("WebP", "image/webp", ".webp");
    public static readonly FileKind Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileKind Odt = new("OpenDocument text", "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly FileKind Ods = new("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", ".ods");
    public static readonly FileKind Odp = new("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation", ".odp");

    // An OLE compound file does not say cheaply which Office program wrote it: its name decides between these three.
    private static readonly FileKind[] LegacyOffice =
    [
        new("Word 97-2003", "application/msword", ".doc"),
        new("Excel 97-2003", "application/vnd.ms-excel", ".xls"),
        new("PowerPoint 97-2003", "application/vnd.ms-powerpoint", ".ppt"),
    ];

    private static readonly string[] ArchiveExtensions = [".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".cab", ".jar", ".iso"];

    // The content type of the main part of each Office Open XML document, exactly: a template, a slide show or a
    // macro-enabled variant is another type of file.
    private static readonly (string ContentType, FileKind Kind)[] OfficeOpenXml =
    [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Docx),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Xlsx),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", Pptx),
    ];

    private static readonly string[] MacroExtensions = [".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".xlsb", ".pptm", ".potm", ".ppsm", ".ppam", ".sldm"];

    private static readonly string[] OfficeDocumentRelationships =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ];

    private static readonly (string MimeType, FileKind Kind)[] OpenDocument =
    [
        ("application/vnd.oasis.opendocument.text", Odt),
        ("application/vnd.oasis.opendocument.spreadsheet", Ods),
        ("application/vnd.oasis.opendocument.presentation", Odp),
    ];

    /// <summary>Only the start of a ZIP's small descriptive entries is read, whatever they claim to hold.</summary>
    private const int MaxEntryBytes = 64 * 1024;

    public static SniffResult Check(string fileName, byte[] content)
    {
        var nameProblem = CheckName(fileName);
        if (nameProblem != FileRefusal.None)
        {
            return new(null, nameProblem);
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (ArchiveExtensions.Contains(extension))
        {
            return new(null, FileRefusal.Archive);
        }
        if (MacroExtensions.Contains(extension))
        {
            return new(null, FileRefusal.Macros);
        }
        if (content.Length == 0)
        {
            return new(null, FileRefusal.Empty);
        }
        var (kind, refusal) = Detect(content, extension);
        if (kind is null)
        {
            return new(null, refusal);
        }
        return kind.Extensions.Contains(extension) ? new(kind, FileRefusal.None) : new(kind, FileRefusal.NameDoesNotMatch);
    }

    /// <summary>The name as a person would read it: invisible formatting characters (bidirectional overrides and isolates,
    /// zero-width spaces and joiners, byte-order marks, tag characters) removed, since they make <c>report\u202Efdp.exe</c>
    /// show as <c>reportexe.pdf</c>; control characters and line breaks become spaces; spaces run together. Cleaned rather
    /// than refused: the person uploading rarely put them there on purpose.</summary>
    public static string CleanName(string fileName)
    {
        var kept = new StringBuilder(fileName.Length);
        foreach (var rune in fileName.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }
            if (category == UnicodeCategory.Control || Rune.IsWhiteSpace(rune))
            {
                kept.Append(' ');
            }
            else
            {
                kept.Append(rune.ToString());
            }
        }
        return Spaces().Replace(kept.ToString(), " ").Trim();
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    /// <summary>A bare file name: no folder, no drive, no parent reference, no control character; refused, not cleaned.</summary>
    public static FileRefusal CheckName(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 200)
        {
            return FileRefusal.BadName;
        }
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal)
            || fileName.Contains(':', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal))
        {
            return FileRefusal.PathInName;
        }
        if (fileName.Any(char.IsControl) || fileName.Trim() != fileName || fileName.StartsWith('.'))
        {
            return FileRefusal.BadName;
        }
        return FileRefusal.None;
    }

    private static (FileKind? Kind, FileRefusal Refusal) Detect(byte[] b, string extension)
    {
        if (StartsWith(b, "%PDF-"u8))
        {
            return (Pdf, FileRefusal.None);
        }
        if (StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, FileRefusal.None);
        }
        if (StartsWith(b, [0xFF, 0xD8, 0xFF]))
        {
            return (Jpeg, FileRefusal.None);
        }
        if (StartsWith(b, "GIF87a"u8) || StartsWith(b, "GIF89a"u8))
        {
            return (Gif, FileRefusal.None);
        }
        if (StartsWith(b, "RIFF"u8) && b.Length >= 12 && b.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return (WebP, FileRefusal.None);
        }
        if (StartsWith(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return (LegacyOffice.FirstOrDefault(k => k.Extensions.Contains(extension)) ?? LegacyOffice[0], FileRefusal.None);
        }
        if (StartsWith(b, "PK\x03\x04"u8) || StartsWith(b, "PK\x05\x06"u8))
        {
            return InsideZip(b);
        }
        if (IsArchive(b))
        {
            return (null, FileRefusal.Archive);
        }
        return (null, FileRefusal.UnknownContent);
    }

    private static bool IsArchive(byte[] b) =>
        StartsWith(b, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) // 7z
        || StartsWith(b, "Rar!\x1A\x07"u8)
        || StartsWith(b, [0x1F, 0x8B]) // gzip
        || StartsWith(b, "BZh"u8)
        || StartsWith(b, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) // xz
        || StartsWith(b, [0x28, 0xB5, 0x2F, 0xFD]) // zstd
        || StartsWith(b, "MSCF"u8) // cab
        || (b.Length > 262 && b.AsSpan(257, 5).SequenceEqual("ustar"u8)); // tar

    /// <summary>A ZIP is accepted only as an OpenDocument (its <c>mimetype</c> entry) or an Office Open XML document (the
    /// content type of the part its package relationship names as the main document), within <see cref="ReadingLimits"/>
    /// and without macros; any other ZIP is an archive.</summary>
    private static (FileKind? Kind, FileRefusal Refusal) InsideZip(byte[] b)
    {
        try
        {
            if (ReadingLimits.Overloads(b))
            {
                return (null, FileRefusal.Overloaded);
            }
            using var zip = new ZipArchive(new MemoryStream(b, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                var declared = ReadEntry(mimetype).Trim();
                var odf = OpenDocument.FirstOrDefault(o => o.MimeType == declared).Kind;
                return odf is null ? (null, FileRefusal.Archive) : (odf, FileRefusal.None);
            }
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return (null, FileRefusal.Archive);
            }
            var package = OfficePackage.Read(zip);
            if (package.HasMacros)
            {
                return (null, FileRefusal.Macros);
            }
            var ooxml = OfficeOpenXml.FirstOrDefault(o => o.ContentType == package.MainContentType).Kind;
            return ooxml is null ? (null, FileRefusal.UnknownContent) : (ooxml, FileRefusal.None);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            return (null, FileRefusal.UnknownContent);
        }
    }

    /// <summary>What an Office Open XML package declares: its parts' content types (<c>[Content_Types].xml</c>) and the main
    /// part its package relationships (<c>_rels/.rels</c>) name.</summary>
    internal sealed record OfficePackage(string? MainPart, string? MainContentType, bool HasMacros)
    {
        public static OfficePackage Read(ZipArchive zip)
        {
            var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var element in Elements(ReadEntry(zip.GetEntry("[Content_Types].xml")!)))
            {
                if (element.Attributes.TryGetValue("ContentType", out var type))
                {
                    if (element.Name == "Default" && element.Attributes.TryGetValue("Extension", out var extension))
                    {
                        defaults[extension] = type;
                    }
                    else if (element.Name == "Override" && element.Attributes.TryGetValue("PartName", out var part))
                    {
                        overrides[part] = type;
                    }
                }
            }
            string? main = null;
            if (zip.GetEntry("_rels/.rels") is { } rels)
            {
                main = Elements(ReadEntry(rels))
                    .Where(e => e.Name == "Relationship" && e.Attributes.TryGetValue("Type", out var t) && OfficeDocumentRelationships.Contains(t)
                        && !(e.Attributes.TryGetValue("TargetMode", out var mode) && mode == "External"))
                    .Select(e => e.Attributes.GetValueOrDefault("Target"))
                    .FirstOrDefault(t => !string.IsNullOrEmpty(t)) is { } target ? "/" + target.TrimStart('/') : null;
            }
            var mainType = main is null ? null
                : overrides.GetValueOrDefault(main) ?? defaults.GetValueOrDefault(Path.GetExtension(main).TrimStart('.'));
            var macros = defaults.Values.Concat(overrides.Values).Any(IsMacroContentType)
                || zip.Entries.Any(e => e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase));
            return new(main, mainType, macros);
        }

        /// <summary>Macro-enabled main parts (Word, Excel, PowerPoint), Excel 4 macro sheets and the VBA project parts.</summary>
        public static bool IsMacroContentType(string contentType) =>
            contentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("macrosheet", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/vnd.ms-office.vba", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/vnd.ms-word.vba", StringComparison.OrdinalIgnoreCase);

        private sealed record Element(string Name, Dictionary<string, string> Attributes);

        // The namespace is not checked: only the local names matter, and a package that hides its parts under another
        // namespace is not opened as a document anyway.
        private static IEnumerable<Element> Elements(string xml)
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var elements = new List<Element>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
                {
                    var element = new Element(reader.LocalName, new Dictionary<string, string>(StringComparer.Ordinal));
                    while (reader.MoveToNextAttribute())
                    {
                        element.Attributes[reader.LocalName] = reader.Value;
                    }
                    elements.Add(element);
                }
            }
            return elements;
        }
    }

    private static string ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[MaxEntryBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }
        // Office writes its package XML with a byte-order mark, which an XmlReader over a string refuses.
        return Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF');
    }

    private static bool StartsWith(byte[] b, ReadOnlySpan<byte> signature) => b.AsSpan().StartsWith(signature);

    private static readonly FileKind[] Accepted = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Pptx, Odt, Ods, Odp, .. LegacyOffice];

    /// <summary>Every extension accepted, for the form's <c>accept</c> attribute (a hint only: the content decides).</summary>
    public static string AcceptAttribute { get; } = string.Join(",", Accepted.SelectMany(k => k.Extensions));

    /// <summary>Every media type a stored file can have, and so be downloaded as.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = [.. Accepted.Select(k => k.ContentType).Distinct()];
}
