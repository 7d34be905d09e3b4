using System.Text;
using System.Text.Encodings.Web;
using RcpHub.Domain;

namespace RcpHub.Features.Search;

/// <summary>An entry whose passage is wanted, with its title and the start of its text as indexed (at most
/// <see cref="MostRead"/> characters of it).</summary>
public sealed record PassageSource(int Id, string Title, string? Body)
{
    public const int MostRead = 20_000;
}

/// <summary>The row a passage query returns.</summary>
public sealed record SearchPassageRow(int EntryId, string? Passage);

/// <summary>Marked passages: the matched words between two private-use characters; the text is HTML-encoded and only
/// then are they turned into &lt;mark&gt;, so that nothing of the text is read as markup. A passage is cut here from the
/// start of the entry's text already read (<see cref="Cut"/>, decision 0046); the engine is asked only for an entry whose
/// words are not found there (<see cref="ISearchEngine.PassagesAsync"/>).</summary>
public static class SearchPassage
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    /// <summary>How many words a passage holds at most (as FTS5's snippet was asked for).</summary>
    public const int Words = 24;

    /// <summary>The passage as HTML, or null when it marks nothing (the match was elsewhere, in the title).</summary>
    public static string? Html(string? passage)
    {
        if (passage is null || !passage.Contains(Open, StringComparison.Ordinal))
        {
            return null;
        }
        var oneLine = string.Join(' ', passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return HtmlEncoder.Default.Encode(oneLine).Replace(Encode(Open), "<mark>", StringComparison.Ordinal)
            .Replace(Encode(Close), "</mark>", StringComparison.Ordinal);
    }

    private static string Encode(char c) => HtmlEncoder.Default.Encode(c.ToString());

    /// <summary>The passages of <paramref name="entries"/> cut here, by entry: every term of <paramref name="query"/> is found
    /// in the entry's title or the start of its text as read, and the passage is the run of <see cref="Words"/> words of the
    /// text that holds the most of them (then the most matches, then the earliest), each match marked; null for an entry
    /// whose text holds none (found by its title). An entry left out (a term not found so: further into a long text, or by
    /// its stem on PostgreSQL) is for the engine to cut.</summary>
    public static Dictionary<int, string?> Cut(SearchQuery query, IEnumerable<PassageSource> entries)
    {
        var cut = new Dictionary<int, string?>();
        foreach (var entry in entries)
        {
            var body = entry.Body is null ? [] : SearchFolding.WordSpans(entry.Body);
            var inBody = entry.Body is null ? [] : Matches(query, entry.Body, body);
            var inTitle = Matches(query, entry.Title, SearchFolding.WordSpans(entry.Title));
            if (Enumerable.Range(0, query.Terms.Count).All(term => inBody.Any(m => m.Term == term) || inTitle.Any(m => m.Term == term)))
            {
                cut[entry.Id] = inBody.Count == 0 ? null : Passage(entry.Body!, body, inBody);
            }
        }
        return cut;
    }

    /// <summary>A term found: the words it covers (a phrase covers several) and which term of the query it is.</summary>
    private readonly record struct Found(int First, int Count, int Term);

    /// <summary>Where each term of <paramref name="query"/> is found among the words of <paramref name="text"/>: a word
    /// searched as a start begins a word; a phrase is its words in a row, each whole but a last one written with a star.
    /// Words are compared folded (<see cref="SearchFolding.Fold"/>), as the engines compare them; a word is folded only
    /// when its first letter may begin one searched for.</summary>
    private static List<Found> Matches(SearchQuery query, string text, List<(int Start, int Length)> tokens)
    {
        var found = new List<Found>();
        var folded = new string?[tokens.Count];
        var terms = query.Terms.Select(t => t.Words.Select(SearchFolding.Fold).ToList()).ToList();
        var firsts = terms.SelectMany(words => words).Where(w => w.Length > 0).Select(w => w[0]).ToHashSet();
        string Folded(int i) => folded[i] ??= MayBegin(i) ? SearchFolding.Fold(text.AsSpan(tokens[i].Start, tokens[i].Length)) : "";
        bool MayBegin(int i)
        {
            var first = text[tokens[i].Start];
            if (char.IsAscii(first))
            {
                return firsts.Contains(char.ToLowerInvariant(first));
            }
            Rune.DecodeFromUtf16(text.AsSpan(tokens[i].Start), out var rune, out _);
            return SearchFolding.Fold(rune) is not [var initial, ..] || firsts.Contains(initial);
        }
        for (var term = 0; term < terms.Count; term++)
        {
            var words = terms[term];
            var prefix = query.Terms[term].Prefix;
            for (var i = 0; i + words.Count <= tokens.Count; i++)
            {
                var all = true;
                for (var w = 0; w < words.Count && all; w++)
                {
                    var token = Folded(i + w);
                    all = token.Length > 0 && (prefix && w == words.Count - 1 ? token.StartsWith(words[w], StringComparison.Ordinal) : token == words[w]);
                }
                if (all)
                {
                    found.Add(new Found(i, words.Count, term));
                }
            }
        }
        return found;
    }

    /// <summary>The run of <see cref="Words"/> words holding the most terms, then the most matches, then the earliest; the
    /// text between its words kept as written, the matches marked, an ellipsis where the text goes on.</summary>
    private static string Passage(string text, List<(int Start, int Length)> tokens, List<Found> found)
    {
        found.Sort((a, b) => a.First.CompareTo(b.First));
        // Each run starting at the text's start or two words before a match, earliest first, counted in one pass over the
        // matches (a text may hold thousands of a common word): those entering the run at its end, leaving it at its start.
        var fitting = found.Where(f => f.Count <= Words).ToList();
        var inRun = new int[found.Max(f => f.Term) + 1];
        var (best, bestScore, first, next, terms) = (0, -1, 0, 0, 0);
        foreach (var from in fitting.Select(f => Math.Max(0, f.First - 2)).Prepend(0).Distinct().Order())
        {
            for (; next < fitting.Count && fitting[next].First + fitting[next].Count <= from + Words; next++)
            {
                terms += inRun[fitting[next].Term]++ == 0 ? 1 : 0;
            }
            for (; first < next && fitting[first].First < from; first++)
            {
                terms -= --inRun[fitting[first].Term] == 0 ? 1 : 0;
            }
            var score = (terms * 10_000) + (next - first);
            if (score > bestScore)
            {
                (best, bestScore) = (from, score);
            }
        }
        var last = Math.Min(tokens.Count, best + Words) - 1;
        var marked = new bool[tokens.Count];
        foreach (var f in found.Where(f => f.First >= best && f.First + f.Count - 1 <= last))
        {
            for (var i = f.First; i < f.First + f.Count; i++)
            {
                marked[i] = true;
            }
        }
        var passage = new StringBuilder(best > 0 ? "…" : "");
        for (var i = best; i <= last; i++)
        {
            if (i > best)
            {
                passage.Append(text, tokens[i - 1].Start + tokens[i - 1].Length, tokens[i].Start - tokens[i - 1].Start - tokens[i - 1].Length);
            }
            var word = text.Substring(tokens[i].Start, tokens[i].Length);
            passage.Append(marked[i] ? Open + word + Close : word);
        }
        // The text's own ending (a full stop) when the passage reaches it, an ellipsis when it goes on (past what was read too).
        passage.Append(last == tokens.Count - 1 && text.Length < PassageSource.MostRead ? text[(tokens[last].Start + tokens[last].Length)..].TrimEnd() : "…");
        return passage.ToString();
    }
}
