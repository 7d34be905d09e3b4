using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Manage;

/// <summary>For a test class that works as MIDSA's secretariat: a fresh database, and a browser signed in as
/// <paramref name="email"/> (whose display name the audit log shows).</summary>
public abstract class SecretariatTests(string email) : IAsyncLifetime
{
    protected RcpHubFactory Factory { get; private set; } = null!;
    protected HtmlClient Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = await RcpHubFactory.CreateAsync();
        await TestUsers.CreateUserAsync(Factory, email, ("midsa", ProcessRole.Secretariat));
        Browser = await TestUsers.SignInAsync(Factory, email);
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
