using DiffPlex;
using DiffPlex.Chunkers;

namespace RcpHub.Features.Outputs;

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

/// <summary>The difference between two versions of an output, paragraph by paragraph: paragraphs are matched first
/// (so that a paragraph inserted in the middle does not mark every later one as changed), then the words of each
/// changed pair are compared.</summary>
public static class OutputDiff
{
    public static IReadOnlyList<DiffParagraph> Compare(string older, string newer)
    {
        var a = OutputText.Paragraphs(older);
        var b = OutputText.Paragraphs(newer);
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
