using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>A process, named explicitly when code checks access imperatively:
/// <c>authorization.AuthorizeAsync(User, new ProcessResource(id), Operation.ManageMembership)</c>.</summary>
public sealed record ProcessResource(int ProcessId);

/// <summary>Decides every <see cref="OperationRequirement"/> from <see cref="AccessRules"/>. The process is the
/// explicit <see cref="ProcessResource"/>, or else the one the request's address names, as
/// <see cref="RequestSubjectMiddleware"/> resolved it; where there is neither, a process operation is refused.</summary>
public sealed class OperationAuthorizationHandler(ProcessAccess access, AppDbContext db) : AuthorizationHandler<OperationRequirement>
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
        var granted = operation == Operation.WriteSessionReport
            ? AccessRules.MayWriteSessionReport(ProcessAccess.UserIdOf(context.User), await RapporteurAsync(context.Resource), user.IsPlatformAdministrator, user.Roles)
            : AccessRules.Allows(operation, user.IsPlatformAdministrator, user.Roles);
        if (granted)
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>The rapporteur of the session the address names, who may write its report whatever their role.</summary>
    private Task<string?> RapporteurAsync(object? resource) =>
        resource is HttpContext http && http.Features.Get<RequestSubject>() is { SessionId: { } sessionId }
            ? db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.RapporteurUserId).FirstOrDefaultAsync()
            : Task.FromResult<string?>(null);
}
