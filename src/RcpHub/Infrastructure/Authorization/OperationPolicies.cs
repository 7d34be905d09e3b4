using Microsoft.AspNetCore.Authorization;
using RcpHub.Domain;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>One authorization policy per <see cref="Operation"/>, named "op:{Operation}". Pages declare
/// <see cref="RequiresAttribute"/>; endpoints call <see cref="Requires{TBuilder}"/>. A test fails for any
/// page or endpoint that declares neither.</summary>
public static class OperationPolicies
{
    public const string Prefix = "op:";

    public static string NameOf(Operation operation) => Prefix + operation;

    public static AuthorizationBuilder AddOperationPolicies(this AuthorizationBuilder builder)
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            builder.AddPolicy(NameOf(operation), policy =>
            {
                if (operation == Operation.ViewPublicRegistry)
                {
                    // Public: succeeds for anonymous visitors without a challenge.
                    policy.RequireAssertion(_ => true);
                    return;
                }
                policy.RequireAuthenticatedUser();
                policy.AddRequirements(new OperationRequirement(operation));
            });
        }
        return builder;
    }

    public static TBuilder Requires<TBuilder>(this TBuilder builder, Operation operation)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(NameOf(operation));

    /// <summary>Whether the request's user may do <paramref name="operation"/> in the process the request's address names:
    /// the check of a page or endpoint open to everyone that shows or offers more to some readers (the state-by-state
    /// follow-up on the accountability page, members-only policy changes, a management link). Anonymous visitors never
    /// may; not asking spares them the role look-up.</summary>
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, HttpContext http, Operation operation) =>
        http.User.Identity?.IsAuthenticated == true
        && (await authorization.AuthorizeAsync(http.User, http, NameOf(operation))).Succeeded;
}

/// <summary>Declares the operation a Razor page performs; the policy decides who may.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresAttribute : AuthorizeAttribute
{
    public RequiresAttribute(Operation operation)
    {
        Operation = operation;
        Policy = OperationPolicies.NameOf(operation);
    }

    public Operation Operation { get; }
}

/// <summary>Asks the <see cref="OperationAuthorizationHandler"/> whether the user may perform an operation.</summary>
public sealed class OperationRequirement(Operation operation) : IAuthorizationRequirement
{
    public Operation Operation { get; } = operation;
}

/// <summary>Declares the operation one handler of a page performs where it needs more than the page's own operation:
/// a public page whose form changes something (renaming a document, adopting a report). Checked by
/// <see cref="HandlerOperationFilter"/> through the same policy before the handler runs.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HandlerRequiresAttribute(Operation operation) : Attribute
{
    public Operation Operation { get; } = operation;
}

/// <summary>Enforces <see cref="HandlerRequiresAttribute"/> before the handler runs, as authorization does for a whole
/// page: a visitor who is not signed in is asked to sign in, a signed-in person without the operation is refused. The
/// operation is decided on the process the address names; where it names none (a meeting that does not exist) it is
/// refused alike, so the answer confirms nothing.</summary>
public sealed class HandlerOperationFilter(IAuthorizationService authorization) : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(HandlerRequiresAttribute), false) is [HandlerRequiresAttribute required])
        {
            var user = context.HttpContext.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                context.Result = new Microsoft.AspNetCore.Mvc.ChallengeResult();
                return;
            }
            if (!(await authorization.AuthorizeAsync(user, context.HttpContext, OperationPolicies.NameOf(required.Operation))).Succeeded)
            {
                context.Result = new Microsoft.AspNetCore.Mvc.ForbidResult();
                return;
            }
        }
        await next();
    }
}
