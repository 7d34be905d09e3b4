using System.Globalization;
using Microsoft.Extensions.Localization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Tests.Infrastructure;

/// <summary>The plural rules against the integer examples CLDR publishes with each rule (plurals.xml, CLDR 46).</summary>
public sealed class PluralsTests
{
    private static readonly Dictionary<string, Dictionary<PluralCategory, string>> Examples = new()
    {
        ["en"] = new() { [PluralCategory.One] = "1", [PluralCategory.Other] = "0, 2~16, 100, 1000, 10000, 100000, 1000000" },
        ["fr"] = new()
        {
            [PluralCategory.One] = "0, 1",
            [PluralCategory.Many] = "1000000, 2000000, 3000000",
            [PluralCategory.Other] = "2~17, 100, 1000, 10000, 100000",
        },
        ["es"] = new()
        {
            [PluralCategory.One] = "1",
            [PluralCategory.Many] = "1000000, 2000000",
            [PluralCategory.Other] = "0, 2~16, 100, 1000, 10000, 100000",
        },
        ["ru"] = new()
        {
            [PluralCategory.One] = "1, 21, 31, 41, 51, 61, 71, 81, 101, 1001",
            [PluralCategory.Few] = "2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002",
            [PluralCategory.Many] = "0, 5~19, 100, 1000, 10000, 100000, 1000000",
        },
        ["ar"] = new()
        {
            [PluralCategory.Zero] = "0",
            [PluralCategory.One] = "1",
            [PluralCategory.Two] = "2",
            [PluralCategory.Few] = "3~10, 103~110, 1003",
            [PluralCategory.Many] = "11~26, 111, 1011",
            [PluralCategory.Other] = "100~102, 200~202, 300~302, 400~402, 500~502, 600, 1000, 10000, 100000, 1000000",
        },
    };

    public static TheoryData<string> Languages => new(Cultures.Supported);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_CLDR_example_falls_in_its_category(string language)
    {
        var wrong = new List<string>();
        foreach (var (category, examples) in Examples[language])
        {
            foreach (var n in Numbers(examples))
            {
                if (Plurals.For(language, n) is var found && found != category)
                {
                    wrong.Add($"{n}: {found}, CLDR says {category}");
                }
            }
        }
        Assert.True(wrong.Count == 0, language + ":\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_category_a_language_has_is_reached_and_listed()
    {
        foreach (var language in Cultures.Supported)
        {
            // Russian "other" is for fractions, which counts never are.
            var reached = Enumerable.Range(0, 3_000_001).Where(n => n < 2000 || n % 1_000_000 == 0).Select(n => Plurals.For(language, n)).Distinct().ToHashSet();
            Assert.Subset(Plurals.Categories[language].ToHashSet(), reached);
            Assert.Equal(Plurals.Categories[language].Except(language == "ru" ? [PluralCategory.Other] : []).Order(), reached.Order());
        }
    }

    [Fact]
    public void A_counted_phrase_takes_the_form_of_its_category()
    {
        var t = new Phrases(new()
        {
            ["{0} documents|zero"] = "لا مستندات",
            ["{0} documents|one"] = "مستند واحد",
            ["{0} documents|two"] = "مستندان",
            ["{0} documents|few"] = "{0} مستندات",
            ["{0} documents|many"] = "{0} مستندًا",
            ["{0} documents|other"] = "{0} مستند",
        });
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("ar");
            Assert.Equal("مستند واحد", t.Plural(1, "{0} document", "{0} documents").Value);
            Assert.Equal("3 مستندات", t.Plural(3, "{0} document", "{0} documents").Value);
            Assert.Equal("11 مستندًا", t.Plural(11, "{0} document", "{0} documents").Value);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
            Assert.Equal("1 document", t.Plural(1, "{0} document", "{0} documents").Value);
            Assert.Equal("2 documents in Rabat", t.Plural(2, "{0} document in {1}", "{0} documents in {1}", "Rabat").Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }
    }

    private static IEnumerable<long> Numbers(string examples)
    {
        foreach (var part in examples.Split(", "))
        {
            var range = part.Split('~');
            var (from, to) = (long.Parse(range[0], CultureInfo.InvariantCulture), long.Parse(range[^1], CultureInfo.InvariantCulture));
            for (var n = from; n <= to; n++)
            {
                yield return n;
            }
        }
    }

    private sealed class Phrases(Dictionary<string, string> entries) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            entries.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            this[name] is var s ? new(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound) : s;

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
