using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Invitations;
using RcpHub.Infrastructure.Authorization;

using RcpHub.Infrastructure;

namespace RcpHub.Features.Account;

/// <summary>My account: who I am, the roles I hold in each process, and the way to my security settings.</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class IndexModel(UserManager<AppUser> users, AppDbContext db) : PageModel
{
    public sealed record RoleRow(string ProcessSlug, string ProcessAcronym, string ProcessName, ProcessRole Role, string? StateCode, string? Ministry, DateTimeOffset GrantedAt);

    public AppUser Me { get; private set; } = null!;
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];
    public IReadOnlyDictionary<string, string> StateNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        Me = me;
        var roles = await db.ProcessRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == me.Id && a.RevokedAt == null)
            .Select(a => new RoleRow(a.Process!.Slug, a.Process.Acronym, a.Process.Name, a.Role, a.StateCode, a.Ministry, a.GrantedAt))
            .ToListAsync();
        Roles = [.. roles.OrderBy(r => r.ProcessAcronym, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Role)];
        StateNames = await ProcessRoles.StateNamesAsync(db, roles.Select(r => r.StateCode));
        return Page();
    }
}
