using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Infrastructure;

/// <summary>Running behind a TLS-terminating proxy or load balancer. X-Forwarded-For/-Proto/-Host are believed only from
/// the addresses in <c>ForwardedHeaders:KnownProxies</c> and <c>ForwardedHeaders:KnownNetworks</c>: from anyone else they
/// would let a visitor choose their own address (and so their rate-limit partition) or pretend to be on https.
/// Every cookie is Secure on an https request, and browsers are told to stay on https (HSTS) outside Development.</summary>
public static class BehindProxy
{
    public static IServiceCollection AddBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework trusts loopback by default; here only what the operator lists.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            if (Uri.TryCreate(configuration[PublicLinks.Setting], UriKind.Absolute, out var publicUrl))
            {
                o.AllowedHosts = [publicUrl.IdnHost];
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseBehindProxy(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        app.UseForwardedHeaders();
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // Antiforgery, temp data, language and time-zone cookies get Secure too (the sign-in cookie already does).
        return app.UseCookiePolicy();
    }

    // Either a JSON array or one value with ';' or ',' between addresses (handier in an environment variable).
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
