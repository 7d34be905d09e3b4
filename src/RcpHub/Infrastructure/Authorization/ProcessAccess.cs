using System.Security.Claims;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>What the signed-in person holds in one process.</summary>
public sealed record ProcessAccessGrant(bool IsPlatformAdministrator, IReadOnlyList<ProcessRole> Roles, IReadOnlyList<string> FocalPointStates)
{
    public bool Has(ProcessRole role) => Roles.Contains(role);
}

/// <summary>What a person holds, read from the database once per request (through <see cref="MeetingReaders"/>, the one
/// query of a reader's account and roles in force), so that a role granted or revoked takes effect on the next request
/// on every instance, and a page that asks both for its authorization and for its reader pays one query.</summary>
public sealed class ProcessAccess(MeetingReaders readers)
{
    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<bool> IsPlatformAdministratorAsync(ClaimsPrincipal user) => (await readers.CurrentAsync(user)).IsPlatformAdministrator;

    /// <summary>The roles the person holds in force in any process (for what does not concern one process).</summary>
    public async Task<IReadOnlyList<ProcessRole>> RolesAnywhereAsync(ClaimsPrincipal user) =>
        (await readers.CurrentAsync(user)).Roles.Select(r => r.Role).Distinct().ToList();

    public async Task<ProcessAccessGrant> ForProcessAsync(ClaimsPrincipal user, int processId)
    {
        var reader = await readers.CurrentAsync(user);
        var roles = reader.Roles.Where(r => r.ProcessId == processId).ToList();
        return new ProcessAccessGrant(
            reader.IsPlatformAdministrator,
            roles.Select(r => r.Role).Distinct().ToList(),
            roles.Where(r => r.Role == ProcessRole.FocalPoint && r.StateCode != null).Select(r => r.StateCode!).Distinct().ToList());
    }
}
