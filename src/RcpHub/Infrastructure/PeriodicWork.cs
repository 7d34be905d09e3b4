namespace RcpHub.Infrastructure;

/// <summary>Work every instance does on a timer (sending due mail, closing evaluation rounds at their deadline). The
/// work itself must be safe when several instances do it at once; a failure is logged and tried again at the next tick,
/// since a database or server that is away now may be back by then.</summary>
public abstract class PeriodicWork(ILogger logger) : BackgroundService
{
    /// <summary>Whether this instance runs the work on its timer (tests run its steps directly).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Every { get; }

    protected abstract Task RunAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Work} failed; it tries again in {Interval}", GetType().Name, Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
