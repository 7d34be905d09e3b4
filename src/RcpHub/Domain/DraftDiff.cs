using Microsoft.EntityFrameworkCore;
using DiffPlex;
using DiffPlex.Chunkers;

namespace RcpHub.Domain;

public enum DiffPieceKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of words that is the same in both versions, or inserted in the newer one, or deleted from the older one.</summary>
public sealed record DiffPiece(DiffPieceKind Kind, string Text);

/// <summary>One paragraph of the comparison: its number in the older and in the newer version (null where it is not in
/// that version), and its words marked.</summary>
public sealed record DiffParagraph(int? From, int? To, IReadOnlyList<DiffPiece> Pieces)
{
    public bool Changed => Pieces.Any(p => p.Kind != DiffPieceKind.Same);
}

/// <summary>The difference between two versions of a draft (an output, a caucus position), paragraph by paragraph: paragraphs are matched first
/// (so that a paragraph inserted in the middle does not mark every later one as changed), then the words of each
/// changed pair are compared.</summary>
public static class DraftDiff
{
    public static IReadOnlyList<DiffParagraph> Compare(string older, string newer)
    {
        var a = DraftText.Paragraphs(older);
        var b = DraftText.Paragraphs(newer);
        // One line per paragraph: a paragraph's own line breaks do not count as paragraphs.
        var result = Differ.Instance.CreateDiffs(string.Join('\n', a.Select(Flat)), string.Join('\n', b.Select(Flat)), false, false, LineChunker.Instance);
        var paragraphs = new List<DiffParagraph>();
        var (i, j) = (0, 0);
        foreach (var block in result.DiffBlocks)
        {
            for (; j < block.InsertStartB; i++, j++)
            {
                paragraphs.Add(new(i + 1, j + 1, [new(DiffPieceKind.Same, b[j])]));
            }
            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var k = 0; k < paired; k++)
            {
                paragraphs.Add(new(block.DeleteStartA + k + 1, block.InsertStartB + k + 1, Words(a[block.DeleteStartA + k], b[block.InsertStartB + k])));
            }
            for (var k = paired; k < block.DeleteCountA; k++)
            {
                paragraphs.Add(new(block.DeleteStartA + k + 1, null, [new(DiffPieceKind.Deleted, a[block.DeleteStartA + k])]));
            }
            for (var k = paired; k < block.InsertCountB; k++)
            {
                paragraphs.Add(new(null, block.InsertStartB + k + 1, [new(DiffPieceKind.Inserted, b[block.InsertStartB + k])]));
            }
            (i, j) = (block.DeleteStartA + block.DeleteCountA, block.InsertStartB + block.InsertCountB);
        }
        for (; j < b.Count; i++, j++)
        {
            paragraphs.Add(new(i + 1, j + 1, [new(DiffPieceKind.Same, b[j])]));
        }
        return paragraphs;
    }

    private static string Flat(string paragraph) => paragraph.Replace('\n', ' ');

    /// <summary>The words of two versions of one paragraph, marked; runs of one kind joined.</summary>
    private static List<DiffPiece> Words(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, false, false, WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        void Add(DiffPieceKind kind, IEnumerable<string> words)
        {
            var text = string.Concat(words);
            if (text.Length == 0)
            {
                return;
            }
            if (pieces.Count > 0 && pieces[^1].Kind == kind)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            }
            else
            {
                pieces.Add(new(kind, text));
            }
        }
        var j = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffPieceKind.Same, result.PiecesNew.Skip(j).Take(block.InsertStartB - j));
            Add(DiffPieceKind.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffPieceKind.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            j = block.InsertStartB + block.InsertCountB;
        }
        Add(DiffPieceKind.Same, result.PiecesNew.Skip(j));
        return pieces;
    }
}

/// <summary>Version <paramref name="From"/> of a draft compared with version <paramref name="To"/> (of <paramref name="Latest"/>).</summary>
public sealed record DraftComparison(int From, int To, int Latest, IReadOnlyList<DiffParagraph> Paragraphs);

/// <summary>A version's number and text, as <see cref="DraftComparisons.CompareAsync"/> reads them (a class with settable
/// members so that the database can still filter on them after the projection).</summary>
public sealed class DraftVersionText
{
    public int Number { get; init; }
    public string Text { get; init; } = "";
}

public static class DraftComparisons
{
    /// <summary>Two versions of one draft compared; the older defaults to the one before the newer, the newer to the latest.
    /// Null when the draft has no version or a version named does not exist.</summary>
    public static async Task<DraftComparison?> CompareAsync(IQueryable<DraftVersionText> versions, int? from, int? to, CancellationToken ct)
    {
        var latest = await versions.MaxAsync(v => (int?)v.Number, ct);
        if (latest is null)
        {
            return null;
        }
        var newer = to ?? latest.Value;
        var older = from ?? Math.Max(1, newer - 1);
        var texts = await versions.Where(v => v.Number == older || v.Number == newer).ToListAsync(ct);
        if (texts.All(v => v.Number != older) || texts.All(v => v.Number != newer))
        {
            return null;
        }
        return new DraftComparison(older, newer, latest.Value,
            DraftDiff.Compare(texts.Single(v => v.Number == older).Text, texts.Single(v => v.Number == newer).Text));
    }
}
