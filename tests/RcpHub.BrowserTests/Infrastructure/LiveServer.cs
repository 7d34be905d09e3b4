using Microsoft.AspNetCore.Mvc.Testing;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Infrastructure;

/// <summary>The real application on a real socket (Kestrel on a free port) over its own fresh database,
/// so that Chromium can reach it.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private LiveServer(RcpHubFactory factory, Uri address)
    {
        Factory = factory;
        Address = address;
    }

    public RcpHubFactory Factory { get; }
    public Uri Address { get; }

    public static async Task<LiveServer> StartAsync(Action<RcpHubFactory>? configure = null)
    {
        var factory = await RcpHubFactory.CreateAsync(configure);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.ClientOptions.BaseAddress;
        return new LiveServer(factory, address);
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
