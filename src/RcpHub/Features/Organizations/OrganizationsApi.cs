using Microsoft.AspNetCore.Http.HttpResults;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Organizations;

/// <summary>Organizations and their roles in the processes.</summary>
public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");
        organizations.MapGet("", ListOrganizations)
            .WithName("ListOrganizations")
            .WithSummary("Every organization, with the number of processes in which it holds each role today.")
            .Requires(Operation.ViewPublicRegistry);
        organizations.MapGet("/{slug}", GetOrganization)
            .WithName("GetOrganization")
            .WithSummary("An organization's role in each process (member, observer, technical secretariat, hosts the secretariat, support project), current and former.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.ViewPublicRegistry);
        return api;
    }

    public static async Task<Ok<List<OrganizationSummary>>> ListOrganizations(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await OrganizationQueries.ListAsync(db, time.Today(), ct));

    public static async Task<Results<Ok<OrganizationDetails>, ProblemHttpResult>> GetOrganization(AppDbContext db, TimeProvider time, string slug, CancellationToken ct)
    {
        var organization = await OrganizationQueries.LoadAsync(db, slug, time.Today(), ct);
        return organization is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organization not found", detail: $"No organization has the slug '{slug}'.")
            : TypedResults.Ok(organization);
    }
}
