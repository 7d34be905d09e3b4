using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace RcpHub.Infrastructure.RateLimiting;

/// <summary>Limits on what is expensive to serve (search, meeting packs, PDFs) and on what an attacker repeats (sign-in,
/// reset and invitation mails). The first are counted per instance by ASP.NET Core's rate limiter: a visitor spread over
/// n instances gets at most n times the limit, which is enough to protect each. The second are counted in the database
/// (<see cref="SharedCounters"/>), because there the limit itself is the protection. Either way the answer is 429 with
/// Retry-After, and the status code pages turn it into problem details (API) or the localized error page.
/// Limits come from <c>RateLimits:{Name}:PermitLimit</c> and <c>RateLimits:{Name}:WindowSeconds</c>; docs/operations.md.
/// Searches also take turns within an instance (<see cref="SearchesAtOnce"/>).</summary>
public static class RateLimits
{
    public const string Search = "Search";
    public const string MeetingPack = "MeetingPack";
    public const string Pdf = "Pdf";

    /// <summary>How many searches (pages and API endpoints under the <see cref="Search"/> policy) one instance runs at once:
    /// <c>RateLimits:SearchesAtOnce:PermitLimit</c>, twice the processors unless set (0: no limit). The others wait their
    /// turn, oldest first, up to <c>QueueLimit</c> of them (200 unless set); past that they are answered 429 with
    /// Retry-After. A search is the platform's most expensive read: run all at once, a burst of them shares the processors
    /// with every other page and each takes as long as the slowest (decision 0052).</summary>
    public const string SearchesAtOnce = "SearchesAtOnce";

    public static IServiceCollection AddRcpHubRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SharedCounters>();
        services.AddSingleton(new SharedLimits(configuration));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // A full queue of searches (SearchesAtOnce) gives no time of its own: a second, by when it has moved on.
                SetRetryAfter(context.HttpContext.Response, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = SearchTurns(configuration.GetSection("RateLimits:" + SearchesAtOnce));
            PerPerson(o, RateLimit.From(configuration, Search, 30, TimeSpan.FromMinutes(1)), _ => true);
            PerPerson(o, RateLimit.From(configuration, MeetingPack, 10, TimeSpan.FromMinutes(1)), _ => true);
            // The print page is cheap HTML; only its PDF handler starts a Chromium.
            PerPerson(o, RateLimit.From(configuration, Pdf, 10, TimeSpan.FromMinutes(1)),
                http => string.Equals(http.Request.Query["handler"], "pdf", StringComparison.OrdinalIgnoreCase));
        });
        return services;
    }

    /// <summary>One queue of searches for the instance (<see cref="SearchesAtOnce"/>); every other request passes.</summary>
    private static PartitionedRateLimiter<HttpContext> SearchTurns(IConfigurationSection settings)
    {
        var permits = settings.GetValue("PermitLimit", 2 * Environment.ProcessorCount);
        var turns = new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(permits, 1), QueueLimit = settings.GetValue("QueueLimit", 200), QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return PartitionedRateLimiter.Create<HttpContext, string>(http =>
            permits > 0 && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Search
                ? RateLimitPartition.GetConcurrencyLimiter(SearchesAtOnce, _ => turns)
                : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>After authentication, so that a signed-in person is counted as themselves and not as their office's address.</summary>
    public static IApplicationBuilder UseRcpHubRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>The 429 a page or endpoint answers when a <see cref="SharedCounters"/> limit is reached.</summary>
    public static IActionResult TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        SetRetryAfter(response, retryAfter);
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The signed-in person, or else the client's address (the proxy's forwarded one, docs/operations.md).</summary>
    public static string PartitionOf(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId : "address:" + AddressOf(http);

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static void PerPerson(RateLimiterOptions options, RateLimit limit, Func<HttpContext, bool> applies) =>
        options.AddPolicy(limit.Name, http => applies(http)
            ? RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter) =>
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The limits counted in the database, read once from configuration.</summary>
public sealed class SharedLimits(IConfiguration configuration)
{
    /// <summary>Sign-in attempts for one email address, whoever makes them and through whichever instance.</summary>
    public RateLimit SignInPerAccount { get; } = RateLimit.From(configuration, "SignInPerAccount", 5, TimeSpan.FromMinutes(1));

    /// <summary>Sign-in attempts from one client address, whatever the accounts tried.</summary>
    public RateLimit SignInPerAddress { get; } = RateLimit.From(configuration, "SignInPerAddress", 20, TimeSpan.FromMinutes(1));

    /// <summary>Password-reset requests for one email address.</summary>
    public RateLimit ResetMailsPerEmail { get; } = RateLimit.From(configuration, "ResetMailsPerEmail", 3, TimeSpan.FromHours(1));

    /// <summary>Password-reset requests from one client address.</summary>
    public RateLimit ResetMailsPerAddress { get; } = RateLimit.From(configuration, "ResetMailsPerAddress", 10, TimeSpan.FromHours(1));

    /// <summary>Invitation mails sent by one person.</summary>
    public RateLimit InvitationMails { get; } = RateLimit.From(configuration, "InvitationMails", 100, TimeSpan.FromHours(1));
}
