using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Hosting;

/// <summary>Behind a TLS-terminating proxy: forwarded headers from a configured proxy make the request https (Secure
/// cookies, HSTS, https links); the same headers from any other address change nothing.</summary>
public sealed class BehindProxyTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private SmtpCatcher _smtp = null!;
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _factory = await RcpHubFactory.CreateAsync(f =>
        {
            _smtp.Configure(f);
            f.Settings["PublicBaseUrl"] = "https://rcphub.example.org";
            f.Settings["ForwardedHeaders:KnownProxies"] = Proxy;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Through_the_configured_proxy_the_request_is_https()
    {
        var email = TestAccounts.NewEmail("proxied");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = From(Proxy);

        var signedIn = await client.SignInAsync(email);
        using var page = await client.Http.GetAsync("/account/sign-in");
        var reset = await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal("/my", signedIn.Url);
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
        Assert.NotEmpty(_setCookies);
        Assert.All(_setCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(_setCookies, c => c.StartsWith("rcphub.auth=", StringComparison.Ordinal));
        var mail = await _smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(20));
        Assert.Contains("https://rcphub.example.org/account/reset-password?", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_headers_from_an_unknown_address_are_ignored()
    {
        using var client = From("203.0.113.9");

        using var response = await client.Http.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.NotEmpty(_setCookies);
        Assert.All(_setCookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private readonly List<string> _setCookies = [];

    /// <summary>A browsing client whose requests arrive from <paramref name="address"/> carrying what a TLS proxy adds.</summary>
    private HtmlClient From(string address)
    {
        var cookies = new CookieContainer();
        var server = _factory.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address));
        var http = new HttpClient(new RedirectHandler { InnerHandler = new CookieContainerHandler(cookies) { InnerHandler = new Recorder(_setCookies) { InnerHandler = server } } })
        {
            BaseAddress = new Uri("http://rcphub.example.org"),
        };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        http.DefaultRequestHeaders.Add("X-Forwarded-Host", "rcphub.example.org");
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return new HtmlClient(http, cookies);
    }

    private sealed class Recorder(List<string> setCookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                var received = values.ToList();
                setCookies.AddRange(received);
                // The test client talks plain http to the test server (the proxy's side): a cookie container would not
                // send Secure cookies back over it, where the browser, on https, does.
                response.Headers.Remove("Set-Cookie");
                response.Headers.TryAddWithoutValidation("Set-Cookie", received.Select(c => c.Replace("; secure", "", StringComparison.OrdinalIgnoreCase)));
            }
            return response;
        }
    }
}
