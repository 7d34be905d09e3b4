using Microsoft.AspNetCore.Mvc;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/sdg: the migration-related SDG targets and indicators, each with the number of recommendations the reader
/// may read that are linked to it.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class SdgModel(AppDbContext db, MeetingReaders readers) : FrameworkPage(db, readers)
{
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Counts = await RecommendationQueries.SdgCountsAsync(Db, await ReaderAsync(), ct);
        return Page();
    }
}
