using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Infrastructure.Authorization;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>Every page and endpoint of the running application declares which operation it performs,
/// so that <see cref="RcpHub.Domain.AccessRules"/> decides who may reach it.</summary>
public sealed class EndpointPolicyTests
{
    [Fact]
    public async Task Every_page_and_endpoint_declares_an_operation_policy()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // The enumeration must see both Razor pages and minimal API endpoints, or the check below proves nothing.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "error");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/openapi.json");

        var undeclared = endpoints
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.StartsWith(OperationPolicies.Prefix, StringComparison.Ordinal) == true))
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();

        Assert.True(undeclared.Count == 0, "Without a declared operation:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public async Task No_endpoint_skips_authorization_with_AllowAnonymous()
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(anonymous.Count == 0, "Public endpoints declare Operation.ViewPublicRegistry instead of [AllowAnonymous]:\n" + string.Join("\n", anonymous));
    }
}
