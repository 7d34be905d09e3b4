using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Recommendations;

/// <summary>An output as the recommendation pages name it.</summary>
public sealed record OutputHeading(int Id, int ProcessId, string Title, OutputKind Kind, MeetingAudience Audience, string OriginalLanguage, DateOnly? AdoptedOn, int? MeetingId)
{
    public bool IsDraft => AdoptedOn is null;
}

public sealed record NamedState(string Code, string Name);

public sealed record ThemeRef(int Id, string Name);

public sealed record TranslationView(string Language, string Text, TranslationStatus Status);

/// <summary>Where a carried recommendation was raised: the point of a session report's version.</summary>
public sealed record RecommendationOrigin(int MeetingId, string MeetingTitle, int SessionId, int SessionPosition, string SessionTitle, int ReportVersion, int Point);

/// <summary>A recommendation with everything its page shows.</summary>
public sealed record RecommendationDetails(
    int Id, int Number, string OriginalLanguage, string Text, bool ToAllMembers, bool ToSecretariat, bool ToCivilSociety,
    IReadOnlyList<NamedState> States, IReadOnlyList<TranslationView> Translations, IReadOnlyList<ThemeRef> Themes,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> SdgTargets, int? SourcePointId)
{
    /// <summary>The text to show a reader of <paramref name="language"/>: its translation when there is one, else the original.</summary>
    public ShownText In(string language) => Shown(language, OriginalLanguage, Text, Translations.FirstOrDefault(x => x.Language == language));

    public static ShownText Shown(string language, string originalLanguage, string original, TranslationView? translation) =>
        language == originalLanguage || translation is null
            ? new ShownText(original, originalLanguage, IsOriginal: true, Status: null, Missing: language != originalLanguage)
            : new ShownText(translation.Text, translation.Language, IsOriginal: false, translation.Status, Missing: false);
}

/// <summary>Text as shown: a translation with its status, or the original (<see cref="Missing"/> when the reader's
/// language has no translation, which the page marks).</summary>
public sealed record ShownText(string Text, string Language, bool IsOriginal, TranslationStatus? Status, bool Missing);

/// <summary>A recommendation in a list across processes (the GCM and SDG pages).</summary>
public sealed record LinkedRecommendation(
    string ProcessSlug, string ProcessAcronym, int OutputId, string OutputTitle, int Number, string OriginalLanguage, string Text,
    string? Translation, TranslationStatus? TranslationStatus)
{
    public ShownText In(string language) => RecommendationDetails.Shown(language, OriginalLanguage, Text,
        Translation is null ? null : new TranslationView(language, Translation, TranslationStatus ?? Domain.TranslationStatus.Draft));
}

/// <summary>What a session report's recommendation point became: the recommendation it was carried into.</summary>
public sealed record CarriedPoint(int PointId, string ProcessSlug, int OutputId, string OutputTitle, int Number);

/// <summary>Reads recommendations, always through <see cref="OutputAccess"/>: a recommendation of an output the reader may
/// not read is neither shown nor counted anywhere.</summary>
public static class RecommendationQueries
{
    public static Task<OutputHeading?> OutputAsync(AppDbContext db, MeetingReader reader, int processId, int outputId, CancellationToken ct) =>
        db.Outputs.AsNoTracking()
            .Where(OutputAccess.VisibleTo(reader))
            .Where(o => o.Id == outputId && o.ProcessId == processId)
            .Select(o => new OutputHeading(o.Id, o.ProcessId, o.Title, o.Kind, o.Audience, o.OriginalLanguage, o.AdoptedOn, o.MeetingId))
            .SingleOrDefaultAsync(ct);

    /// <summary>The recommendations of an output the reader may read, in number order.</summary>
    public static async Task<IReadOnlyList<RecommendationDetails>> ListAsync(AppDbContext db, int outputId, string language, CancellationToken ct) =>
        await Details(db).Where(r => r.OutputId == outputId).OrderBy(r => r.Number).Select(AsDetails(language)).ToListAsync(ct);

    public static Task<RecommendationDetails?> OneAsync(AppDbContext db, int outputId, int number, string language, CancellationToken ct) =>
        Details(db).Where(r => r.OutputId == outputId && r.Number == number).Select(AsDetails(language)).SingleOrDefaultAsync(ct);

    private static IQueryable<Recommendation> Details(AppDbContext db) => db.Recommendations.AsNoTracking();

