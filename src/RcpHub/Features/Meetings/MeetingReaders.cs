using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>Reads who is reading: a person's platform-administrator flag and active roles in every process, in one
/// query, once per request. Every meeting query and the meeting authorization handler start from it.</summary>
public sealed class MeetingReaders(AppDbContext db, TimeProvider clock)
{
    private MeetingReader? _current;

    public async Task<MeetingReader> CurrentAsync(ClaimsPrincipal user)
    {
        if (_current is not null)
        {
            return _current;
        }
        var userId = user.Identity?.IsAuthenticated == true ? ProcessAccess.UserIdOf(user) : null;
        _current = userId is null ? MeetingReader.Anonymous : await ForUserAsync(userId);
        return _current;
    }

    /// <summary>A user known by id (e.g. the owner of a calendar feed), or anonymous if there is no such user.</summary>
    public async Task<MeetingReader> ForUserAsync(string userId)
    {
        var inForce = RolesInForce.InForce(db.Memberships, clock.Today());
        // Correlated with the user (not a separate filter by id): SQLite has no APPLY for an uncorrelated subquery.
        var representatives = db.OrganizationRepresentatives.Active();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsPlatformAdministrator,
                u.TimeZoneId,
                Roles = db.ProcessRoleAssignments.Where(inForce)
                    .Where(a => a.UserId == u.Id)
                    .Select(a => new ReaderRole(a.ProcessId, a.Role, a.StateCode, a.OrganizationId))
                    .ToList(),
                Represented = representatives.Where(r => r.UserId == u.Id).Select(r => r.OrganizationId).ToList(),
            })
            .SingleOrDefaultAsync();
        return user is null ? MeetingReader.Anonymous : new MeetingReader(userId, user.IsPlatformAdministrator, user.Roles, user.TimeZoneId, user.Represented);
    }
}
