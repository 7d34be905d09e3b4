using Microsoft.AspNetCore.Mvc;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/sdg/{code}: one SDG target or indicator with the recommendations linked to it, across processes, that the
/// reader may read.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class SdgTargetModel(AppDbContext db, MeetingReaders readers) : FrameworkPage(db, readers)
{
    public SdgItem Item { get; private set; } = null!;
    public IReadOnlyList<SdgItem> Indicators { get; private set; } = [];
    public IReadOnlyList<LinkedRecommendation> Recommendations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (GlobalFrameworks.SdgByCode(code) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        Indicators = GlobalFrameworks.Sdg.Where(i => i.Target == item.Code).ToList();
        Recommendations = await RecommendationQueries.LinkedToSdgAsync(Db, await ReaderAsync(), item.Code, Language, ct);
        return Page();
    }
}
