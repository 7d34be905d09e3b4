namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Base of a test class whose application sends its mail to a real SMTP server of its own
/// (one catcher and one application per class, like the other test classes' factories).</summary>
public abstract class MailingTests : IAsyncLifetime
{
    protected static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    protected SmtpCatcher Smtp { get; private set; } = null!;
    protected RcpHubFactory Factory { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Smtp = await SmtpCatcher.StartAsync();
        Factory = await RcpHubFactory.CreateAsync(f =>
        {
            Smtp.Configure(f);
            Configure(f);
        });
    }

    /// <summary>Settings of this class's application beyond the SMTP server.</summary>
    protected virtual void Configure(RcpHubFactory factory)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
