using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Finds interface text left in English on a page rendered in another language. Three checks, so that
/// hard-coded English is caught as well as an untranslated resource key:
/// <list type="number">
/// <item>a text that the same page also shows, word for word, in English (unless it is that language's own
/// translation of some key: "Documents" is French too);</item>
/// <item>a text that is an English interface string: a resource key, or the name of an enum value;</item>
/// <item>in Russian and Arabic, any Latin word at all.</item>
/// </list>
/// What users wrote and the data (process and people's names, titles, notes) is not interface text: pages mark it
/// with <c>dir="auto"</c> (which it needs anyway to be laid out in its own direction), <c>&lt;bdi&gt;</c>,
/// <c>translate="no"</c> or a <c>lang</c> other than the page's, and the checks skip it.</summary>
public static partial class InterfaceLanguage
{
    /// <summary>Words any language shows as they are: acronyms, the platform's name, file formats.</summary>
    private static readonly HashSet<string> Universal = new(StringComparer.Ordinal)
    {
        "RcpHub", "RCP", "RCPs", "IOM", "UTC", "CSV", "XLSX", "PDF", "API", "JSON", "OpenAPI", "iCalendar", "ICS", "URL", "SHA", "TOTP", "UN", "GMT",
        "DOCX", "ODT", "TXT", "HTML", "Excel", "Word",
    };

    /// <summary>The English interface strings (every resource key) and each language's translations, from the resources.</summary>
    public sealed record Dictionary(HashSet<string> English, IReadOnlyDictionary<string, HashSet<string>> Translations, IReadOnlyDictionary<string, Regex[]> Patterns);

    public static Dictionary Read()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "RcpHub", "Features");
        var english = new HashSet<string>(StringComparer.Ordinal);
        var translations = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(features, "*.resx", SearchOption.AllDirectories))
        {
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length != 3)
            {
                continue;
            }
            if (!translations.TryGetValue(parts[1], out var values))
            {
                translations[parts[1]] = values = new HashSet<string>(StringComparer.Ordinal);
            }
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                var key = (string)data.Attribute("name")!;
                english.Add(Normalize(key.Split('|')[0]));
                values.Add(Normalize((string?)data.Element("value") ?? ""));
            }
        }
        // Enum values a page would show by their code name when not put through a localizer ("SeniorOfficials").
        foreach (var kind in typeof(RcpHub.Domain.Process).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("RcpHub", StringComparison.Ordinal) == true))
        {
            foreach (var name in Enum.GetNames(kind))
            {
                english.Add(name);
                english.Add(Humanize(name));
            }
        }
        var patterns = translations.ToDictionary(t => t.Key, t => t.Value.Where(v => Placeholder().IsMatch(v) && Placeholder().Replace(v, "").Count(char.IsLetter) >= 3)
            .Select(v => new Regex("^" + Placeholder().Replace(Regex.Escape(v).Replace(@"\{", "{", StringComparison.Ordinal), "(.+)") + "$", RegexOptions.Singleline))
            .ToArray());
        return new Dictionary(english, translations, patterns);
    }

    /// <summary>The texts of a page a reader sees or hears, each once: text (outside what users wrote) and the
    /// attributes that are read out or shown (title, aria-label, placeholder, alt, a button's value).</summary>
    public static HashSet<string> Texts(IDocument document)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var pageLanguage = document.DocumentElement.GetAttribute("lang") ?? "en";
        // The document's title is not read: it repeats the page's heading (checked), where the name of what the page shows can be marked.
        if (document.Body is { } body)
        {
            Walk(body, pageLanguage, texts);
        }
        texts.RemoveWhere(t => t.Length == 0);
        return texts;
    }

    private static void Walk(INode node, string pageLanguage, HashSet<string> texts)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                texts.Add(Normalize(text.Data));
            }
            else if (child is IElement element && !IsUserContent(element, pageLanguage))
            {
                foreach (var attribute in (string[])["title", "aria-label", "placeholder", "alt"])
                {
                    if (element.GetAttribute(attribute) is { } value)
                    {
                        texts.Add(Normalize(value));
                    }
                }
                if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
                {
                    texts.Add(Normalize(label));
                }
                Walk(element, pageLanguage, texts);
            }
        }
    }

    private static bool IsUserContent(IElement element, string pageLanguage) =>
        element.LocalName is "script" or "style" or "template" or "bdi" or "code" or "pre" or "kbd" or "samp"
        || element.GetAttribute("dir") == "auto"
        || element.GetAttribute("translate") == "no"
        || (element.GetAttribute("lang") is { Length: > 0 } lang && lang != pageLanguage);

    /// <summary>The texts of <paramref name="page"/> (in <paramref name="language"/>) that are English interface text.</summary>
    /// <param name="names">Names the data holds in this language (states: "Angola" is Spanish too).</param>
    public static IEnumerable<string> English(Dictionary dictionary, string language, HashSet<string> page, HashSet<string> sameInEnglish, IReadOnlySet<string> names)
    {
        var own = dictionary.Translations.GetValueOrDefault(language) ?? [];
        var patterns = dictionary.Patterns.GetValueOrDefault(language) ?? [];
        var latinScript = language is "fr" or "es";
        foreach (var text in page)
        {
            var words = Words(text);
            if (words.Count == 0 || Technical().IsMatch(text))
            {
                continue;
            }
            var suspect = !latinScript
                || sameInEnglish.Contains(text)
                || dictionary.English.Contains(text);
            // A translation with a placeholder ("جدول الأعمال: {0}") explains the text only if what fills it is no English
            // left outside the markup that isolates user text: in Russian and Arabic, Latin words there mean an unmarked title.
            if (suspect && !own.Contains(text) && !names.Contains(text)
                && !patterns.Any(p => p.Match(text) is { Success: true } m && (latinScript || m.Groups.Values.Skip(1).All(g => Words(g.Value).Count == 0))))
            {
                yield return text;
            }
        }
    }

    private static List<string> Words(string text) =>
        LatinWord().Matches(text).Select(m => m.Value).Where(w => !Universal.Contains(w) && !Acronym().IsMatch(w)).ToList();

    private static string Normalize(string text) => Space().Replace(text, " ").Trim().Trim('(', ')', ':', '·', '—', '–', ',', '.', '«', '»', '“', '”', ' ', '|', '#', '*').Trim();

    private static string Humanize(string name) => name[0] + UpperCase().Replace(name[1..], m => " " + m.Value.ToLowerInvariant());

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RcpHub.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("RcpHub.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z][A-Za-z']+(?![\p{L}\p{N}])")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"^[A-Z]{2,6}s?$")]
    private static partial Regex Acronym();

    [GeneratedRegex(@"(?<!^)[A-Z]")]
    private static partial Regex UpperCase();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Addresses, e-mail addresses, IANA time zone names ("Africa/Nairobi") and file names: the same in every language.</summary>
    [GeneratedRegex(@"^(?:\S+@\S+\.\S+|https?://\S+|/\S*|[A-Z][a-z]+/[A-Za-z_/-]+.*|[\w.-]+\.(?:pdf|docx?|odt|txt|xlsx|csv|ics))$")]
    private static partial Regex Technical();
}
