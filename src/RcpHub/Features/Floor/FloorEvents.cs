using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Floor;

/// <summary>The live floor as server-sent events: the floor now, then again each time it changes (event "floor",
/// JSON of <see cref="FloorView"/>, id = revision), with a comment line now and then to keep proxies from closing
/// the connection. Authorized like the page: a meeting the reader may not see answers 404.</summary>
public static class FloorEvents
{
    public static IServiceCollection AddFloor(this IServiceCollection services)
    {
        services.AddSingleton<FloorBroadcaster>();
        services.AddHostedService<FloorChangeListener>();
        services.AddScoped<FloorCommands>();
        return services;
    }

    public static IEndpointRouteBuilder MapFloorEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor/events", StreamAsync)
            .Requires(Operation.FollowFloor)
            .WithName("FloorEvents")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> StreamAsync(HttpContext http, string slug, int id, int sessionId, AppDbContext db,
        IAuthorizationService authorization, MeetingReaders readers, FloorBroadcaster broadcaster, TimeProvider clock,
        IHostApplicationLifetime lifetime, IConfiguration configuration)
    {
        var ct = http.RequestAborted;
        if (await FloorPlace.FindAsync(db, authorization, readers, http.User, slug, id, sessionId, ct) is null)
        {
            return Results.NotFound();
        }
        // Subscribe before reading, so that no change falls between the read and the subscription.
        using var subscription = broadcaster.Subscribe(sessionId);
        var current = await FloorSnapshot.ReadAsync(db, sessionId, ct);

        var response = http.Response;
        response.Headers.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // The stream ends with the request or when the instance stops, so that shutting down never waits on it.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        var heartbeat = TimeSpan.FromSeconds(configuration.GetValue("Floor:HeartbeatSeconds", 15.0));
        try
        {
            await response.WriteAsync("retry: 2000\n\n", ending.Token);
            await SendAsync(response, current, clock, ending.Token);
            var sent = current.Revision;
            while (!ending.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ending.Token);
                wait.CancelAfter(heartbeat);
                try
                {
                    await subscription.Changes.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ending.IsCancellationRequested)
                {
                    await response.WriteAsync(": still here\n\n", ending.Token);
                    await response.Body.FlushAsync(ending.Token);
                    continue;
                }
                while (subscription.Changes.TryRead(out var snapshot))
                {
                    if (snapshot.Revision > sent)
                    {
                        await SendAsync(response, snapshot, clock, ending.Token);
                        sent = snapshot.Revision;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The reader left, or the instance is stopping.
        }
        return Results.Empty;
    }

    private static async Task SendAsync(HttpResponse response, FloorSnapshot snapshot, TimeProvider clock, CancellationToken ct)
    {
        var view = snapshot.In(Cultures.Current, clock.GetUtcNow());
        var json = JsonSerializer.Serialize(view, JsonSerializerOptions.Web);
        await response.WriteAsync($"id: {view.Revision}\nevent: floor\ndata: {json}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
