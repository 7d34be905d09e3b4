using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.SavedSearches;

/// <summary>/api/v1/saved-searches: the caller's own saved searches, with the same rules as the pages.</summary>
public static class SavedSearchesApi
{
    public static RouteGroupBuilder MapSavedSearchesApi(this RouteGroupBuilder api)
    {
        var saved = api.MapGroup("/saved-searches").WithTags("Saved searches")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        saved.MapGet("/", ListAsync).Requires(Operation.ManageOwnAccount)
            .WithName("ListSavedSearches")
            .WithSummary("The caller's saved searches by name, each with the address that runs it on /search and whether its new results are mailed weekly.");
        saved.MapPost("/", SaveAsync).Requires(Operation.ManageOwnAccount)
            .WithName("SaveSearch")
            .WithSummary($"Saves a search of /search (q, and optionally process, kind, year, region, level, language, theme, objective, as /search takes them) under a name (at most {SavedSearchLimits.Name} characters; the words when empty). Its new results, as the caller may read them at the time, are mailed once a week, with a link that stops the mail. At most {SavedSearchLimits.PerPerson} saved searches a person (409 beyond); the same search twice is refused.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("q");
        saved.MapDelete("/{id:int}", RemoveAsync).Requires(Operation.ManageOwnAccount)
            .WithName("RemoveSavedSearch")
            .WithSummary("Removes one of the caller's saved searches (its weekly mail stops).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SavedSearchRow>>> ListAsync(SavedSearchDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await desk.ListAsync(ProcessAccess.UserIdOf(user)!, ct));

    private static async Task<Results<Created<SavedSearchRow>, ValidationProblem, ProblemHttpResult>> SaveAsync(SavedSearchDesk desk, ClaimsPrincipal user,
        IStringLocalizer<SavedSearchesText> t, SavedSearchInput search, CancellationToken ct)
    {
        var outcome = await desk.SaveAsync(ProcessAccess.UserIdOf(user)!, search, ct);
        if (outcome.Refusal is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["The search could not be saved."], detail: refusal);
        }
        if (outcome.Saved is not { } saved)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToProblem().ProblemDetails.Errors, title: t["The search could not be saved."]);
        }
        return TypedResults.Created($"/api/v1/saved-searches/{saved.Id}", saved);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(SavedSearchDesk desk, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await desk.RemoveAsync(ProcessAccess.UserIdOf(user)!, id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Saved search not found", detail: $"You have no saved search {id}.");
}
