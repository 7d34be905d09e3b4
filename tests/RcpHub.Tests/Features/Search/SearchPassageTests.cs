using RcpHub.Features.Search;

namespace RcpHub.Tests.Features.Search;

/// <summary>Passages cut from the text already read (decision 0046), as a reader sees them: the words searched marked, the
/// run of words that holds them, an ellipsis where the text goes on.</summary>
public sealed class SearchPassageTests
{
    /// <summary>The passage with its marks as [ and ].</summary>
    private static string Marked(string query, string title, string? body) =>
        SearchPassage.Cut(SearchQuery.Parse(query), [new PassageSource(1, title, body)]) is var cut && cut.TryGetValue(1, out var passage)
            ? passage?.Replace(SearchPassage.Open, '[').Replace(SearchPassage.Close, ']') ?? "(found by its title)"
            : "(for the engine)";

    [Fact]
    public void A_word_is_marked_where_it_begins_a_word_whatever_its_case_and_accents() =>
        Assert.Equal("Les ministres ont adopté la [Déclaration] sur la [migration] de main-d’œuvre.",
            Marked("declaration MIGRA", "Note", "Les ministres ont adopté la Déclaration sur la migration de main-d’œuvre."));

    [Fact]
    public void A_phrase_is_marked_only_where_its_words_follow_each_other() =>
        Assert.Equal("Labour and migration; [labour] [migration] statistics.",
            Marked("\"labour migration\"", "Note", "Labour and migration; labour migration statistics."));

    [Fact]
    public void The_passage_is_the_run_of_words_that_holds_the_most_words_searched_with_an_ellipsis_where_the_text_goes_on()
    {
        var filler = string.Concat(Enumerable.Repeat("regional dialogue ", 30));
        var passage = Marked("quokka budget", "Note", $"The quokka opens. {filler}The quokka budget was agreed in Rabat. {filler}End.");
        Assert.StartsWith("…dialogue The [quokka] [budget] was agreed in Rabat. regional dialogue", passage, StringComparison.Ordinal);
        Assert.EndsWith("…", passage, StringComparison.Ordinal);
        Assert.Equal(SearchPassage.Words, passage.Trim('…').Split(' ').Length);
    }

    [Fact]
    public void The_text_is_encoded_around_the_marks() =>
        Assert.Equal("Fish &amp; chips &lt;b&gt;<mark>quokkaplan</mark>&lt;/b&gt; for the panel.",
            SearchPassage.Html(SearchPassage.Cut(SearchQuery.Parse("quokkaplan"), [new PassageSource(1, "Brief", "Fish & chips <b>quokkaplan</b> for the panel.")])[1]));

    [Fact]
    public void Arabic_and_russian_words_are_marked() =>
        Assert.Equal("تعزيز [الهجرة] النظامية. [Трудовая] миграция.", Marked("الهجرة трудовая", "Note", "تعزيز الهجرة النظامية. Трудовая миграция."));

    [Fact]
    public void An_entry_found_by_its_title_alone_has_no_passage() =>
        Assert.Equal("(found by its title)", Marked("quokkaplan", "The quokkaplan brief", "A note on regional cooperation."));

    [Fact]
    public void An_entry_whose_word_is_not_in_what_was_read_is_left_to_the_engine()
    {
        Assert.Equal("(for the engine)", Marked("saxifrage", "Note", "Networks of cities on mobility."));
        Assert.Equal("(for the engine)", Marked("migrants", "Note", "The migrant worker programme."));
    }

    [Fact]
    public void A_text_full_of_the_word_searched_gives_the_earliest_run_that_holds_both_words_and_the_most_matches()
    {
        var text = string.Concat(Enumerable.Repeat("migration ", 2_000)) + "the quokka migration plan.";
        Assert.Equal("…" + string.Join(' ', Enumerable.Repeat("[migration]", 22)) + " the [quokka]…", Marked("quokka migration", "Note", text));
    }
}
