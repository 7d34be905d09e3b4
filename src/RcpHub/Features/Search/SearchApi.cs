using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
            .WithSummary($"The library: processes, states, organisations, meetings, agenda items, sessions, session reports, documents, outputs, recommendations, good practices and data compilations the caller may see matching q ({SiteSearch.MinLength} to {SiteSearch.MaxLength} characters, case and accents ignored, words matched by their start, \"quoted phrases\"), best first, {SiteSearch.Limit} a page (p); optionally within one process and narrowed to a kind, year, region, meeting level (expert, seniorofficials, ministerial), language (ISO 639-1), theme (its id) or GCM objective (1-23); with the total and the counts by each of these, of what the caller may see. Passages are HTML, the matched words in <mark>.")
            .Produces<SearchResults>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? q, string? process, string? kind, int? year, string? region, string? level, string? language, int? theme, int? objective, int? p, ClaimsPrincipal user, AppDbContext db, SearchRanks ranks, MeetingReaders readers, IStringLocalizer<SearchText> t, CancellationToken ct)
    {
        if (SiteSearch.Problem(q, t) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [problem] }, title: "The search could not be run.");
        }
        if (!SiteSearch.TryKind(kind, out var searchKind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [t["There is no such kind of result."]] }, title: "The search could not be run.");
        }
        if (!SiteSearch.TryLevel(level, out var meetingLevel))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = [t["There is no such meeting level."]] }, title: "The search could not be run.");
        }
        if (objective is not null && GlobalFrameworks.Objective(objective.Value) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["objective"] = [t["A GCM objective is a number from 1 to {0}.", GlobalFrameworks.ObjectiveCount]] }, title: "The search could not be run.");
        }
        var filters = new SearchFilters(searchKind, year, region, meetingLevel, language, theme, objective);
        // One connection for the search's queries rather than one taken from the pool and returned for each.
        await db.Database.OpenConnectionAsync(ct);
        var results = await SiteSearch.RunAsync(db, ranks, await readers.CurrentAsync(user), q!, process, filters, p ?? 1, ct);
        return results is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Process not found", detail: "There is no process with this slug.")
            : TypedResults.Ok(results);
    }
}
