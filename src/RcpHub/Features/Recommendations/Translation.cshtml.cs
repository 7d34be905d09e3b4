using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Recommendations;

/// <summary>/processes/{slug}/outputs/{id}/recommendations/{number}/translation: the secretariat adds or corrects the
/// translation into one language (?language=fr), with its status; also after adoption.</summary>
[Requires(Operation.DraftOutputs)]
public sealed class TranslationModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
    : RecommendationPage(db, readers, clock, t)
{
    public RecommendationDetails Recommendation { get; private set; } = null!;

    [BindProperty]
    public TranslationDraft Translation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int number, string? language, CancellationToken ct)
    {
        if (!await FindAsync(id, number, ct))
        {
            return NotFound();
        }
        var missing = Cultures.Supported.FirstOrDefault(l => l != Recommendation.OriginalLanguage && Recommendation.Translations.All(x => x.Language != l));
        Translation = new TranslationDraft { Language = language is not null && Cultures.Supported.Contains(language) ? language : missing };
        if (Recommendation.Translations.FirstOrDefault(x => x.Language == Translation.Language) is { } existing)
        {
            (Translation.Text, Translation.Status) = (existing.Text, existing.Status);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int number, CancellationToken ct)
    {
        if (!await FindAsync(id, number, ct))
        {
            return NotFound();
        }
        var outcome = await Commands.SaveTranslationAsync(Output, number, Translation, ct);
        if (!outcome.Succeeded)
        {
            Show(outcome.Errors, nameof(Translation));
            return Page();
        }
        this.Tell(T["The translation is saved."]);
        return Redirect($"{OutputUrl}/recommendations/{number}");
    }

    private async Task<bool> FindAsync(int id, int number, CancellationToken ct)
    {
        if (await FindRecommendationAsync(id, number, ct) is not { } recommendation)
        {
            return false;
        }
        Recommendation = recommendation;
        return true;
    }
}
