using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Floor;

/// <summary>The live floor as server-sent events: the floor now, then again each time it changes (event "floor",
/// JSON of <see cref="FloorView"/>, id = revision), with a comment line now and then to keep proxies from closing
/// the connection. Authorized like the page: a meeting the reader may not see answers 404. A stream lives for hours, so
/// access is checked again at once on every change to access on any instance (<see cref="FloorBroadcaster.AccessChanged"/>),
/// and, as a backstop, before a change is sent when the last check is older than Floor:RecheckSeconds (30): a reader
/// whose role was revoked, whose account was locked, or whose meeting was closed to them, has the stream ended.</summary>
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

    private static async Task<IResult> StreamAsync(HttpContext http, AddressedProcess process, int id, int sessionId, AppDbContext db,
        IAuthorizationService authorization, MeetingReaders readers, FloorBroadcaster broadcaster, TimeProvider clock,
        IHostApplicationLifetime lifetime, IConfiguration configuration, IServiceScopeFactory scopes)
    {
        var ct = http.RequestAborted;
        if (await FloorPlace.FindAsync(db, authorization, readers, http.User, process, id, sessionId, ct) is null)
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
        var recheck = TimeSpan.FromSeconds(configuration.GetValue("Floor:RecheckSeconds", 30.0));
        var checkedAt = clock.GetUtcNow();
        var accessChange = broadcaster.NextAccessChange;
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
                    await Task.WhenAny(subscription.Changes.WaitToReadAsync(wait.Token).AsTask(), accessChange).WaitAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ending.IsCancellationRequested)
                {
                    await response.WriteAsync(": still here\n\n", ending.Token);
                    await response.Body.FlushAsync(ending.Token);
                    continue;
                }
                if (accessChange.IsCompleted)
                {
                    // Taken before the check: a change to access during it wakes this stream again.
                    accessChange = broadcaster.NextAccessChange;
                    if (!await MayStillFollowAsync(scopes, http.User, process, id, sessionId, ending.Token))
                    {
                        return Results.Empty;
                    }
                    checkedAt = clock.GetUtcNow();
                }
                while (subscription.Changes.TryRead(out var snapshot))
                {
                    if (snapshot.Revision > sent)
                    {
                        if (clock.GetUtcNow() - checkedAt >= recheck)
                        {
                            if (!await MayStillFollowAsync(scopes, http.User, process, id, sessionId, ending.Token))
                            {
                                // Ending the response closes the stream; the browser's reconnection then gets 404.
                                return Results.Empty;
                            }
                            checkedAt = clock.GetUtcNow();
                        }
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

    /// <summary>The same check as at the start, in a scope of its own: the request's scope remembers the reader's
    /// roles as they were when the stream opened.</summary>
    private static async Task<bool> MayStillFollowAsync(IServiceScopeFactory scopes, System.Security.Claims.ClaimsPrincipal user,
        AddressedProcess process, int id, int sessionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        // A deleted account follows nothing. A lockout does not end a stream: it guards sign-in against guessing, which
        // anyone can set off by mistyping someone's address, and must not let a stranger cut a delegate off the floor.
        var userId = ProcessAccess.UserIdOf(user);
        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return false;
        }
        return await FloorPlace.FindAsync(db, services.GetRequiredService<IAuthorizationService>(),
            services.GetRequiredService<MeetingReaders>(), user, process, id, sessionId, ct) is not null;
    }

    private static async Task SendAsync(HttpResponse response, FloorSnapshot snapshot, TimeProvider clock, CancellationToken ct)
    {
        var view = snapshot.In(Cultures.Current, clock.GetUtcNow());
        var json = JsonSerializer.Serialize(view, JsonSerializerOptions.Web);
        await response.WriteAsync($"id: {view.Revision}\nevent: floor\ndata: {json}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
