using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features;

[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public int ProcessCount { get; private set; }

    /// <summary>States that are a current member of at least one process (observers, former members and the
    /// territories listed only as observers are not counted).</summary>
    public int MemberStateCount { get; private set; }

    public async Task OnGetAsync()
    {
        ProcessCount = await db.Processes.CountAsync(p => !p.IsDemo);
        MemberStateCount = await db.Memberships.CurrentMemberStatesOn(time.Today()).Select(m => m.StateCode).Distinct().CountAsync();
    }
}
