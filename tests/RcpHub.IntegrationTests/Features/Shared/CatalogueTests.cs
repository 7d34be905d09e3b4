using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>Tests that walk every page of the catalogue (<see cref="PageCatalogue"/>), over a database with the demo
/// process loaded so that every kind of page has something to show.</summary>
public abstract class CatalogueTests : IAsyncLifetime
{
    protected RcpHubFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(Factory);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client signed in as the platform administrator, who may open every page.</summary>
    protected async Task<HtmlClient> AdministratorAsync()
    {
        var client = HtmlClient.For(Factory);
        await client.SignInAsync(DemoData.Accounts.Single(a => a.IsAdministrator).Email, RcpHubFactory.DemoPassword);
        return client;
    }
}
