using System.Text.RegularExpressions;
using System.Xml.Linq;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Tests.Infrastructure;

/// <summary>Every string the interface shows through a localizer (or a data annotation) has a translation in
/// French, Spanish, Russian and Arabic. English is the key itself.</summary>
public sealed partial class TranslationCoverageTests
{
    private static readonly string[] Languages = ["fr", "es", "ru", "ar"];

    [Fact]
    public void Every_localized_string_is_translated_into_every_interface_language()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "RcpHub", "Features");
        var resources = ReadResources(features);
        var used = UsedKeys(features);
        Assert.True(used.Count > 10, "The scan found almost no localized strings: it is broken.");

        var missing = new List<string>();
        foreach (var (textClass, key, file, _) in used.Where(u => !u.Plural))
        {
            foreach (var language in Languages)
            {
                if (!resources.TryGetValue((textClass, language), out var entries) || !entries.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    missing.Add($"{textClass}.{language}.resx lacks \"{key}\" (used in {Path.GetRelativePath(features, file)})");
                }
            }
        }
        Assert.True(missing.Count == 0, $"{missing.Count} missing translations:\n" + string.Join("\n", missing.Distinct().Take(200)));
    }

    [Fact]
    public void Every_counted_phrase_has_every_plural_form_of_every_interface_language()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "RcpHub", "Features");
        var resources = ReadResources(features);
        var phrases = UsedKeys(features).Where(k => k.Plural).ToList();
        Assert.True(phrases.Count > 3, "The scan found almost no counted phrases: it is broken.");

        var missing = new List<string>();
        foreach (var (textClass, other, file, _) in phrases)
        {
            foreach (var language in Languages)
            {
                foreach (var category in Plurals.Categories[language])
                {
                    var key = Plurals.Key(other, category);
                    if (!resources.TryGetValue((textClass, language), out var entries) || !entries.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
                    {
                        missing.Add($"{textClass}.{language}.resx lacks \"{key}\" (used in {Path.GetRelativePath(features, file)})");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, $"{missing.Count} missing plural forms:\n" + string.Join("\n", missing.Distinct().Take(200)));
    }

    [Fact]
    public void No_two_keys_of_a_feature_differ_only_in_letter_case()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "RcpHub", "Features");
        var twins = ReadResources(features)
            .SelectMany(r => r.Value.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{r.Key.TextClass}.{r.Key.Language}: " + string.Join(" / ", g.Select(k => $"\"{k}\""))))
            .ToList();
        Assert.True(twins.Count == 0, "Keys that differ only in letter case (one text, one key):\n" + string.Join("\n", twins));
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_the_English_text()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "RcpHub", "Features");
        var broken = new List<string>();
        foreach (var ((textClass, language), entries) in ReadResources(features))
        {
            foreach (var (key, value) in entries)
            {
                var expected = Placeholder().Matches(key).Select(m => m.Value).Order().ToList();
                var actual = Placeholder().Matches(value).Select(m => m.Value).Order().ToList();
                // A plural form may say its number in words ("مستندان", two documents), never name one the phrase lacks.
                var pluralForm = key.Contains('|', StringComparison.Ordinal);
                if (pluralForm ? actual.Except(expected).Any() : !expected.SequenceEqual(actual))
                {
                    broken.Add($"{textClass}.{language}: \"{key}\" → \"{value}\"");
                }
            }
        }
        Assert.True(broken.Count == 0, "Placeholders differ:\n" + string.Join("\n", broken));
    }

    internal static string RepositoryRoot()
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

    private static Dictionary<(string TextClass, string Language), Dictionary<string, string>> ReadResources(string features)
    {
        var result = new Dictionary<(string, string), Dictionary<string, string>>();
        foreach (var file in Directory.EnumerateFiles(features, "*.resx", SearchOption.AllDirectories))
        {
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length != 3)
            {
                continue;
            }
            var entries = XDocument.Load(file).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
            result[(parts[0], parts[1])] = entries;
        }
        return result;
    }

    /// <summary>Every key a page or class uses; <c>Plural</c> marks a counted phrase (<c>t.Plural(n, one, other)</c>, or <c>t.PluralIsolated</c>), named by its
    /// English plural form.</summary>
    private static List<(string TextClass, string Key, string File, bool Plural)> UsedKeys(string features)
    {
        var textClassByNamespace = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Text: File.ReadAllText(f), File: f))
            .Select(f => (Ns: NamespaceDeclaration().Match(f.Text), Marker: MarkerClass().Match(f.Text)))
            .Where(f => f.Ns.Success && f.Marker.Success)
            .GroupBy(f => f.Ns.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.First().Marker.Groups[1].Value);

        var used = new List<(string, string, string, bool)>();
        foreach (var file in Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (file.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                localizers["S"] = "SharedText";
                for (var dir = Path.GetDirectoryName(file); dir is not null && dir.StartsWith(features, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
                {
                    var imports = Path.Combine(dir, "_ViewImports.cshtml");
                    if (File.Exists(imports))
                    {
                        AddLocalizers(File.ReadAllText(imports), localizers);
                    }
                }
            }
            AddLocalizers(text, localizers);
            foreach (var (variable, textClass) in localizers)
            {
                foreach (Match m in Regex.Matches(text, $@"(?<![\w.]){Regex.Escape(variable)}(?:\[|\.Isolated\()\s*""((?:[^""\\]|\\.)*)"""))
                {
                    used.Add((textClass, Regex.Unescape(m.Groups[1].Value), file, false));
                }
                foreach (Match m in Regex.Matches(text, $@"(?<![\w.]){Regex.Escape(variable)}\.Plural(?:Isolated)?\([^;]*?,\s*""((?:[^""\\]|\\.)*)""\s*,\s*""((?:[^""\\]|\\.)*)"""))
                {
                    used.Add((textClass, Regex.Unescape(m.Groups[2].Value), file, true));
                }
            }
            if (file.EndsWith(".cs", StringComparison.Ordinal) && NamespaceDeclaration().Match(text) is { Success: true } ns)
            {
                var textClass = TextClassFor(ns.Groups[1].Value, textClassByNamespace);
                foreach (Match m in Annotation().Matches(text))
                {
                    used.Add((textClass, Regex.Unescape(m.Groups[1].Value), file, false));
                }
            }
        }
        return used;
    }

    private static string TextClassFor(string ns, Dictionary<string, string> textClassByNamespace)
    {
        for (var n = ns; !string.IsNullOrEmpty(n); n = n.Contains('.', StringComparison.Ordinal) ? n[..n.LastIndexOf('.')] : null)
        {
            if (textClassByNamespace.TryGetValue(n, out var text))
            {
                return text;
            }
        }
        return "SharedText";
    }

    private static void AddLocalizers(string text, Dictionary<string, string> localizers)
    {
        foreach (Match m in LocalizerDeclaration().Matches(text))
        {
            localizers[m.Groups[2].Value] = m.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"IStringLocalizer<(\w+)>\s+(\w+)")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"public\s+sealed\s+class\s+(\w+Text)\s*;")]
    private static partial Regex MarkerClass();

    [GeneratedRegex(@"(?:\bDisplay\([^)]*?\b(?:Name|Prompt|Description)|\bErrorMessage)\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
