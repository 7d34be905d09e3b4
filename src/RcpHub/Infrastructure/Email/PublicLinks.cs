namespace RcpHub.Infrastructure.Email;

/// <summary>Absolute links for emails. <c>PublicBaseUrl</c> (e.g. https://rcphub.example.org) wins over the request's
/// own host, so that a forged Host header cannot make a password-reset email point at another site.</summary>
public static class PublicLinks
{
    public static string BaseUrl(IConfiguration configuration, HttpRequest? request)
    {
        var configured = configuration["PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }
        return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public static string To(IConfiguration configuration, HttpRequest? request, string pathAndQuery) =>
        BaseUrl(configuration, request) + pathAndQuery;
}
