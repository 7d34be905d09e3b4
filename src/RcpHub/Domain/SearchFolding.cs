using System.Globalization;
using System.Text;

namespace RcpHub.Domain;

/// <summary>The form in which text is stored for search and in which queries are matched against it: lower case
/// (invariant), without diacritics (decomposed, combining marks dropped) and with every run of white space as one
/// space. Computed here rather than by the database because SQLite's lower() and LIKE fold ASCII only, while
/// French, Spanish, Russian and Arabic text must match alike on SQLite and PostgreSQL.</summary>
public static class SearchFolding
{
    public static string Fold(string text) => Folded(text, withOrigins: false).Text;

    /// <summary>Folds <paramref name="text"/> when there is one: for nullable columns.</summary>
    public static string? FoldOrNull(string? text) => text is null ? null : Fold(text);

    /// <summary><paramref name="text"/> composed (NFC) and without the combining marks left after that: Arabic vowel
    /// signs and the like, which the full-text engines' tokenizers take for word breaks. Latin, Cyrillic and Greek
    /// letters with accents compose to single letters and are kept (the engines fold those themselves).</summary>
    public static string WithoutMarks(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        if (!composed.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
        {
            return composed;
        }
        var kept = new StringBuilder(composed.Length);
        foreach (var c in composed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)))
        {
            kept.Append(c);
        }
        return kept.ToString();
    }

    /// <summary>Words indexed and looked up are cut to this length: a longer one is found by its start.</summary>
    public const int MaxWordLength = 40;

    /// <summary>The distinct words of <paramref name="folded"/> (already <see cref="Fold"/>ed): runs of letters, digits and
    /// marks, cut at <see cref="MaxWordLength"/> (never inside a surrogate pair); single characters are left out, as
    /// nobody searches for one.</summary>
    public static IReadOnlyList<string> Words(string folded)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        var index = 0;
        foreach (var rune in folded.EnumerateRunes())
        {
            var inWord = Rune.IsLetterOrDigit(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (inWord && start < 0)
            {
                start = index;
            }
            else if (!inWord && start >= 0)
            {
                Keep(folded[start..index]);
                start = -1;
            }
            index += rune.Utf16SequenceLength;
        }
        if (start >= 0)
        {
            Keep(folded[start..]);
        }
        return words;

        void Keep(string word)
        {
            if (word.Length > MaxWordLength)
            {
                word = word[..(char.IsHighSurrogate(word[MaxWordLength - 1]) ? MaxWordLength - 1 : MaxWordLength)];
            }
            if (word.Length > 1 && seen.Add(word))
            {
                words.Add(word);
            }
        }
    }

    /// <summary>The least string above every string that starts with <paramref name="prefix"/> (in code-point order): a
    /// prefix is then a range, <c>prefix &lt;= word &lt; PrefixEnd(prefix)</c>, that an index answers.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>A short passage of <paramref name="text"/> around the first place where <paramref name="foldedQuery"/>
    /// matches, in the text's own spelling, cut at word boundaries; null when it does not match.</summary>
    public static string? Snippet(string text, string foldedQuery, int radius = 80)
    {
        var (folded, origins) = Folded(text, withOrigins: true);
        var at = foldedQuery.Length == 0 ? -1 : folded.IndexOf(foldedQuery, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var start = origins![at].Start;
        var end = origins[at + foldedQuery.Length - 1].End;
        var from = Math.Max(0, start - radius);
        var to = Math.Min(text.Length, end + radius);
        // Cut between words, and never inside a surrogate pair.
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }
        while (to < text.Length && to > end && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }
        var passage = string.Join(' ', text[from..to].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (from > 0 ? "… " : "") + passage + (to < text.Length ? " …" : "");
    }

    /// <summary>The folded text, and for each of its characters the span of <paramref name="text"/> it comes from.</summary>
    private static (string Text, List<(int Start, int End)>? Origins) Folded(string text, bool withOrigins)
    {
        var folded = new StringBuilder(text.Length);
        var origins = withOrigins ? new List<(int, int)>(text.Length) : null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var span = (index, index + rune.Utf16SequenceLength);
            index += rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune))
            {
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                    origins?.Add(span);
                }
                continue;
            }
            if (rune.IsAscii)
            {
                folded.Append(char.ToLowerInvariant((char)rune.Value));
                origins?.Add(span);
                continue;
            }
            foreach (var part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
            {
                if (Rune.GetUnicodeCategory(part) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }
                var lower = Rune.ToLowerInvariant(part).ToString();
                folded.Append(lower);
                for (var i = 0; i < lower.Length; i++)
                {
                    origins?.Add(span);
                }
            }
        }
        if (folded.Length > 0 && folded[^1] == ' ')
        {
            folded.Length--;
            origins?.RemoveAt(origins.Count - 1);
        }
        return (folded.ToString(), origins);
    }
}
