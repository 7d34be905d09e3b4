using RcpHub.Data.Seed;

namespace RcpHub.Domain;

/// <summary>One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195), with
/// its official title in the languages the reference file holds and the page each title was read from.</summary>
public sealed record GcmObjective(int Number, string TitleEn, string? ShortEn, IReadOnlyDictionary<string, string> Titles,
    IReadOnlyDictionary<string, string> ShortTitles, string Source, IReadOnlyDictionary<string, string> TitleSources)
{
    /// <summary>The official title in <paramref name="language"/>, or the English one when the file has none in it: never a
    /// machine translation. <see cref="LocalText.IsEnglishFallback"/> tells the page to mark it (and to set lang="en").</summary>
    public LocalText Title(string language) =>
        Titles.TryGetValue(language, out var title) ? new LocalText(title, language, false) : new LocalText(TitleEn, "en", language != "en");

    /// <summary>The UN Network on Migration's short label in <paramref name="language"/>, else in English, else the number.</summary>
    public LocalText Short(string language) =>
        ShortTitles.TryGetValue(language, out var label) ? new LocalText(label, language, false)
        : new LocalText(ShortEn ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "en", language != "en");

    /// <summary>Where the title shown in <paramref name="language"/> was read.</summary>
    public string SourceOf(string language) => TitleSources.GetValueOrDefault(language) ?? Source;
}

/// <summary>Text in a language, and whether it is the official English text shown because there is none in the reader's.</summary>
public sealed record LocalText(string Text, string Language, bool IsEnglishFallback);

public enum SdgKind
{
    Target,
    Indicator,
}

/// <summary>A migration-related target ("10.7") or indicator ("10.7.2") of the 2030 Agenda, in its official English
/// wording (the reference file has no other language: the text is always shown in English and marked so).</summary>
public sealed record SdgItem(string Code, SdgKind Kind, int Goal, string? Target, string TextEn, string Source);

/// <summary>The two reference lists recommendations are linked to, read once from the files copied into Data/Seed
/// (gcm-objectives.json, sdg-migration-targets.json) with the sources they name. The database stores only the numbers
/// and codes: the lists are the authority on what exists.</summary>
public static class GlobalFrameworks
{
    public const int ObjectiveCount = 23;

    private static readonly Lazy<Loaded> Data = new(Load);

    public static IReadOnlyList<GcmObjective> Objectives => Data.Value.Objectives;

    /// <summary>Targets and indicators in the file's order (each target followed by its indicators).</summary>
    public static IReadOnlyList<SdgItem> Sdg => Data.Value.Sdg;

    /// <summary>The compact's own document symbol and title, for the pages' source line.</summary>
    public static (string Symbol, string Title) GcmDocument => (Data.Value.GcmSymbol, Data.Value.GcmTitle);

    public static string SdgFramework => Data.Value.SdgFramework;

    public static GcmObjective? Objective(int number) => number is >= 1 and <= ObjectiveCount ? Data.Value.Objectives[number - 1] : null;

    /// <summary>How every page, report and export names objective <paramref name="number"/> for a reader of
    /// <paramref name="language"/>: "6. " and its official title (<see cref="GcmObjective.Title"/>: in English, marked by
    /// its language, where the list has none in the reader's); the bare number for one outside the list.</summary>
    public static LocalText ObjectiveName(int number, string language)
    {
        var n = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Objective(number)?.Title(language) is { } title ? title with { Text = $"{n}. {title.Text}" } : new LocalText(n, language, false);
    }

    public static SdgItem? SdgByCode(string? code) =>
        code is not null && Data.Value.SdgByCode.TryGetValue(code.Trim(), out var item) ? item : null;

    private sealed record Loaded(IReadOnlyList<GcmObjective> Objectives, IReadOnlyList<SdgItem> Sdg, IReadOnlyDictionary<string, SdgItem> SdgByCode,
        string GcmSymbol, string GcmTitle, string SdgFramework);

    private static Loaded Load()
    {
        var gcm = RegistrySeeder.Read<GcmFile>("gcm-objectives.json");
        var objectives = gcm.Objectives.OrderBy(o => o.Number).Select(o =>
        {
            var titles = new Dictionary<string, string?> { ["en"] = o.TitleEn, ["fr"] = o.TitleFr, ["es"] = o.TitleEs, ["ru"] = o.TitleRu, ["ar"] = o.TitleAr }
                .Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
            var shorts = new Dictionary<string, string?> { ["en"] = o.ShortEn, ["fr"] = o.ShortFr, ["es"] = o.ShortEs }
                .Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
            var english = o.Sources?.TitleEn?.FirstOrDefault() ?? "https://undocs.org/A/RES/73/195";
            var sources = new Dictionary<string, string> { ["en"] = english };
            if (o.Sources?.TitleFr?.Url is { } fr)
            {
                sources["fr"] = fr;
            }
            if (o.Sources?.TitleEs?.Url is { } es)
            {
                sources["es"] = es;
            }
            return new GcmObjective(o.Number, o.TitleEn, o.ShortEn, titles, shorts, english, sources);
        }).ToList();
        if (objectives.Count != ObjectiveCount || objectives.Select(o => o.Number).Except(Enumerable.Range(1, ObjectiveCount)).Any())
        {
            throw new InvalidDataException($"gcm-objectives.json must list objectives 1 to {ObjectiveCount}.");
        }
        var sdgFile = RegistrySeeder.Read<SdgFile>("sdg-migration-targets.json");
        var sdg = sdgFile.Items.Select(i => new SdgItem(i.Id, i.Kind == "indicator" ? SdgKind.Indicator : SdgKind.Target, i.Goal, i.Target, i.TextEn, i.Source)).ToList();
        return new Loaded(objectives, sdg, sdg.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase),
            gcm.Source.DocumentSymbol, gcm.Source.Title, sdgFile.Source.OfficialFramework);
    }

    private sealed record GcmFile(GcmSource Source, List<GcmEntry> Objectives);

    private sealed record GcmSource(string DocumentSymbol, string Title);

    private sealed record GcmEntry(int Number, string TitleEn, string? ShortEn, string? TitleFr, string? TitleEs, string? TitleRu, string? TitleAr,
        string? ShortFr, string? ShortEs, GcmEntrySources? Sources);

    private sealed record GcmEntrySources(List<string>? TitleEn, GcmTitleSource? TitleFr, GcmTitleSource? TitleEs);

    private sealed record GcmTitleSource(string? Url);

    private sealed record SdgFile(SdgSource Source, List<SdgEntry> Items);

    private sealed record SdgSource(string OfficialFramework);

    private sealed record SdgEntry(string Id, string Kind, int Goal, string? Target, string TextEn, string Source);
}
