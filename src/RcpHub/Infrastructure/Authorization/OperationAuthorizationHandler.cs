using Microsoft.AspNetCore.Authorization;
using RcpHub.Domain;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>A process, named explicitly when code checks access imperatively:
/// <c>authorization.AuthorizeAsync(User, new ProcessResource(id), Operation.ManageMembership)</c>.</summary>
public sealed record ProcessResource(int ProcessId);

/// <summary>Decides every <see cref="OperationRequirement"/> from <see cref="AccessRules"/>. The process is the
/// explicit <see cref="ProcessResource"/>, or else the <c>{slug}</c> route value of the request.</summary>
public sealed class OperationAuthorizationHandler(ProcessAccess access) : AuthorizationHandler<OperationRequirement>
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
            HttpContext http => await access.ProcessIdFromRouteAsync(http),
            _ => null,
        };
        if (processId is null)
        {
            // No such process: an administrator, who may do everything, then meets the page's "not found"
            // rather than a refusal. Anyone else is refused, as for any process they hold no role in.
            if (await access.IsPlatformAdministratorAsync(context.User))
            {
                context.Succeed(requirement);
            }
            return;
        }
        var user = await access.ForProcessAsync(context.User, processId.Value);
        if (AccessRules.Allows(operation, user.IsPlatformAdministrator, user.Roles))
        {
            context.Succeed(requirement);
        }
    }
}
