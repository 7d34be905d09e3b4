using Microsoft.Extensions.Options;

namespace RcpHub.Infrastructure.Email;

public sealed class MailOptions
{
    /// <summary>Whether this instance runs the dispatcher (tests call its steps directly).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How often the dispatcher looks for due mail (reminders, retries).</summary>
    public TimeSpan DispatchEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before a meeting starts its reminder goes out.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>Mail that falls due with time rather than with a change (a reminder before a meeting). Queued with an
/// idempotency key, so that instances running the same finder at once queue it once.</summary>
public interface IDueMail
{
    /// <summary>Queues and saves what is due now; returns how many mails were queued.</summary>
    Task<int> EnqueueDueAsync(CancellationToken ct);
}

/// <summary>On every instance: every <see cref="MailOptions.DispatchEvery"/>, queues due mail and sends what the
/// outbox holds unsent (new, or failed and due again). Instances share the work through the outbox's claims.</summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<MailDispatcher> logger) : PeriodicWork(logger)
{
    protected override bool Enabled => options.Value.Background;

    protected override TimeSpan Every => options.Value.DispatchEvery;

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(scopes, ct);

    /// <summary>One round: due mail queued, then the outbox sent.</summary>
    public static async Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var source in scope.ServiceProvider.GetServices<IDueMail>())
            {
                await source.EnqueueDueAsync(ct);
            }
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            while (await outbox.DispatchDueAsync(ct: ct) > 0)
            {
            }
        }
    }
}
