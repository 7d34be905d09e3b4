using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Documents;

/// <summary>Words for the documents' enums, in the reader's language.</summary>
public static class DocumentLabels
{
    public static string Status(IStringLocalizer<DocumentsText> t, TranslationStatus status) => status switch
    {
        TranslationStatus.Original => t["Original"],
        TranslationStatus.Draft => t["Draft translation"],
        _ => t["Final translation"],
    };

    public static string Access(IStringLocalizer<DocumentsText> t, DocumentAccess access) => access switch
    {
        DocumentAccess.Meeting => t["As the meeting"],
        DocumentAccess.Members => t["Members only"],
        _ => t["Secretariat and chair only"],
    };

    public static string AccessExplained(IStringLocalizer<DocumentsText> t, DocumentAccess access) => access switch
    {
        DocumentAccess.Meeting => t["Everyone who may see the meeting may read this document."],
        DocumentAccess.Members => t["Of the meeting's audience, only the secretariat, the chair and the member states' focal points may read this document."],
        _ => t["Of the meeting's audience, only the secretariat and the chair may read this document."],
    };

    /// <summary>"1.2 MB", "830 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? DocumentUpload.Megabytes(bytes)
        : Math.Max(1, (bytes + 1023) / 1024).ToString(System.Globalization.CultureInfo.CurrentCulture) + " KB";
}
