using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RcpHub.Infrastructure.Localization;

/// <summary>The CLDR cardinal plural categories (https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules).</summary>
public enum PluralCategory { Zero, One, Two, Few, Many, Other }

/// <summary>The CLDR cardinal plural rules of the interface languages, for whole numbers (the interface counts things; it
/// shows no fractions). Written out rather than read from ICU: .NET exposes no plural rules, and five short rules
/// are easier to check against CLDR's examples (tests/RcpHub.Tests) than a dependency.</summary>
public static class Plurals
{
    /// <summary>The categories each language distinguishes (CLDR), "other" included: each plural phrase needs an entry for
    /// every one of them in that language's resources.</summary>
    public static readonly IReadOnlyDictionary<string, PluralCategory[]> Categories = new Dictionary<string, PluralCategory[]>
    {
        ["en"] = [PluralCategory.One, PluralCategory.Other],
        ["fr"] = [PluralCategory.One, PluralCategory.Many, PluralCategory.Other],
        ["es"] = [PluralCategory.One, PluralCategory.Many, PluralCategory.Other],
        ["ru"] = [PluralCategory.One, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        ["ar"] = [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
    };

    /// <summary>The category of the whole number <paramref name="n"/> in <paramref name="language"/> (two-letter code).</summary>
    public static PluralCategory For(string language, long n)
    {
        // Operands of the rules for a whole number: i = n, v = 0 (no visible fraction digits), e = 0 (no exponent).
        var i = Math.Abs(n);
        return language switch
        {
            "en" => i == 1 ? PluralCategory.One : PluralCategory.Other,
            // one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 ("1 000 000 de documents").
            "fr" => i is 0 or 1 ? PluralCategory.One : Millions(i) ? PluralCategory.Many : PluralCategory.Other,
            // one: n = 1; many: as in French.
            "es" => i == 1 ? PluralCategory.One : Millions(i) ? PluralCategory.Many : PluralCategory.Other,
            // one: v = 0 and i % 10 = 1 and i % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
            // many: v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14); other: fractions only.
            "ru" => (i % 10, i % 100) switch
            {
                (1, not 11) => PluralCategory.One,
                (>= 2 and <= 4, not (>= 12 and <= 14)) => PluralCategory.Few,
                _ => PluralCategory.Many,
            },
            // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99.
            "ar" => i switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ when i % 100 is >= 3 and <= 10 => PluralCategory.Few,
                _ when i % 100 is >= 11 and <= 99 => PluralCategory.Many,
                _ => PluralCategory.Other,
            },
            _ => i == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    private static bool Millions(long i) => i != 0 && i % 1_000_000 == 0;

    /// <summary>The resource key of one category of a plural phrase: its English plural form, a bar, the category
    /// ("{0} documents|few").</summary>
    public static string Key(string other, PluralCategory category) => other + "|" + category.ToString().ToLowerInvariant();

    /// <summary>The phrase's form in each category of the reader's language, unfilled ("{0} минуты на выступление."), for a
    /// script that counts in the browser (Intl.PluralRules gives it the category).</summary>
    public static IEnumerable<(string Category, string Form)> PluralForms(this IStringLocalizer t, string one, string other)
    {
        var language = Cultures.Current;
        foreach (var category in Categories.GetValueOrDefault(language, Categories["en"]))
        {
            var name = category.ToString().ToLowerInvariant();
            yield return language == "en" ? (name, category == PluralCategory.One ? one : other)
                : (name, t[Key(other, category)] is { ResourceNotFound: false } found ? found.Value : other);
        }
    }

    /// <summary>A counted phrase in the reader's language: <c>t.Plural(n, "{0} document", "{0} documents")</c>. English
    /// is written in the call (one, other); every other language has an entry per category of its own under
    /// <see cref="Key"/>. {0} is the count; further arguments are {1}, {2}...</summary>
    public static LocalizedString Plural(this IStringLocalizer t, long count, string one, string other, params object[] more)
    {
        var language = Cultures.Current;
        var category = For(language, count);
        object[] arguments = [count, .. more];
        if (language == "en")
        {
            var english = category == PluralCategory.One ? one : other;
            return new LocalizedString(other, string.Format(CultureInfo.CurrentCulture, english, arguments));
        }
        var found = t[Key(other, category), arguments];
        // A missing category (TranslationCoverageTests prevents it) falls back to the language's "other" form, then to English.
        return found.ResourceNotFound ? t[Key(other, PluralCategory.Other), arguments] is { ResourceNotFound: false } fallback ? fallback
            : new LocalizedString(other, string.Format(CultureInfo.CurrentCulture, other, arguments), true) : found;
    }
}
