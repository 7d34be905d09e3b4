using Microsoft.AspNetCore.HostFiltering;

namespace RcpHub.Infrastructure.Email;

/// <summary>Absolute links (emails, calendar feed addresses, printed set-up links) come from <c>PublicBaseUrl</c> only,
/// never from the request: a forged Host header must not make a password-reset email point at another site.
/// Outside Development and Testing the setting is required and must be https; there, without it, links point at the
/// address the platform listens on.</summary>
public static class PublicLinks
{
    public const string Setting = "PublicBaseUrl";

    private const string LocalFallback = "http://localhost:5080";

    /// <summary>Refuses to start without a usable <c>PublicBaseUrl</c> where one is needed, and limits the accepted Host
    /// headers to its host unless <c>AllowedHosts</c> is set.</summary>
    public static WebApplicationBuilder AddPublicLinks(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[Setting];
        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!local)
            {
                throw new InvalidOperationException(
                    $"{Setting} is not set. Set it to the address people reach the platform at, e.g. {Setting}=https://rcphub.example.org " +
                    "(environment variable PublicBaseUrl): links in emails are built from it and from nothing else. See docs/operations.md.");
            }
            return builder;
        }
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || (!local && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"{Setting} '{configured}' is not an absolute {(local ? "http or https" : "https")} address such as https://rcphub.example.org.");
        }
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            // Requests naming another host are answered 400 before any page runs; an operator who serves under several
            // names lists them in AllowedHosts.
            builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [uri.IdnHost]);
        }
        return builder;
    }

    public static string BaseUrl(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        return string.IsNullOrWhiteSpace(configured) ? ListeningAddress(configuration) : configured.TrimEnd('/');
    }

    public static string To(IConfiguration configuration, string pathAndQuery) => BaseUrl(configuration) + pathAndQuery;

    // Development and Testing only (AddPublicLinks requires the setting elsewhere): the first address of --urls, with a
    // wildcard host read as localhost.
    private static string ListeningAddress(IConfiguration configuration)
    {
        var first = configuration[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return LocalFallback;
        }
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
