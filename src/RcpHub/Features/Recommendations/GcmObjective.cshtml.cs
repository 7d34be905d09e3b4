using Microsoft.AspNetCore.Mvc;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/gcm/{number}: one objective of the Global Compact with the recommendations linked to it, across processes,
/// that the reader may read.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class GcmObjectiveModel(AppDbContext db, MeetingReaders readers) : FrameworkPage(db, readers)
{
    public GcmObjective Objective { get; private set; } = null!;
    public IReadOnlyList<LinkedRecommendation> Recommendations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        if (GlobalFrameworks.Objective(number) is not { } objective)
        {
            return NotFound();
        }
        Objective = objective;
        Recommendations = await RecommendationQueries.LinkedToObjectiveAsync(Db, await ReaderAsync(), number, Language, ct);
        return Page();
    }
}
