using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Hosting;

/// <summary>Emailed links come from PublicBaseUrl alone: a request that names another host (a forged Host header)
/// cannot make a reset email point elsewhere, and without an explicit AllowedHosts such a request is refused.</summary>
public sealed class PublicLinksTests : IAsyncLifetime
{
    private const string Public = "https://rcphub.example.org";
    private SmtpCatcher _smtp = null!;

    public async ValueTask InitializeAsync() => _smtp = await SmtpCatcher.StartAsync();

    public async ValueTask DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task A_hostile_host_header_does_not_reach_the_reset_link()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f =>
        {
            _smtp.Configure(f);
            f.Settings["PublicBaseUrl"] = Public;
            // Every host let through, to show that the link does not depend on host filtering.
            f.Settings["AllowedHosts"] = "*";
        });

        var body = await ResetMailAsync(factory, "evil.example");

        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        Assert.Contains(Public + "/account/reset-password?", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_allowed_hosts_only_the_public_host_is_served()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f => f.Settings["PublicBaseUrl"] = Public);
        using var client = factory.CreateDefaultClient(new Uri(Public));

        using var ours = await client.GetAsync("/account/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in") { Headers = { Host = "evil.example" } };
        using var theirs = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, theirs.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_platform_does_not_start_without_a_public_address()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f => f.HostEnvironment = "Production");

        var failure = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IConfiguration>());

        Assert.Contains("PublicBaseUrl is not set", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_address_test_and_development_links_point_at_the_listening_address_not_the_host_header()
    {
        await using var factory = await RcpHubFactory.CreateAsync(_smtp.Configure);

        var body = await ResetMailAsync(factory, "evil.example");

        Assert.Contains("http://localhost:5080/account/reset-password?", body, StringComparison.Ordinal);
    }

    /// <summary>The body of the reset mail asked for through requests naming <paramref name="host"/>.</summary>
    private async Task<string> ResetMailAsync(RcpHubFactory factory, string host)
    {
        var email = TestAccounts.NewEmail("hosted");
        await TestAccounts.CreateAsync(factory, email);
        using var client = HtmlClient.For(factory);
        client.Http.DefaultRequestHeaders.Host = host;
        var form = await client.GetAsync("/account/forgot-password");
        await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        return (await _smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(20))).Body;
    }
}
