using System.Globalization;
using System.Text;

namespace RcpHub.Domain;

/// <summary>How search reads words alike in every language: <see cref="Fold"/> (lower case, invariant, without
/// diacritics, white space as single spaces) measures whether a query has enough to search for; <see cref="WithoutMarks"/>
/// and <see cref="Words"/> prepare text and queries for the databases' engines (decision 0031), whose tokenizers must
/// split French, Spanish, Russian and Arabic text alike on SQLite and PostgreSQL.</summary>
public static class SearchFolding
{
    public static string Fold(string text) => Fold(text.AsSpan());

    /// <summary><see cref="Fold(string)"/> of part of a text, without copying it out first.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                }
                continue;
            }
            if (rune.IsAscii)
            {
                folded.Append(char.ToLowerInvariant((char)rune.Value));
                continue;
            }
            folded.Append(Fold(rune));
        }
        if (folded.Length > 0 && folded[^1] == ' ')
        {
            folded.Length--;
        }
        return folded.ToString();
    }

    /// <summary>One letter folded (lower case, without its diacritics): empty for a mark alone. A letter of the Basic
    /// Multilingual Plane is decomposed once, the first time it is met, and held: a page of results folds the words of
    /// twenty texts in Arabic, Russian or French, and decomposing each letter anew made several strings a letter.</summary>
    public static string Fold(Rune rune)
    {
        if (rune.IsBmp && FoldedLetters[rune.Value] is { } held)
        {
            return held;
        }
        var parts = new StringBuilder(2);
        foreach (var part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(part) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                parts.Append(Rune.ToLowerInvariant(part).ToString());
            }
        }
        var folded = parts.ToString();
        if (rune.IsBmp)
        {
            // Two threads folding the same letter at once both write the same text: either one may stay.
            FoldedLetters[rune.Value] = folded;
        }
        return folded;
    }

    private static readonly string?[] FoldedLetters = new string?[char.MaxValue + 1];

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
        foreach (var (start, length) in WordSpans(folded))
        {
            Keep(folded.Substring(start, length));
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

    /// <summary>Where each word of <paramref name="text"/> starts and how long it is, in order: runs of letters, digits and
    /// marks, as the engines' tokenizers split text (<see cref="Words"/> is these, folded text's, distinct and cut).</summary>
    public static List<(int Start, int Length)> WordSpans(string text)
    {
        var spans = new List<(int Start, int Length)>();
        var start = -1;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var inWord = Rune.IsLetterOrDigit(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (inWord && start < 0)
            {
                start = index;
            }
            else if (!inWord && start >= 0)
            {
                spans.Add((start, index - start));
                start = -1;
            }
            index += rune.Utf16SequenceLength;
        }
        if (start >= 0)
        {
            spans.Add((start, text.Length - start));
        }
        return spans;
    }
}
