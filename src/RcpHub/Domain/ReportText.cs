using System.Text;
using System.Text.RegularExpressions;

namespace RcpHub.Domain;

/// <summary>Report text as a rapporteur pastes it from a PDF or a word processor, made into what is stored: paragraphs
/// separated by one blank line, and numbered points. A PDF breaks every line where the page did, so a line break alone
/// is not a paragraph: a blank line is. Lengths are counted on the stored text (line feeds only), so that a form, the
/// API and the database agree on them.</summary>
public static partial class ReportText
{
    /// <summary>Line ends as stored: CRLF and CR become LF (a browser sends CRLF for every line break of a textarea).</summary>
    public static string Lf(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The paragraphs of a text: lines between blank lines joined with a space; a line ending in a hyphen is
    /// joined without it when the next starts in lower case ("migra-" + "tion"), and keeps it otherwise ("non-" + "State").</summary>
    public static IReadOnlyList<string> Paragraphs(string? text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in Lf(text).Split('\n'))
        {
            var line = Squeeze(raw);
            if (line.Length == 0)
            {
                Flush(paragraphs, current);
                continue;
            }
            Join(current, line);
        }
        Flush(paragraphs, current);
        return paragraphs;
    }

    /// <summary>A text as stored: its paragraphs separated by a blank line; null when it has none.</summary>
    public static string? Stored(string? text) => Paragraphs(text) is { Count: > 0 } p ? string.Join("\n\n", p) : null;

    /// <summary>The points of a pasted list. When a line starts with a number or a bullet ("1.", "1)", "(a)", "a)", "•",
    /// "-"), each such line starts a point and the lines after it, wrapped or after a blank line (a second paragraph),
    /// belong to it; without any such line, every non-empty line is a point (as the form always took it).</summary>
    public static IReadOnlyList<string> Points(string? text)
    {
        var lines = Lf(text).Split('\n');
        if (!lines.Any(l => Marker().IsMatch(l)))
        {
            return lines.Select(Squeeze).Where(l => l.Length > 0).ToList();
        }
        var points = new List<string>();
        StringBuilder? point = null;
        foreach (var line in lines)
        {
            if (Marker().Match(line) is { Success: true } m)
            {
                AddPoint(points, point);
                point = new StringBuilder(line[m.Length..]);
            }
            else
            {
                // Text before the first marker is a point of its own: nothing pasted is dropped.
                (point ??= new StringBuilder()).Append('\n').Append(line);
            }
        }
        AddPoint(points, point);
        return points;
    }

    /// <summary>Points as the form shows them for editing: numbered, a blank line between paragraphs, so that reading
    /// them back with <see cref="Points"/> gives the same points.</summary>
    public static string Numbered(IEnumerable<string> points) =>
        string.Join("\n", points.Select((p, i) => $"{i + 1}. {p}"));

    /// <summary>A stored text as the form shows it: a blank line between paragraphs (texts stored before paragraphs were
    /// joined kept one paragraph per line).</summary>
    public static string Editable(string? stored) =>
        string.Join("\n\n", Lf(stored).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void AddPoint(List<string> points, StringBuilder? point)
    {
        if (point is not null && Stored(point.ToString()) is { } text)
        {
            points.Add(text);
        }
    }

    private static void Join(StringBuilder current, string line)
    {
        if (current.Length == 0)
        {
            current.Append(line);
        }
        else if (current[^1] == '-' && current.Length > 1 && char.IsLetter(current[^2]) && char.IsLower(line[0]))
        {
            current.Length--;
            current.Append(line);
        }
        else if (current[^1] == '-' && current.Length > 1 && char.IsLetter(current[^2]))
        {
            current.Append(line);
        }
        else
        {
            current.Append(' ').Append(line);
        }
    }

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>A line without its outer white space and with runs of spaces and tabs made one space (PDFs justify lines).</summary>
    private static string Squeeze(string line) => Spaces().Replace(line.Trim(), " ");

    [GeneratedRegex(@"^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|\([a-zA-Z]{1,4}\)|[a-z]\)|[•\-–—*·▪◦‣])\s+")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
