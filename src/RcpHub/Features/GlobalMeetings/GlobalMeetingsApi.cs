using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.GlobalMeetings;

/// <summary>A Global RCP Meeting. When only the year is known, <see cref="StartsOn"/> is 1 January and <see cref="YearOnly"/> is true.</summary>
public sealed record GlobalMeetingView(
    int Number, string Name, DateOnly StartsOn, DateOnly? EndsOn, bool YearOnly, string Location, string? Host, string? Theme,
    string? Participation, string SourceUrl);

/// <summary>The Global Meetings of Chairs and Secretariats of RCPs, newest first (the page uses the same order).</summary>
public static class GlobalMeetingsApi
{
    public static RouteGroupBuilder MapGlobalMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/global-meetings", ListGlobalMeetings)
            .WithTags("Global meetings")
            .WithName("ListGlobalMeetings")
            .WithSummary("The Global RCP Meetings, newest first, with date, place, host, theme, participation and source.")
            .Requires(Operation.ViewPublicRegistry);
        return api;
    }

    public static async Task<Ok<List<GlobalMeetingView>>> ListGlobalMeetings(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, ct));

    public static Task<List<GlobalMeetingView>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.GlobalMeetings.AsNoTracking()
            .OrderByDescending(g => g.Number)
            .Select(g => new GlobalMeetingView(g.Number, g.Name, g.StartsOn, g.EndsOn, g.YearOnly, g.Location, g.Host, g.Theme, g.Participation, g.SourceUrl))
            .ToListAsync(ct);
}
