using Microsoft.AspNetCore.Mvc;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/gcm: the 23 objectives of the Global Compact for Migration, each with the number of recommendations the
/// reader may read that are linked to it.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class GcmModel(AppDbContext db, MeetingReaders readers) : FrameworkPage(db, readers)
{
    public IReadOnlyDictionary<int, int> Counts { get; private set; } = new Dictionary<int, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Counts = await RecommendationQueries.GcmCountsAsync(Db, await ReaderAsync(), ct);
        return Page();
    }
}
