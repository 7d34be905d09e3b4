using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Infrastructure;

/// <summary>Caches what anonymous visitors get from public pages and endpoints (those declaring
/// <see cref="Operation.ViewPublicRegistry"/>), per address and language, so that the registry is served
/// at close to the speed of static bytes. Requests carrying any cookie but the language choice are never cached.
/// Every change writes an audit entry; this instance evicts at once on its own writes, and each instance
/// polls the newest audit entry id so that a change made on another instance shows within a few seconds.
/// See docs/decisions/0005-public-page-cache.md.</summary>
public static class PublicPageCache
{
    public const string Tag = "public-registry";

    /// <summary>What no cached page shows: the floor is followed only by signed-in people (Operation.FollowFloor), whose
    /// pages are never cached. Its changes come many a minute during a session, and evicting every public page for
    /// each of them would empty the cache for nothing (decision 0005).</summary>
    public static readonly string[] NeverOnPublicPages = [nameof(SessionFloor), nameof(FloorRequest)];

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("PublicCache:Enabled", true))
        {
            return services;
        }
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new PublicPagePolicy());
            o.SizeLimit = 256L * 1024 * 1024;
        });
        services.AddHostedService<RegistryChangeWatcher>();
        return services;
    }

    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<IOutputCacheStore>() is null ? app : app.UseOutputCache();

    /// <summary>Evicts the cached public pages of this instance (called after every audited change).</summary>
    public static async Task EvictAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetService<IOutputCacheStore>() is { } store)
        {
            await store.EvictByTagAsync(Tag, ct);
        }
    }

    private sealed class PublicPagePolicy : IOutputCachePolicy
    {
        private static readonly string PublicPolicy = OperationPolicies.NameOf(Operation.ViewPublicRegistry);

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var isPublic = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == PublicPolicy) == true;
            var cacheable = isPublic
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && CarriesNoPersonalCookie(http.Request);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
                // The reader's time zone (meeting pages show times in it) is a preference cookie like the language.
                context.CacheVaryByRules.VaryByValues["tz"] = http.Request.Cookies["tz"] ?? "";
                context.Tags.Add(Tag);
                context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(30);
            }
            return ValueTask.CompletedTask;
        }

        /// <summary>Only visitors with no cookie but the language and time-zone choices (both part of the cache key)
        /// share cached pages. A sign-in cookie makes
        /// the page personal; an antiforgery cookie means the page may carry a form token made for that visitor.
        /// Deciding from cookies alone lets a cache hit skip authentication entirely.</summary>
        private static bool CarriesNoPersonalCookie(HttpRequest request)
        {
            foreach (var cookie in request.Cookies)
            {
                if (cookie.Key != Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName && cookie.Key != "tz")
                {
                    return false;
                }
            }
            return true;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Only complete, cookie-free successes are shared between visitors.
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Notices changes made by other instances: the newest audit entry id moves whenever anything changes.</summary>
    private sealed class RegistryChangeWatcher(IServiceProvider services, IConfiguration configuration, ILogger<RegistryChangeWatcher> logger) : BackgroundService
    {
        private long? _seen;

        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            // Read the starting point before the host serves anything, so no change can slip in unseen.
            _seen = await NewestChangeAsync(cancellationToken);
            await base.StartAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("PublicCache:PollSeconds", 2.0)));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var newest = await NewestChangeAsync(stoppingToken);
                if (newest is not null && newest != _seen)
                {
                    await EvictAsync(services, stoppingToken);
                    _seen = newest;
                }
            }
        }

        private async Task<long?> NewestChangeAsync(CancellationToken ct)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                // Newest first and stop at the first match: both databases walk the key's index backwards.
                return await db.AuditEntries.Where(a => !NeverOnPublicPages.Contains(a.EntityType))
                    .OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) ?? 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not migrated yet, or briefly unreachable: the next tick tries again.
                logger.LogDebug(e, "Could not check for registry changes.");
                return null;
            }
        }
    }
}
