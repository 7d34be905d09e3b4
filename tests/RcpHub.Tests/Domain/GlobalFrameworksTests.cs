using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

/// <summary>The two reference lists as the project ships them: the 23 GCM objectives with their sources, and the SDG
/// targets and indicators with theirs; a title missing in a language is the official English one, marked.</summary>
public sealed class GlobalFrameworksTests
{
    [Fact]
    public void The_compact_has_its_23_objectives_each_with_an_english_title_and_a_source()
    {
        Assert.Equal(23, GlobalFrameworks.Objectives.Count);
        Assert.Equal(Enumerable.Range(1, 23), GlobalFrameworks.Objectives.Select(o => o.Number));
        Assert.All(GlobalFrameworks.Objectives, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.TitleEn));
            Assert.StartsWith("http", o.Source, StringComparison.Ordinal);
        });
        Assert.Null(GlobalFrameworks.Objective(0));
        Assert.Null(GlobalFrameworks.Objective(24));
    }

    [Fact]
    public void A_title_missing_in_a_language_is_the_official_english_one_marked_as_such()
    {
        var six = GlobalFrameworks.Objective(6)!;
        var russian = six.Title("ru");
        Assert.Equal(six.TitleEn, russian.Text);
        Assert.Equal("en", russian.Language);
        Assert.True(russian.IsEnglishFallback);

        var french = six.Title("fr");
        Assert.Equal("fr", french.Language);
        Assert.False(french.IsEnglishFallback);
        Assert.NotEqual(six.TitleEn, french.Text);

        Assert.False(six.Title("en").IsEnglishFallback);
    }

    [Fact]
    public void Every_sdg_indicator_belongs_to_a_listed_target_and_codes_are_unique()
    {
        var codes = GlobalFrameworks.Sdg.Select(i => i.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("10.7", codes);
        Assert.Contains("10.7.2", codes);
        Assert.All(GlobalFrameworks.Sdg.Where(i => i.Kind == SdgKind.Indicator), i => Assert.NotNull(GlobalFrameworks.SdgByCode(i.Target)));
        Assert.All(GlobalFrameworks.Sdg, i => Assert.StartsWith("http", i.Source, StringComparison.Ordinal));
        Assert.Null(GlobalFrameworks.SdgByCode("10.99"));
        Assert.Equal("10.c", GlobalFrameworks.SdgByCode(" 10.C ")!.Code);
    }
}
