using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>What the signed-in person holds in one process.</summary>
public sealed record ProcessAccessGrant(bool IsPlatformAdministrator, IReadOnlyList<ProcessRole> Roles, IReadOnlyList<string> FocalPointStates)
{
    public bool Has(ProcessRole role) => Roles.Contains(role);
}

/// <summary>Reads a person's roles from the database once per request, so that a role granted or
/// revoked takes effect on the next request on every instance.</summary>
public sealed class ProcessAccess(AppDbContext db, TimeProvider clock)
{
    private readonly Dictionary<int, ProcessAccessGrant> _byProcess = [];
    private bool? _isAdministrator;

    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<bool> IsPlatformAdministratorAsync(ClaimsPrincipal user)
    {
        if (_isAdministrator is { } known)
        {
            return known;
        }
        var userId = UserIdOf(user);
        _isAdministrator = userId is not null &&
            await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsPlatformAdministrator);
        return _isAdministrator.Value;
    }

    /// <summary>The roles the person holds in force in any process (for what does not concern one process).</summary>
    public async Task<IReadOnlyList<ProcessRole>> RolesAnywhereAsync(ClaimsPrincipal user)
    {
        var userId = UserIdOf(user);
        return userId is null ? [] : await db.ProcessRoleAssignments.AsNoTracking()
            .Where(RolesInForce.InForce(db.Memberships, clock.Today()))
            .Where(a => a.UserId == userId)
            .Select(a => a.Role)
            .Distinct()
            .ToListAsync();
    }

    public async Task<ProcessAccessGrant> ForProcessAsync(ClaimsPrincipal user, int processId)
    {
        if (_byProcess.TryGetValue(processId, out var cached))
        {
            return cached;
        }
        var userId = UserIdOf(user);
        if (userId is null)
        {
            return new ProcessAccessGrant(false, [], []);
        }
        var assignments = await db.ProcessRoleAssignments.AsNoTracking()
            .Where(RolesInForce.InForce(db.Memberships, clock.Today()))
            .Where(a => a.UserId == userId && a.ProcessId == processId)
            .Select(a => new { a.Role, a.StateCode })
            .ToListAsync();
        var grant = new ProcessAccessGrant(
            await IsPlatformAdministratorAsync(user),
            assignments.Select(a => a.Role).Distinct().ToList(),
            assignments.Where(a => a.Role == ProcessRole.FocalPoint && a.StateCode != null).Select(a => a.StateCode!).Distinct().ToList());
        _byProcess[processId] = grant;
        return grant;
    }
}
