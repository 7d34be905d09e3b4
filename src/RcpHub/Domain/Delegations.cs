using System.Globalization;
using System.Text;

namespace RcpHub.Domain;

/// <summary>A state's delegation to a meeting, registered by one of its focal points and confirmed (or returned for
/// correction) by the secretariat. One per state and meeting: registering again replaces the delegates.</summary>
public sealed class Delegation : IBelongsToProcess
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }
    public DelegationStatus Status { get; set; }
    public required string RegisteredByUserId { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Why the secretariat returned it, shown to the focal point.</summary>
    public string? ReturnNote { get; set; }

    public List<DelegationMember> Delegates { get; set; } = [];

    // Commands load the meeting with the delegation, so the audit log files the change under its process.
    int IBelongsToProcess.ProcessId => Meeting?.ProcessId ?? 0;
}

public enum DelegationStatus
{
    Registered,
    Confirmed,
    Returned,
}

/// <summary>One member of a delegation (a delegate; not named Delegate, which System already uses).</summary>
public sealed class DelegationMember : IBelongsToProcess
{
    public int Id { get; set; }
    public int DelegationId { get; set; }
    public Delegation? Delegation { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public string? Function { get; set; }
    public required string Ministry { get; set; }
    public Gender Gender { get; set; }
    public bool IsHead { get; set; }

    int IBelongsToProcess.ProcessId => Delegation?.Meeting?.ProcessId ?? 0;
}

/// <summary>Asked for the participation statistics (women and men); "not stated" is always a valid answer.</summary>
public enum Gender
{
    NotStated,
    Woman,
    Man,
    Other,
}

/// <summary>The kinds of ministry or agency whose presence at the table the secretariat follows over the years.</summary>
public enum MinistryCategory
{
    InteriorOrPolice,
    Immigration,
    Labour,
    ForeignAffairs,
    Other,
}

/// <summary>Classifies a ministry or agency name, as typed by a focal point in any of the five interface languages,
/// by keywords. Immigration is tried first because migration services often sit inside an interior ministry
/// ("Ministry of Interior, Directorate of Migration") and the more specific service is what the secretariat follows.</summary>
public static class MinistryClassifier
{
    // Keywords are compared without case and accents; short acronyms are compared as whole words only.
    private static readonly (MinistryCategory Category, string[] Phrases, string[] Words)[] Rules =
    [
        (MinistryCategory.Immigration,
            ["immigration", "migration", "migratoire", "migracion", "migraciones", "extranjeria", "naturalisation", "naturalization",
             "passport", "миграц", "الهجرة", "الجوازات", "هجرة"],
            ["fms", "фмс", "гувм"]),
        (MinistryCategory.InteriorOrPolice,
            ["interior", "interieur", "home affairs", "home office", "police", "policia", "gendarmerie", "guardia civil",
             "public security", "securite publique", "seguridad publica", "внутренних дел", "полиц", "الداخلية", "الشرطة", "الأمن العام"],
            ["мвд"]),
        (MinistryCategory.Labour,
            ["labour", "labor", "employment", "manpower", "travail", "emploi", "trabajo", "empleo", "труд", "занятост", "العمل", "القوى العاملة"],
            []),
        (MinistryCategory.ForeignAffairs,
            ["foreign affairs", "foreign ministry", "external affairs", "affaires etrangeres", "relations exterieures", "relaciones exteriores",
             "asuntos exteriores", "иностранных дел", "الخارجية"],
            ["mfa", "мид"]),
    ];

    public static MinistryCategory Classify(string? ministry)
    {
        if (string.IsNullOrWhiteSpace(ministry))
        {
            return MinistryCategory.Other;
        }
        var text = Fold(ministry);
        var words = text.Split([' ', ',', '.', ';', ':', '(', ')', '/', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (category, phrases, acronyms) in Rules)
        {
            if (phrases.Any(p => text.Contains(Fold(p), StringComparison.Ordinal)) || acronyms.Any(a => words.Contains(Fold(a))))
            {
                return category;
            }
        }
        return MinistryCategory.Other;
    }

    /// <summary>Lower case without accents or other combining marks (é → e, ñ → n, أ → ا, й → и) and with single
    /// spaces; keywords go through it too, so both sides compare alike.</summary>
    private static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
