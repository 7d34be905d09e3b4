using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Recommendations;

/// <summary>/processes/{slug}/outputs/{id}/recommendations/{number}: a recommendation for the output's audience, in the
/// reader's language when translated (with the translation's status), else in the original marked as such; every
/// language version side by side; its addressees, themes, GCM and SDG links and, when carried, its origin. The
/// secretariat adds and corrects translations here.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
    : RecommendationPage(db, readers, clock, t)
{
    public RecommendationDetails Recommendation { get; private set; } = null!;
    public RecommendationOrigin? Origin { get; private set; }

    [BindProperty]
    public TranslationDraft Translation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        if (!await FindAsync(id, number, ct))
        {
            return NotFound();
        }
        var missing = Cultures.Supported.FirstOrDefault(l => l != Recommendation.OriginalLanguage && Recommendation.Translations.All(x => x.Language != l));
        Translation = new TranslationDraft { Language = Request.Query["language"].FirstOrDefault() ?? missing };
        if (Recommendation.Translations.FirstOrDefault(x => x.Language == Translation.Language) is { } existing)
        {
            (Translation.Text, Translation.Status) = (existing.Text, existing.Status);
        }
        return Page();
    }

    [HandlerRequires(Operation.DraftOutputs)]
    public async Task<IActionResult> OnPostTranslationAsync(int id, int number, CancellationToken ct)
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
        if (!await FindOutputAsync(id, ct) || await RecommendationQueries.OneAsync(Db, id, number, Language, ct) is not { } recommendation)
        {
            return false;
        }
        Recommendation = recommendation;
        Origin = recommendation.SourcePointId is { } point ? await RecommendationQueries.OriginAsync(Db, Reader, point, ct) : null;
        return true;
    }
}
