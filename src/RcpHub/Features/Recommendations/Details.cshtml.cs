using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/processes/{slug}/outputs/{id}/recommendations/{number}: a recommendation for the output's audience, in the
/// reader's language when translated (with the translation's status), else in the original marked as such; every
/// language version side by side; its addressees, themes, GCM and SDG links and, when carried, its origin.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
    : RecommendationPage(db, readers, clock, t)
{
    public RecommendationDetails Recommendation { get; private set; } = null!;
    public RecommendationOrigin? Origin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        if (await FindRecommendationAsync(id, number, ct) is not { } recommendation)
        {
            return NotFound();
        }
        Recommendation = recommendation;
        Origin = recommendation.SourcePointId is { } point ? await RecommendationQueries.OriginAsync(Db, Reader, point, ct) : null;
        return Page();
    }
}
