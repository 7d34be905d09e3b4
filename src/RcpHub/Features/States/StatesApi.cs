using Microsoft.AspNetCore.Http.HttpResults;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.States;

/// <summary>States and the processes they belong to. Names follow the request's language (Accept-Language or ?culture=).</summary>
public static class StatesApi
{
    public static RouteGroupBuilder MapStatesApi(this RouteGroupBuilder api)
    {
        var states = api.MapGroup("/states").WithTags("States");
        states.MapGet("", ListStates)
            .WithName("ListStates")
            .WithSummary("Every state with at least one membership, with the number of processes it belongs to today as member and as observer; q searches names and codes.")
            .Requires(Operation.ViewPublicRegistry);
        states.MapGet("/{code}", GetState)
            .WithName("GetState")
            .WithSummary("Every process a state (ISO 3166-1 alpha-3 code) belongs to, current and former, with dates; the published good practices it adapted and those other states adapted from it, that the reader may read.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.ViewPublicRegistry);
        return api;
    }

    public static async Task<Ok<List<StateSummary>>> ListStates(AppDbContext db, TimeProvider time, string? q, CancellationToken ct) =>
        TypedResults.Ok(await StateQueries.ListAsync(db, Cultures.Current, time.Today(), q, ct));

    public static async Task<Results<Ok<StateDetails>, ProblemHttpResult>> GetState(AppDbContext db, TimeProvider time, Meetings.MeetingReaders readers,
        HttpContext http, string code, CancellationToken ct)
    {
        var state = await StateQueries.LoadAsync(db, code, Cultures.Current, time.Today(), ct);
        return state is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "State not found", detail: $"No state has the code '{code}'.")
            : TypedResults.Ok(state with { Practices = await StateQueries.PracticesAsync(db, await readers.CurrentAsync(http.User), code, Cultures.Current, ct) });
    }
}
