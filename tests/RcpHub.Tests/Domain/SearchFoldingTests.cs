using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class SearchFoldingTests
{
    [Theory]
    [InlineData("Déclaration de Rabat", "declaration de rabat")]
    [InlineData("MIGRACIÓN Laboral, Niños", "migracion laboral, ninos")]
    [InlineData("ТРУДОВАЯ Миграция", "трудовая миграция")]
    [InlineData("Ёлка", "елка")]
    [InlineData("الهِجْرَة", "الهجرة")]
    [InlineData("  Coopération\r\n\t régionale  ", "cooperation regionale")]
    [InlineData("Cooperación", "cooperacion")]
    public void Folds_case_accents_and_spacing(string text, string folded) => Assert.Equal(folded, SearchFolding.Fold(text));

    [Fact]
    public void A_letter_written_with_a_separate_accent_folds_like_the_precomposed_one() =>
        Assert.Equal(SearchFolding.Fold("D\u00e9claration"), SearchFolding.Fold("De\u0301claration"));

    [Fact]
    public void Text_outside_the_basic_plane_and_broken_surrogates_do_not_fail() =>
        Assert.Equal("a😀b\ufffdc", SearchFolding.Fold("A😀B\ud800C"));

    [Fact]
    public void A_snippet_shows_the_text_around_the_match_in_its_own_spelling()
    {
        var text = string.Join(' ', Enumerable.Repeat("préambule", 30)) + " la DÉCLARATION   de Rabat " + string.Join(' ', Enumerable.Repeat("annexe", 30));
        var snippet = SearchFolding.Snippet(text, SearchFolding.Fold("declaration de"), radius: 20)!;
        Assert.Contains("DÉCLARATION de Rabat", snippet, StringComparison.Ordinal);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 80, snippet);
        // Cut between words, never inside one.
        Assert.DoesNotContain(snippet.Split(' '), w => w.Length > 0 && w != "…" && !text.Contains(w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_snippet_of_short_text_is_the_whole_text_and_none_is_made_without_a_match()
    {
        Assert.Equal("Трудовая миграция", SearchFolding.Snippet("Трудовая миграция", "миграция"));
        Assert.Null(SearchFolding.Snippet("Трудовая миграция", "rabat"));
        Assert.Null(SearchFolding.Snippet("Трудовая миграция", ""));
    }
}
