using System.Security.Cryptography;
using System.Text;
using RcpHub.Domain;

namespace RcpHub.Features.Documents;

/// <summary>A concept note for a demo meeting, and the smallest valid one-page PDF that carries a line of text.</summary>
public static class DemoDocument
{
    public static Document ConceptNote(Meeting meeting, DateTimeOffset now)
    {
        const string English = "Concept note (demo): fair recruitment in the region.";
        const string French = "Note conceptuelle (demo) : le recrutement equitable dans la region.";
        return new Document
        {
            Meeting = meeting,
            Title = "Concept note (demo)",
            CreatedAt = now,
            Versions = [Version("en", TranslationStatus.Original, English, "concept-note.pdf", now), Version("fr", TranslationStatus.Draft, French, "note-conceptuelle.pdf", now)],
        };
    }

    // The PDF shows the text, which is kept as an upload would have read it, so that search finds the demo note.
    private static DocumentVersion Version(string language, TranslationStatus status, string text, string fileName, DateTimeOffset now)
    {
        var bytes = Pdf(text);
        return new()
        {
            Language = language,
            Status = status,
            Number = 1,
            FileName = fileName,
            ContentType = FileSniffer.Pdf.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedByName = "Demo secretariat",
            UploadedAt = now,
            ExtractedText = text,
            Content = new DocumentContent { Bytes = bytes },
        };
    }

    /// <summary>A one-page PDF showing <paramref name="text"/> (ASCII, no parentheses or backslashes) in Helvetica.</summary>
    public static byte[] Pdf(string text)
    {
        var stream = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
