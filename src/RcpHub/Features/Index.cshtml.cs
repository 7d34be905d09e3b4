using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features;

[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int ProcessCount { get; private set; }
    public int StateCount { get; private set; }

    public async Task OnGetAsync()
    {
        ProcessCount = await db.Processes.CountAsync();
        StateCount = await db.Memberships.Where(m => m.StateCode != null).Select(m => m.StateCode).Distinct().CountAsync();
    }
}
