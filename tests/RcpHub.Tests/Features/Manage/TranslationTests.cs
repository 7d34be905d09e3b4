using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RcpHub.Tests.Features.Manage;

/// <summary>Every text the secretariat's pages and the audit log show has a translation in each interface language.</summary>
public sealed partial class TranslationTests
{
    [GeneratedRegex(@"\b[Tt]\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Key();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Theory]
    [InlineData("Manage", "ManageText")]
    [InlineData("Audit", "AuditText")]
    public void Every_key_is_translated_with_its_placeholders(string feature, string marker)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "RcpHub", "Features", feature);
        var keys = Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.True(keys.Count > 20, $"Only {keys.Count} keys found in {folder}.");
        var problems = new List<string>();
        foreach (var language in new[] { "fr", "es", "ru", "ar" })
        {
            var translations = XDocument.Load(Path.Combine(folder, $"{marker}.{language}.resx")).Root!.Elements("data")
                .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
            foreach (var key in keys)
            {
                if (!translations.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{language}: no translation of “{key}”");
                }
                else if (!Placeholder().Matches(key).Select(m => m.Value).Order().SequenceEqual(Placeholder().Matches(value).Select(m => m.Value).Order()))
                {
                    problems.Add($"{language}: “{value}” does not keep the placeholders of “{key}”");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RcpHub.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("RcpHub.slnx not found above " + AppContext.BaseDirectory);
    }
}
