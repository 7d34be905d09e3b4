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

    [Theory]
    [InlineData("declaration de rabat, 2024 : l'union (rabat)", "declaration|de|rabat|2024|union")]
    [InlineData("трудовая миграция и права", "трудовая|миграция|права")]
    [InlineData("الهجرة النظامية في المنطقة", "الهجرة|النظامية|في|المنطقة")]
    [InlineData("co-operation_plan n° 5", "co|operation|plan")]
    [InlineData("हिंदी भाषा", "हिंदी|भाषा")]
    [InlineData(" - . ", "")]
    public void The_words_of_folded_text_are_its_distinct_runs_of_letters_and_digits_of_two_characters_or_more(string folded, string words) =>
        Assert.Equal(words.Split('|', StringSplitOptions.RemoveEmptyEntries), SearchFolding.Words(folded));

    [Fact]
    public void A_long_word_is_kept_by_its_start_and_never_cut_inside_a_surrogate_pair()
    {
        Assert.Equal([new string('a', SearchFolding.MaxWordLength)], SearchFolding.Words(new string('a', 60)));
        var emoji = new string('a', SearchFolding.MaxWordLength - 1) + "𝐀𝐀";
        Assert.Equal([new string('a', SearchFolding.MaxWordLength - 1)], SearchFolding.Words(emoji));
    }

    [Theory]
    [InlineData("labo", "labp", "labour\uffff", "labp")]
    [InlineData("миграц", "миграч", "миграция", "миграч")]
    public void A_prefix_is_the_range_from_itself_to_its_end(string prefix, string end, string inside, string outside)
    {
        Assert.Equal(end, SearchFolding.PrefixEnd(prefix));
        Assert.True(string.CompareOrdinal(prefix, inside) <= 0 && string.CompareOrdinal(inside, end) < 0);
        Assert.False(string.CompareOrdinal(outside, end) < 0);
    }
}
