using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Evaluation;

/// <summary>On every instance, every <see cref="EvaluationOptions.CloseEvery"/>: writes down the closing of the rounds
/// whose deadline has passed. The conditional update makes instances that run it at once close each round once; pages
/// and the API show a round past its deadline as closed even before this runs.</summary>
public sealed class EvaluationClock(IServiceScopeFactory scopes, IOptions<EvaluationOptions> options, ILogger<EvaluationClock> logger) : PeriodicWork(logger)
{
    protected override bool Enabled => options.Value.Background;

    protected override TimeSpan Every => options.Value.CloseEvery;

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(scopes, ct);

    /// <summary>One pass; returns how many rounds this instance closed.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        return await EvaluationRounds.CloseDueAsync(db, clock.GetUtcNow(), ct);
    }
}
