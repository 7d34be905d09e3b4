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
