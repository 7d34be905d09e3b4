using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.GlobalMeetings;

/// <summary>The Global RCP Meetings, newest first: recent meetings are what visitors look for.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<GlobalMeetingView> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Meetings = await GlobalMeetingsApi.ListAsync(db, ct);
}
