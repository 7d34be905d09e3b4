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
    public async Task<MeetingReader> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var user = await ReaderOf.For(db)(db, userId, clock.Today(), 1, ct);
        return user is null ? MeetingReader.Anonymous : new MeetingReader(userId, user.IsPlatformAdministrator, user.Roles, user.TimeZoneId, user.Represented);
    }

    private sealed record ReaderRow(bool IsPlatformAdministrator, string? TimeZoneId, List<ReaderRole> Roles, List<int> Represented);

    // Compiled once per model: every signed-in request that reads access starts here, and building, funcletizing and
    // looking up this query in EF Core's cache cost four times what SQLite spends answering it (docs/benchmarks.md,
    // issue 12). The roles are those in force on the day (the one rule, RolesInForce, the day a parameter); correlated
    // with the user rather than filtered by id apart, as SQLite has no APPLY for an uncorrelated subquery. The row limit
    // of the state's membership is a parameter (one), so that PostgreSQL asks it per role (RolesInForce, decision 0055).
    private static readonly CompiledQuery<Func<AppDbContext, string, DateOnly, int, CancellationToken, Task<ReaderRow?>>> ReaderOf =
        new(() => EF.CompileAsyncQuery(RuleExpressions.Expand<Func<AppDbContext, string, DateOnly, int, CancellationToken, ReaderRow?>>((db, userId, today, oneRow, ct) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new ReaderRow(
                    u.IsPlatformAdministrator,
                    u.TimeZoneId,
                    db.ProcessRoleAssignments
                        .Where(a => a.UserId == u.Id && RolesInForce.InForceOn.Holds(a, db.Memberships, today, oneRow))
                        .Select(a => new ReaderRole(a.ProcessId, a.Role, a.StateCode, a.OrganizationId))
                        .ToList(),
                    db.OrganizationRepresentatives.Where(Representatives.InOffice).Where(r => r.UserId == u.Id).Select(r => r.OrganizationId).ToList()))
                .SingleOrDefault())));
}
