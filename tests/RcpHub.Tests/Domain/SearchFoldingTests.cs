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
    public void A_letter_folds_the_same_each_time_it_is_met_and_a_mark_alone_folds_to_nothing()
    {
        // A letter's folding is held once made: the second answer must be the first.
        Assert.Equal(["e", "e"], [SearchFolding.Fold(new System.Text.Rune('É')), SearchFolding.Fold(new System.Text.Rune('É'))]);
        Assert.Equal("и", SearchFolding.Fold(new System.Text.Rune('Й')));
        Assert.Equal("", SearchFolding.Fold(new System.Text.Rune('\u0301')));
        Assert.Equal("𝐀", SearchFolding.Fold(new System.Text.Rune(0x1d400)));
        Assert.Equal("миграция", SearchFolding.Fold("ТРУДОВАЯ Миграция".AsSpan(9)));
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
}