    private static System.Linq.Expressions.Expression<Func<Recommendation, RecommendationDetails>> AsDetails(string language) => r => new RecommendationDetails(
        r.Id, r.Number, r.OriginalLanguage, r.Text, r.ToAllMembers, r.ToSecretariat, r.ToCivilSociety,
        r.States.OrderBy(s => s.StateCode).Select(s => new NamedState(s.StateCode,
            language == "fr" ? s.State!.NameFr : language == "es" ? s.State!.NameEs : language == "ru" ? s.State!.NameRu : language == "ar" ? s.State!.NameAr : s.State!.NameEn)).ToList(),
        r.Translations.OrderBy(x => x.Language).Select(x => new TranslationView(x.Language, x.Text, x.Status)).ToList(),
        r.Themes.OrderBy(x => x.Theme!.Name).Select(x => new ThemeRef(x.ThemeId, x.Theme!.Name)).ToList(),
        r.GcmObjectives.OrderBy(g => g.Objective).Select(g => g.Objective).ToList(),
        r.SdgTargets.OrderBy(s => s.Code).Select(s => s.Code).ToList(),
        r.SourcePointId);

    /// <summary>Where a carried recommendation was raised, when the reader may see that meeting.</summary>
    public static Task<RecommendationOrigin?> OriginAsync(AppDbContext db, MeetingReader reader, int pointId, CancellationToken ct)
    {
        var meetings = db.Meetings.Where(MeetingAccess.VisibleTo(reader)).Select(m => m.Id);
        return db.SessionReportVersions.AsNoTracking()
            .Where(v => v.Points.Any(p => p.Id == pointId) && meetings.Contains(v.Session!.MeetingId))
            .Select(v => new RecommendationOrigin(v.Session!.MeetingId, v.Session.Meeting!.Title, v.SessionId, v.Session.Position, v.Session.Title, v.Number,
                v.Points.Where(p => p.Id == pointId).Select(p => p.Position).First()))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>How many recommendations the reader may read are linked to each GCM objective.</summary>
    public static async Task<Dictionary<int, int>> GcmCountsAsync(AppDbContext db, MeetingReader reader, CancellationToken ct) =>
        await db.Outputs.VisibleRecommendations(reader).SelectMany(r => r.GcmObjectives)
            .GroupBy(g => g.Objective).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>How many recommendations the reader may read are linked to each SDG target or indicator.</summary>
    public static async Task<Dictionary<string, int>> SdgCountsAsync(AppDbContext db, MeetingReader reader, CancellationToken ct) =>
        await db.Outputs.VisibleRecommendations(reader).SelectMany(r => r.SdgTargets)
            .GroupBy(s => s.Code).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.OrdinalIgnoreCase, ct);

    public static Task<List<LinkedRecommendation>> LinkedToObjectiveAsync(AppDbContext db, MeetingReader reader, int objective, string language, CancellationToken ct) =>
        Linked(db.Outputs.VisibleRecommendations(reader).Where(r => r.GcmObjectives.Any(g => g.Objective == objective)), language).ToListAsync(ct);

    public static Task<List<LinkedRecommendation>> LinkedToSdgAsync(AppDbContext db, MeetingReader reader, string code, string language, CancellationToken ct) =>
        Linked(db.Outputs.VisibleRecommendations(reader).Where(r => r.SdgTargets.Any(s => s.Code == code)), language).ToListAsync(ct);

    private static IQueryable<LinkedRecommendation> Linked(IQueryable<Recommendation> recommendations, string language) =>
        recommendations.AsNoTracking()
            .OrderBy(r => r.Output!.Process!.Acronym).ThenBy(r => r.OutputId).ThenBy(r => r.Number)
            .Select(r => new LinkedRecommendation(r.Output!.Process!.Slug, r.Output.Process.Acronym, r.OutputId, r.Output.Title, r.Number, r.OriginalLanguage, r.Text,
                r.Translations.Where(x => x.Language == language).Select(x => x.Text).FirstOrDefault(),
                r.Translations.Where(x => x.Language == language).Select(x => (TranslationStatus?)x.Status).FirstOrDefault()));

    /// <summary>The member states of the process today and the themes, for the form.</summary>
    public static async Task<(IReadOnlyList<NamedState> States, IReadOnlyList<ThemeRef> Themes)> ChoicesAsync(
        AppDbContext db, TimeProvider clock, int processId, string language, CancellationToken ct)
    {
        var members = db.Memberships.MemberStatesOf(processId, clock.Today());
        var states = await db.States.AsNoTracking().Where(s => members.Contains(s.Code)).ToListAsync(ct);
        var themes = await db.Set<Theme>().AsNoTracking().OrderBy(x => x.Name).Select(x => new ThemeRef(x.Id, x.Name)).ToListAsync(ct);
        return (states.Select(s => new NamedState(s.Code, s.Name(language))).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList(), themes);
    }
}
