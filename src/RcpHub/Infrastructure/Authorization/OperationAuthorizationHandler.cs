using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>A process, named explicitly when code checks access imperatively:
/// <c>authorization.AuthorizeAsync(User, new ProcessResource(id), Operation.ManageMembership)</c>.</summary>
public sealed record ProcessResource(int ProcessId);

/// <summary>Decides every <see cref="OperationRequirement"/> from <see cref="AccessRules"/>. The process is the
/// explicit <see cref="ProcessResource"/>, or else the one the request's address names, as
/// <see cref="RequestSubjectMiddleware"/> resolved it; where there is neither, a process operation is refused.</summary>
public sealed class OperationAuthorizationHandler(ProcessAccess access, MeetingReaders readers, AppDbContext db, TimeProvider clock) : AuthorizationHandler<OperationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var operation = requirement.Operation;
        if (AccessRules.PlatformOperations.TryGetValue(operation, out var audience))
        {
            var allowed = audience switch
            {
                Audience.Anyone or Audience.SignedIn => true,
                Audience.Secretariats => AccessRules.MayVerifyOrganizations(await access.IsPlatformAdministratorAsync(context.User), await access.RolesAnywhereAsync(context.User)),
                Audience.Officials => AccessRules.MayUseDirectory(await access.IsPlatformAdministratorAsync(context.User), await access.RolesAnywhereAsync(context.User)),
                _ => await access.IsPlatformAdministratorAsync(context.User),
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
            return;
        }

        int? processId = context.Resource switch
        {
            ProcessResource p => p.ProcessId,
            HttpContext http => http.Features.Get<RequestSubject>()?.Process?.Id,
            _ => null,
        };
        if (processId is null)
        {
            return;
        }
        var user = await access.ForProcessAsync(context.User, processId.Value);
        var granted = operation switch
        {
            Operation.WriteSessionReport => AccessRules.MayWriteSessionReport(ProcessAccess.UserIdOf(context.User), await RapporteurAsync(context.Resource), user.IsPlatformAdministrator, user.Roles),
            Operation.AskForFloor => AccessRules.Allows(operation, user.IsPlatformAdministrator, user.Roles)
                || AccessRules.MayAskForFloor(user.IsPlatformAdministrator, user.Roles, await RepresentsAnInviteeAsync(context.User, context.Resource)),
            Operation.SubmitStatements => AccessRules.Allows(operation, user.IsPlatformAdministrator, user.Roles)
                || AccessRules.MaySubmitStatements(user.IsPlatformAdministrator, user.Roles, await ActsForAnInvitedOrganizationAsync(context.User, context.Resource, processId.Value)),
            _ => AccessRules.Allows(operation, user.IsPlatformAdministrator, user.Roles),
        };
        if (granted)
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>Whether the user speaks for a state or organisation invited to the meeting the address names.</summary>
    private async Task<bool> RepresentsAnInviteeAsync(System.Security.Claims.ClaimsPrincipal user, object? resource)
    {
        if (resource is not HttpContext http || http.Features.Get<RequestSubject>() is not { MeetingId: { } meetingId } subject
            || ProcessAccess.UserIdOf(user) is null)
        {
            return false;
        }
        var invitees = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == meetingId && i.UserId == null).ToListAsync();
        if (invitees.Count == 0)
        {
            return false;
        }
        // The roles of the request's reader, read once for the request (the authorization above read them already).
        return MeetingAccess.RepresentingInvitees(await readers.CurrentAsync(user), invitees, subject.Process?.Id ?? 0).Count > 0;
    }

    /// <summary>Whether the user acts for an organisation invited to the meeting the address names (<see cref="ActingOrganizations"/>).</summary>
    private async Task<bool> ActsForAnInvitedOrganizationAsync(System.Security.Claims.ClaimsPrincipal user, object? resource, int processId)
    {
        if (resource is not HttpContext http || http.Features.Get<RequestSubject>() is not { MeetingId: { } meetingId }
            || ProcessAccess.UserIdOf(user) is not { } userId)
        {
            return false;
        }
        var acting = ActingOrganizations.Of(db.OrganizationRepresentatives, db.ProcessRoleAssignments, db.Memberships, userId, processId, clock.Today());
        return await db.MeetingInvitees.AnyAsync(i => i.MeetingId == meetingId && i.OrganizationId != null && acting.Contains(i.OrganizationId.Value));
    }

    /// <summary>The rapporteur of the session the address names, who may write its report whatever their role.</summary>
    private Task<string?> RapporteurAsync(object? resource) =>
        resource is HttpContext http && http.Features.Get<RequestSubject>() is { SessionId: { } sessionId }
            ? db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.RapporteurUserId).FirstOrDefaultAsync()
            : Task.FromResult<string?>(null);
}
