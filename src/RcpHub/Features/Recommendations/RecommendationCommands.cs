using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Recommendations;

/// <summary>A recommendation as the secretariat writes it, on the form and in the API alike.</summary>
public sealed class RecommendationDraft
{
    [Display(Name = "Original language")]
    public string? OriginalLanguage { get; set; } = "en";

    [MultiLine]
    [Display(Name = "Text of the recommendation")]
    public string? Text { get; set; }

    [Display(Name = "All member states")]
    public bool ToAllMembers { get; set; }

    [Display(Name = "The secretariat")]
    public bool ToSecretariat { get; set; }

    [Display(Name = "Civil society")]
    public bool ToCivilSociety { get; set; }

    /// <summary>Member states named as addressees (ISO 3166-1 alpha-3).</summary>
    public List<string> States { get; set; } = [];

    /// <summary>Theme ids.</summary>
    public List<int> Themes { get; set; } = [];

    /// <summary>Objectives of the Global Compact for Migration, 1 to 23.</summary>
    public List<int> GcmObjectives { get; set; } = [];

    /// <summary>Codes of SDG targets ("10.7") and indicators ("10.7.2") from the migration-related list.</summary>
    public List<string> SdgTargets { get; set; } = [];

    public static RecommendationDraft From(RecommendationDetails r) => new()
    {
        OriginalLanguage = r.OriginalLanguage,
        Text = r.Text,
        ToAllMembers = r.ToAllMembers,
        ToSecretariat = r.ToSecretariat,
        ToCivilSociety = r.ToCivilSociety,
        States = [.. r.States.Select(s => s.Code)],
        Themes = [.. r.Themes.Select(x => x.Id)],
        GcmObjectives = [.. r.GcmObjectives],
        SdgTargets = [.. r.SdgTargets],
    };
}

/// <summary>A translation of a recommendation, with its status.</summary>
public sealed class TranslationDraft
{
    [Display(Name = "Language")]
    public string? Language { get; set; }

    [MultiLine]
    [Display(Name = "Translated text")]
    public string? Text { get; set; }

    [Display(Name = "Status")]
    public TranslationStatus Status { get; set; } = TranslationStatus.Draft;
}

