using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

using RcpHub.Infrastructure;

namespace RcpHub.Features.Invitations;

/// <summary>Who holds which role in the process; the secretariat revokes a role here (the row stays, with
/// the date it ended, so that the history of who held what remains).</summary>
[Requires(Operation.InviteParticipants)]
public sealed class PeopleModel(AppDbContext db, ProcessAccess access, TimeProvider clock, IStringLocalizer<InvitationsText> t) : PageModel
{
    public sealed record Holder(int Id, string UserId, string Name, string? Email, ProcessRole Role, string? StateCode, string? Ministry, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt);

    public AddressedProcess Process { get; private set; } = null!;
    public IReadOnlyList<Holder> Current { get; private set; } = [];
    public IReadOnlyList<Holder> Revoked { get; private set; } = [];
    public IReadOnlyDictionary<string, string> StateNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The role whose revocation is asked about (?revoke={id}): the page asks first.</summary>
    [BindProperty(SupportsGet = true, Name = "revoke")]
    public int? Revoking { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        Process = process;
        var holders = await db.ProcessRoleAssignments.AsNoTracking()
            .Where(a => a.ProcessId == process.Id)
            .OrderBy(a => a.Id)
            .Select(a => new Holder(a.Id, a.UserId, a.User!.DisplayName, a.User.Email, a.Role, a.StateCode, a.Ministry, a.GrantedAt, a.RevokedAt))
            .ToListAsync(ct);
        Current = [.. holders.Where(h => h.RevokedAt is null).OrderBy(h => h.Role).ThenBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase)];
        Revoked = [.. holders.Where(h => h.RevokedAt is not null).OrderByDescending(h => h.RevokedAt)];
        StateNames = await db.States.NamesAsync(holders.Select(h => h.StateCode), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var assignment = await db.ProcessRoleAssignments.FirstOrDefaultAsync(a => a.Id == id && a.ProcessId == process.Id && a.RevokedAt == null, ct);
        if (assignment is null)
        {
            this.Tell(t["This role has already been revoked."]);
        }
        else if (assignment.UserId == ProcessAccess.UserIdOf(User) && assignment.Role == ProcessRole.Secretariat && !await access.IsPlatformAdministratorAsync(User))
        {
            // Otherwise the last secretariat member could lock the process out of its own management.
            this.Tell(t["You cannot revoke your own secretariat role. Ask another member of the secretariat or an administrator."]);
        }
        else
        {
            assignment.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            this.Tell(t["The role has been revoked."]);
        }
        return LocalRedirect($"/processes/{process.Slug}/manage/people");
    }
}
