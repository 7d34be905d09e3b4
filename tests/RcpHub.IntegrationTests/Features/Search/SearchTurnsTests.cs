using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RcpHub.Infrastructure.RateLimiting;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Decision 0052: an instance runs a few searches at once; the others wait their turn, oldest first, and past the
/// queue are refused with 429 and Retry-After. Other pages do not wait for searches.</summary>
public sealed class SearchTurnsTests : IAsyncLifetime
{
    private readonly HeldRankings _held = new();
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync(f =>
    {
        f.Settings["RateLimits:SearchesAtOnce:PermitLimit"] = "1";
        f.Settings["RateLimits:SearchesAtOnce:QueueLimit"] = "1";
    });

    public async ValueTask DisposeAsync()
    {
        _held.Release();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_search_past_the_one_running_waits_its_turn_one_past_the_queue_is_refused_and_other_pages_are_served()
    {
        using var host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IDbCommandInterceptor>(_held)));
        using var first = host.CreateClient();
        using var second = host.CreateClient();
        using var third = host.CreateClient();

        // The first search holds the instance's one turn while the engine ranks its matches.
        var running = first.GetAsync("/search?q=morocco");
        await _held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = second.GetAsync("/api/v1/search?q=morocco");
        await QueuedAsync(host, 1);

        // Past the one waiting: refused at once, with the time to come back.
        using var refused = await third.GetAsync("/api/v1/search?q=morocco").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Pages other than searches are not in the queue.
        using var registry = await third.GetAsync("/processes");
        Assert.Equal(HttpStatusCode.OK, registry.StatusCode);
        Assert.False(waiting.IsCompleted);

        _held.Release();
        using var ran = await running;
        using var waited = await waiting;
        Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
        Assert.Contains("Morocco", await waited.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until <paramref name="count"/> searches wait for their turn in the instance's queue.</summary>
    private static async Task QueuedAsync(WebApplicationFactory<Program> host, int count)
    {
        var limiter = host.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var search = new DefaultHttpContext();
        search.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new EnableRateLimitingAttribute(RateLimits.Search)), "search"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (limiter.GetStatistics(search)?.CurrentQueuedCount != count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Holds the engine's ranking statement (both engines name its revision column "Revision") until released.</summary>
    private sealed class HeldRankings : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("Revision", StringComparison.Ordinal) && command.CommandText.Contains("Rank", StringComparison.Ordinal))
            {
                Entered.TrySetResult();
                await _release.Task;
            }
            return result;
        }
    }
}
