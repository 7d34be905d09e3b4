using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Organizations;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.ParticipationMetrics;

/// <summary>/api/v1/participation: the public participation metrics, as the page shows them.</summary>
public static class ParticipationMetricsApi
{
    public static RouteGroupBuilder MapParticipationMetricsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/participation", GetAsync).WithTags("Participation metrics")
            .WithName("GetParticipationMetrics")
            .WithSummary("Civil society places in public meetings (not cancelled, real processes only) per year, process, meeting, type, region and country where the organisations work; optionally for one process (its slug).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.ViewPublicRegistry);
        return api;
    }

    public static async Task<Results<Ok<ParticipationFigures>, ProblemHttpResult>> GetAsync(AppDbContext db, string? process, CancellationToken ct)
    {
        process = string.IsNullOrWhiteSpace(process) ? null : process.Trim().ToLowerInvariant();
        if (process is not null && !await db.Processes.AnyAsync(p => p.Slug == process && !p.IsDemo, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Process not found", detail: $"No process has the slug '{process}'.");
        }
        var countries = await CivilSocietyDirectory.CountryNamesAsync(db, null, ct);
        return TypedResults.Ok(await ParticipationFigures.LoadAsync(db, process, c => countries.GetValueOrDefault(c) ?? c, ct));
    }
}
