using System.IO.Compression;
using System.Text;
using RcpHub.Features.Documents;

namespace RcpHub.Tests.Features.Documents;

public sealed class FileSnifferTests
{
    private static byte[] Bytes(params byte[] start) => [.. start, .. new byte[64]];

    private static byte[] Zip(params (string Name, string Content)[] entries)
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

    private static byte[] Ooxml(string mainPart, params (string Name, string Content)[] more) => Zip([("[Content_Types].xml",
        $"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/main.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.{mainPart}\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"main.xml\"/></Relationships>"),
        ("main.xml", "<x/>"), .. more]);

    public static TheoryData<string, byte[], string> Accepted() => new()
    {
        { "report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%...."), "application/pdf" },
        { "map.png", Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), "image/png" },
        { "photo.JPG", Bytes(0xFF, 0xD8, 0xFF, 0xE0), "image/jpeg" },
        { "photo.jpeg", Bytes(0xFF, 0xD8, 0xFF, 0xE1), "image/jpeg" },
        { "logo.gif", Encoding.ASCII.GetBytes("GIF89a......"), "image/gif" },
        { "banner.webp", Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 "), "image/webp" },
        { "old.doc", Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "application/msword" },
        { "old.xls", Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "application/vnd.ms-excel" },
        { "old.ppt", Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "application/vnd.ms-powerpoint" },
        { "note.docx", Ooxml("wordprocessingml.document.main+xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "budget.xlsx", Ooxml("spreadsheetml.sheet.main+xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "slides.pptx", Ooxml("presentationml.presentation.main+xml"), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "note.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")), "application/vnd.oasis.opendocument.text" },
        { "sheet.ods", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), "application/vnd.oasis.opendocument.spreadsheet" },
        { "talk.odp", Zip(("mimetype", "application/vnd.oasis.opendocument.presentation")), "application/vnd.oasis.opendocument.presentation" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Each_allowed_type_is_recognised_from_its_content(string name, byte[] content, string contentType)
    {
        var result = FileSniffer.Check(name, content);
        Assert.Equal(FileRefusal.None, result.Refusal);
        Assert.Equal(contentType, result.Kind!.ContentType);
    }

    [Theory]
    [InlineData("report.docx")]
    [InlineData("report.png")]
    [InlineData("report")]
    public void A_name_that_does_not_match_the_content_is_refused(string name)
    {
        var result = FileSniffer.Check(name, Encoding.ASCII.GetBytes("%PDF-1.7\n"));
        Assert.Equal(FileRefusal.NameDoesNotMatch, result.Refusal);
        Assert.Equal("PDF", result.Kind!.Name);
    }

    [Theory]
    [InlineData("script.pdf", "#!/bin/sh\nrm -rf /\n")]
    [InlineData("page.pdf", "<html><script>alert(1)</script></html>")]
    [InlineData("tool.pdf", "MZ\u0090\0\u0003")]
    public void Content_of_no_allowed_type_is_refused_whatever_its_name(string name, string content)
    {
        Assert.Equal(FileRefusal.UnknownContent, FileSniffer.Check(name, Encoding.UTF8.GetBytes(content)).Refusal);
    }

    [Theory]
    [InlineData("../x.pdf")]
    [InlineData("a/b.pdf")]
    [InlineData("C:\\x.pdf")]
    [InlineData("C:x.pdf")]
    [InlineData("..\\..\\etc\\passwd.pdf")]
    public void A_path_in_the_name_is_refused_not_stripped(string name)
    {
        Assert.Equal(FileRefusal.PathInName, FileSniffer.Check(name, Encoding.ASCII.GetBytes("%PDF-1.7\n")).Refusal);
    }

    [Theory]
    [InlineData(".pdf")]
    [InlineData("bad\u0001name.pdf")]
    [InlineData(" spaced.pdf")]
    [InlineData("")]
    public void A_bad_name_is_refused(string name)
    {
        Assert.Equal(FileRefusal.BadName, FileSniffer.Check(name, Encoding.ASCII.GetBytes("%PDF-1.7\n")).Refusal);
    }

    public static TheoryData<string, byte[]> Archives() => new()
    {
        { "papers.zip", Zip(("a.pdf", "%PDF-1.7")) },
        // A ZIP named like a document is still an archive: no content types, no mimetype.
        { "papers.docx", Zip(("a.pdf", "%PDF-1.7")) },
        { "papers.odt", Zip(("mimetype", "application/zip")) },
        { "papers.pdf", Bytes(0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C) },
        { "papers.pdf", Encoding.ASCII.GetBytes("Rar!\u001A\u0007\0.....") },
        { "papers.pdf", Bytes(0x1F, 0x8B, 0x08) },
        { "papers.tar", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
        { "papers.gz", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
        { "papers.7z", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
        { "papers.rar", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
    };

    [Theory]
    [MemberData(nameof(Archives))]
    public void Archives_are_refused(string name, byte[] content)
    {
        Assert.Equal(FileRefusal.Archive, FileSniffer.Check(name, content).Refusal);
    }

    [Fact]
    public void A_tar_archive_is_recognised_by_its_header()
    {
        var tar = new byte[600];
        Encoding.ASCII.GetBytes("ustar").CopyTo(tar, 257);
        Assert.Equal(FileRefusal.Archive, FileSniffer.Check("papers.pdf", tar).Refusal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(FileRefusal.Empty, FileSniffer.Check("empty.pdf", []).Refusal);
    }

    [Fact]
    public void A_damaged_zip_is_unknown_content()
    {
        Assert.Equal(FileRefusal.UnknownContent, FileSniffer.Check("broken.docx", Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip")).Refusal);
    }

    [Theory]
    [InlineData("wordprocessingml.template.main+xml")]
    [InlineData("presentationml.slideshow.main+xml")]
    public void An_office_package_whose_main_part_is_not_exactly_a_document_is_refused(string mainPart)
    {
        Assert.Equal(FileRefusal.UnknownContent, FileSniffer.Check("note.docx", Ooxml(mainPart)).Refusal);
    }

    [Fact]
    public void Content_types_are_read_as_xml_not_searched_as_text()
    {
        // The Word type appears only in a comment: the main part is undeclared, so this is no document.
        var zip = Zip(("[Content_Types].xml", "<Types><!-- wordprocessingml.document.main+xml --></Types>"),
            ("_rels/.rels", "<Relationships><Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"main.xml\"/></Relationships>"));
        Assert.Equal(FileRefusal.UnknownContent, FileSniffer.Check("note.docx", zip).Refusal);
    }

    [Theory]
    [InlineData(".docm")]
    [InlineData(".xlsm")]
    [InlineData(".pptm")]
    public void A_macro_enabled_extension_is_refused_as_macros(string extension)
    {
        Assert.Equal(FileRefusal.Macros, FileSniffer.Check("note" + extension, Ooxml("wordprocessingml.document.main+xml")).Refusal);
    }

    [Theory]
    [InlineData("a\u202Eb.pdf", "ab.pdf")]
    [InlineData("\uFEFFa\u200Db\u2066.pdf", "ab.pdf")]
    [InlineData("a\r\nb\t.pdf", "a b .pdf")]
    [InlineData("  a   b.pdf ", "a b.pdf")]
    [InlineData("rapport-été.pdf", "rapport-été.pdf")]
    [InlineData("تقرير.pdf", "تقرير.pdf")]
    public void Names_are_cleaned_of_invisible_and_control_characters(string name, string cleaned)
    {
        Assert.Equal(cleaned, FileSniffer.CleanName(name));
    }
}
