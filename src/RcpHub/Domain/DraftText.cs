namespace RcpHub.Domain;

/// <summary>The text of a draft drafted in versions (an output, a caucus position) as stored: paragraphs separated by a
/// blank line, numbered from 1; comments name a paragraph by its number.</summary>
public static class DraftText
{
    public static string Lf(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The text as saved: line ends made LF, paragraphs trimmed and separated by exactly one blank line.</summary>
    public static string Stored(string? text) => string.Join("\n\n", Paragraphs(text));

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        System.Text.RegularExpressions.Regex.Split(Lf(text), @"\n[ \t]*\n")
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();
}
