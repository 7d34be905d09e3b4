using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Search;

/// <summary>GET /api/v1/search: the same search as the page, of what the caller may see.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).Requires(Operation.ViewPublicRegistry).RequireRateLimiting(RateLimits.Search)
            .WithName("Search")
            .WithSummary($"Processes, meetings, agenda items and documents the caller may see matching q ({SiteSearch.MinLength} to {SiteSearch.MaxLength} characters, case and accents ignored), optionally within one process; at most {SiteSearch.Limit} of each kind, with the total.")
            .Produces<SearchResults>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? q, string? process, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, IStringLocalizer<SearchText> t, CancellationToken ct)
    {
        if (SiteSearch.Problem(q, t) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [problem] }, title: "The search could not be run.");
        }
        var results = await SiteSearch.RunAsync(db, await readers.CurrentAsync(user), q!, process, ct);
        return results is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Process not found", detail: "There is no process with this slug.")
            : TypedResults.Ok(results);
    }
}