/// <summary>Writes recommendations. Numbers run 1, 2, 3... within the output; an adopted output takes no new
/// recommendation and its recommendations keep their text and language, while translations, themes, addressees and
/// links to the GCM and the SDGs may still be added.</summary>
public sealed class RecommendationCommands(AppDbContext db, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
{
    /// <summary>Adds a recommendation to a draft output; its number, or the refusal.</summary>
    public async Task<Outcome> AddAsync(OutputHeading output, RecommendationDraft draft, CancellationToken ct)
    {
        var errors = await CheckAsync(output, draft, existing: null, ct);
        if (!output.IsDraft)
        {
            errors.Add(nameof(RecommendationDraft.Text), t["The output is adopted: no recommendation can be added to it any more."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var number = await SaveNewAsync(output.Id, () => New(draft), ct);
        return number is { } n ? Outcome.Saved(n) : Collided();
    }

    /// <summary>Changes a recommendation; after adoption only what may still change.</summary>
    public async Task<Outcome> UpdateAsync(OutputHeading output, int number, RecommendationDraft draft, CancellationToken ct)
    {
        var recommendation = await db.Recommendations
            .Include(r => r.States).Include(r => r.Themes).Include(r => r.GcmObjectives).Include(r => r.SdgTargets)
            .SingleOrDefaultAsync(r => r.OutputId == output.Id && r.Number == number, ct);
        if (recommendation is null)
        {
            return Outcome.NotFound;
        }
        var errors = await CheckAsync(output, draft, recommendation, ct);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        recommendation.OriginalLanguage = draft.OriginalLanguage!;
        recommendation.Text = Clean(draft.Text)!;
        recommendation.ToAllMembers = draft.ToAllMembers;
        recommendation.ToSecretariat = draft.ToSecretariat;
        recommendation.ToCivilSociety = draft.ToCivilSociety;
        Sync(recommendation.States, Codes(draft.States), s => s.StateCode, c => new RecommendationState { StateCode = c });
        Sync(recommendation.Themes, draft.Themes.Distinct(), x => x.ThemeId, id => new RecommendationTheme { ThemeId = id });
        Sync(recommendation.GcmObjectives, draft.GcmObjectives.Distinct(), g => g.Objective, n => new RecommendationGcmObjective { Objective = n });
        Sync(recommendation.SdgTargets, SdgCodes(draft.SdgTargets), s => s.Code, c => new RecommendationSdgTarget { Code = c });
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(number);
    }

    /// <summary>Adds or replaces the translation of a recommendation into one language (never its original one).</summary>
    public async Task<Outcome> SaveTranslationAsync(OutputHeading output, int number, TranslationDraft draft, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.Include(r => r.Translations)
            .SingleOrDefaultAsync(r => r.OutputId == output.Id && r.Number == number, ct);
        if (recommendation is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var language = draft.Language?.Trim().ToLowerInvariant();
        if (language is null || !Cultures.Supported.Contains(language))
        {
            errors.Add(nameof(TranslationDraft.Language), t["Choose one of the languages offered."]);
        }
        else if (language == recommendation.OriginalLanguage)
        {
            errors.Add(nameof(TranslationDraft.Language), t["This is the original language of the recommendation: change the text itself instead."]);
        }
        CheckText(errors, nameof(TranslationDraft.Text), draft.Text);
        if (draft.Status is not (TranslationStatus.Draft or TranslationStatus.Final))
        {
            errors.Add(nameof(TranslationDraft.Status), t["A translation is either a draft or final."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        if (recommendation.Translations.SingleOrDefault(x => x.Language == language) is { } translation)
        {
            translation.Text = Clean(draft.Text)!;
            translation.Status = draft.Status;
        }
        else
        {
            recommendation.Translations.Add(new RecommendationTranslation { Language = language!, Text = Clean(draft.Text)!, Status = draft.Status });
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(number);
    }

    /// <summary>Carries a recommendation point of a session report into a draft output of the same process, as its next
    /// recommendation, addressed to all members until the secretariat says otherwise. The same point is carried into
    /// one output once.</summary>
    public async Task<Outcome> CarryAsync(int processId, int pointId, OutputHeading output, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var point = await db.SessionReportVersions.AsNoTracking()
            .Where(v => v.Session!.Meeting!.ProcessId == processId)
            .SelectMany(v => v.Points)
            .Where(p => p.Id == pointId && p.Kind == ReportPointKind.Recommendation)
            .Select(p => new { p.Id, p.Text })
            .SingleOrDefaultAsync(ct);
        if (point is null)
        {
            errors.Add("PointId", t["There is no such recommendation in the reports of this process."]);
            return Outcome.Refused(errors);
        }
        if (!output.IsDraft)
        {
            errors.Add("OutputId", t["The output is adopted: no recommendation can be added to it any more."]);
        }
        else if (await CarriedAlreadyAsync(pointId, ct))
        {
            errors.Add("PointId", CarriedOnce);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var number = await SaveNewAsync(output.Id, () => new Recommendation
        {
            OriginalLanguage = output.OriginalLanguage,
            Text = point.Text.Length > OutputLimits.Recommendation ? point.Text[..OutputLimits.Recommendation] : point.Text,
            ToAllMembers = true,
            SourcePointId = point.Id,
        }, ct);
        if (number is { } n)
        {
            return Outcome.Saved(n);
        }
        if (await CarriedAlreadyAsync(pointId, ct))
        {
            // Carried by another request at the same instant: the unique index on the point refused this one.
            errors.Add("PointId", CarriedOnce);
            return Outcome.Refused(errors);
        }
        return Collided();
    }

    /// <summary>The refusal of a point carried before: a point is carried into outputs once.</summary>
    public string CarriedOnce => t["This recommendation has already been carried into an output: it is carried once."];

    public Task<bool> CarriedAlreadyAsync(int pointId, CancellationToken ct) => db.Recommendations.AnyAsync(r => r.SourcePointId == pointId, ct);

    /// <summary>A new draft output of kind "recommendations" for a meeting, for the recommendations carried from its
    /// reports; its audience is the meeting's when public, else members only.</summary>
    public async Task<int> CreateOutputForMeetingAsync(int meetingId, string title, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.ProcessId, m.Audience }).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var output = new Output
        {
            ProcessId = meeting.ProcessId,
            MeetingId = meetingId,
            Kind = OutputKind.Recommendations,
            Title = title.Length > OutputLimits.Title ? title[..OutputLimits.Title] : title,
            OriginalLanguage = "en",
            Audience = meeting.Audience == MeetingAudience.Public ? MeetingAudience.Public : MeetingAudience.MembersOnly,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Outputs.Add(output);
        await db.SaveChangesAsync(ct);
        return output.Id;
    }

    private Outcome Collided()
    {
        var errors = new FieldErrors();
        errors.Add(nameof(RecommendationDraft.Text), t["Someone else added a recommendation at the same moment. Nothing of yours was saved: try again."]);
        return Outcome.Refused(errors);
    }

    private async Task<int?> SaveNewAsync(int outputId, Func<Recommendation> make, CancellationToken ct)
    {
        var number = 0;
        var saved = await NumberedSave.TrySaveAsync(db, async () =>
        {
            number = 1 + (await db.Recommendations.Where(r => r.OutputId == outputId).MaxAsync(r => (int?)r.Number, ct) ?? 0);
            var recommendation = make();
            recommendation.OutputId = outputId;
            recommendation.Number = number;
            db.Recommendations.Add(recommendation);
        }, ct);
        return saved ? number : null;
    }

    private Recommendation New(RecommendationDraft draft) => new()
    {
        OriginalLanguage = draft.OriginalLanguage!,
        Text = Clean(draft.Text)!,
        ToAllMembers = draft.ToAllMembers,
        ToSecretariat = draft.ToSecretariat,
        ToCivilSociety = draft.ToCivilSociety,
        States = [.. Codes(draft.States).Select(c => new RecommendationState { StateCode = c })],
        Themes = [.. draft.Themes.Distinct().Select(id => new RecommendationTheme { ThemeId = id })],
        GcmObjectives = [.. draft.GcmObjectives.Distinct().Select(n => new RecommendationGcmObjective { Objective = n })],
        SdgTargets = [.. SdgCodes(draft.SdgTargets).Select(c => new RecommendationSdgTarget { Code = c })],
    };

    /// <summary>Every rule a recommendation must meet, each refusal under the field it concerns.</summary>
    private async Task<FieldErrors> CheckAsync(OutputHeading output, RecommendationDraft draft, Recommendation? existing, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (draft.OriginalLanguage is null || !Cultures.Supported.Contains(draft.OriginalLanguage))
        {
            errors.Add(nameof(RecommendationDraft.OriginalLanguage), t["Choose one of the languages offered."]);
        }
        CheckText(errors, nameof(RecommendationDraft.Text), draft.Text);
        if (existing is not null && !output.IsDraft && (Clean(draft.Text) != existing.Text || draft.OriginalLanguage != existing.OriginalLanguage))
        {
            errors.Add(nameof(RecommendationDraft.Text), t["The output is adopted: the text of its recommendations can no longer change. Translations, themes, addressees and links may still be added."]);
        }
        var states = Codes(draft.States);
        if (!draft.ToAllMembers && !draft.ToSecretariat && !draft.ToCivilSociety && states.Count == 0)
        {
            errors.Add("Addressees", t["Say to whom the recommendation is addressed: all member states, named member states, the secretariat or civil society."]);
        }
        if (states.Count > 0)
        {
            var members = await db.Memberships.MemberStatesOf(output.ProcessId, clock.Today()).ToListAsync(ct);
            // A state named before it left the process stays named; a new name must be a member today.
            var kept = existing?.States.Select(s => s.StateCode).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var code in states.Where(c => !members.Contains(c) && !kept.Contains(c)))
            {
                errors.Add(nameof(RecommendationDraft.States), t["{0} is not a member state of this process.", code]);
            }
        }
        var themes = draft.Themes.Distinct().ToList();
        if (themes.Count > 0)
        {
            var known = await db.Set<Theme>().Where(x => themes.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
            if (themes.Except(known).Any())
            {
                errors.Add(nameof(RecommendationDraft.Themes), t["Choose themes from the list."]);
            }
        }
        foreach (var objective in draft.GcmObjectives.Distinct().Where(n => GlobalFrameworks.Objective(n) is null))
        {
            errors.Add(nameof(RecommendationDraft.GcmObjectives), t["There is no GCM objective {0}: the objectives are numbered 1 to 23.", objective]);
        }
        foreach (var code in draft.SdgTargets.Where(c => GlobalFrameworks.SdgByCode(c) is null))
        {
            errors.Add(nameof(RecommendationDraft.SdgTargets), t["{0} is not one of the migration-related SDG targets and indicators.", code]);
        }
        return errors;
    }

    private void CheckText(FieldErrors errors, string field, string? text)
    {
        var clean = Clean(text);
        if (clean is null)
        {
            errors.Add(field, t["Write the text."]);
        }
        else if (clean.Length > OutputLimits.Recommendation)
        {
            errors.Add(field, t["The text is too long ({0} characters at most).", OutputLimits.Recommendation]);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    private static List<string> Codes(IEnumerable<string> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> SdgCodes(IEnumerable<string> codes) =>
        codes.Select(GlobalFrameworks.SdgByCode).OfType<SdgItem>().Select(i => i.Code).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Makes <paramref name="rows"/> hold exactly <paramref name="wanted"/>: rows no longer wanted are removed, new
    /// ones added, the others left as they are (removing and adding the same key in one save would collide).</summary>
    private static void Sync<TRow, TKey>(List<TRow> rows, IEnumerable<TKey> wanted, Func<TRow, TKey> key, Func<TKey, TRow> make) where TKey : notnull
    {
        var set = wanted.ToHashSet();
        rows.RemoveAll(r => !set.Contains(key(r)));
        var present = rows.Select(key).ToHashSet();
        rows.AddRange(set.Where(k => !present.Contains(k)).Select(make));
    }
}
