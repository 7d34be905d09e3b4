using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Infrastructure;

/// <summary>Caches what anonymous visitors get from public pages and endpoints (those declaring
/// <see cref="Operation.ViewPublicRegistry"/>), per address and language, so that the registry is served
/// at close to the speed of static bytes. Requests carrying any cookie but the language choice are never cached.
/// A page is never kept from before a change: each change moves this instance's <see cref="Generation"/> (its own changes
/// after they commit, other instances' when PostgreSQL delivers their NOTIFY), the generation read before a page is
/// rendered is part of its cache key, and the page is stored only if the generation has not moved meanwhile.
/// See docs/decisions/0005-public-page-cache.md.</summary>
public static class PublicPageCache
{
    public const string Tag = "public-registry";

    /// <summary>The PostgreSQL channel on which every instance announces its changes to public data.</summary>
    public const string Channel = "rcphub_registry";

    // Carries the generation a page was rendered at from the policy to the store; never stored itself.
    private const string GenerationTagPrefix = "public-registry-generation:";

    /// <summary>Moves with every change to public data this instance learns of. <see cref="Trusted"/> is false while an
    /// instance on PostgreSQL is not listening for other instances' changes: nothing is cached then, since a change made
    /// meanwhile would go unnoticed.</summary>
    public sealed class Generation
    {
        private long _value;

        public long Current => Interlocked.Read(ref _value);

        public bool Trusted { get; set; }

        internal void Move() => Interlocked.Increment(ref _value);

        /// <summary>Held while a page is stored and while the pages are evicted, so that a page checked as current
        /// cannot be stored after the eviction that follows a change.</summary>
        internal SemaphoreSlim Gate { get; } = new(1, 1);
    }

    /// <summary>What no cached page shows: the floor is followed only by signed-in people (Operation.FollowFloor), whose
    /// pages are never cached. Its changes come many a minute during a session, and evicting every public page for
    /// each of them would empty the cache for nothing (decision 0005).</summary>
    public static readonly string[] NeverOnPublicPages = [nameof(SessionFloor), nameof(FloorRequest)];

    /// <summary>What of an account no public page shows: a failed sign-in, a lockout or a new password changes only these,
    /// and must not empty the cache (someone mistyping a password again and again would otherwise keep it empty).
    /// Nor does the language a person reads in, which the language picker saves at every switch, nor the time zone they
    /// read times in (only their own pages, never cached, use it). A person's name does show (rapporteurs, speakers,
    /// report authors).</summary>
    public static readonly string[] AccountOnly =
    [
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.LockoutEnabled), nameof(AppUser.PasswordHash),
        nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.TwoFactorEnabled), nameof(AppUser.EmailConfirmed),
        nameof(AppUser.PreferredLanguage), nameof(AppUser.TimeZoneId),
    ];

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("PublicCache:Enabled", true))
        {
            return services;
        }
        // One instance on SQLite: its own changes are all there are. On PostgreSQL, trusted once it listens.
        services.AddSingleton(new Generation { Trusted = Database.ProviderFrom(configuration) != DatabaseProvider.Postgres });
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new PublicPagePolicy());
            o.SizeLimit = 256L * 1024 * 1024;
        });
        var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(memory);
        services.AddSingleton<IOutputCacheStore>(sp => new CurrentPagesStore(
            (IOutputCacheStore)(memory.ImplementationInstance ?? memory.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, memory.ImplementationType!)),
            sp.GetRequiredService<Generation>()));
        if (Database.ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            services.AddHostedService<RegistryChangeListener>();
        }
        return services;
    }

    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<IOutputCacheStore>() is null ? app : app.UseOutputCache();

    /// <summary>Public data changed and the change is committed: moves the generation, so that no page rendered before
    /// is stored or served, and evicts the cached pages of this instance.</summary>
    public static async Task EvictAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetService<Generation>() is { } generation && services.GetService<IOutputCacheStore>() is { } store)
        {
            generation.Move();
            await store.EvictByTagAsync(Tag, ct);
        }
    }

    /// <summary>Tells every instance of a change to public data, inside the transaction that makes it: PostgreSQL
    /// delivers the notification only once the change is committed, and never if it is not.</summary>
    public static async Task AnnounceAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", ct);
        }
    }

    private sealed class PublicPagePolicy : IOutputCachePolicy
    {
        private static readonly string PublicPolicy = OperationPolicies.NameOf(Operation.ViewPublicRegistry);

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var generation = http.RequestServices.GetRequiredService<Generation>();
            var isPublic = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == PublicPolicy) == true;
            var cacheable = isPublic
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && CarriesNoPersonalCookie(http.Request)
                && generation.Trusted;
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
                // Read before anything is rendered. In the key, a request made after a change never gets, nor waits
                // for, a page rendered before it; in a tag, the store refuses the page if a change came meanwhile.
                var seen = generation.Current.ToString(CultureInfo.InvariantCulture);
                context.CacheVaryByRules.VaryByValues["generation"] = seen;
                context.Tags.Add(Tag);
                context.Tags.Add(GenerationTagPrefix + seen);
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

    /// <summary>The output cache's own store, storing a page only if no change came since its rendering began.</summary>
    private sealed class CurrentPagesStore(IOutputCacheStore inner, Generation generation) : IOutputCacheBufferStore
    {
        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            await generation.Gate.WaitAsync(CancellationToken.None);
            try
            {
                await inner.EvictByTagAsync(tag, cancellationToken);
            }
            finally
            {
                generation.Gate.Release();
            }
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                return await buffered.TryGetAsync(key, destination, cancellationToken);
            }
            if (await inner.GetAsync(key, cancellationToken) is not { } bytes)
            {
                return false;
            }
            await destination.WriteAsync(bytes, cancellationToken);
            return true;
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            StoreIfCurrentAsync(tags ?? [], kept => inner.SetAsync(key, value, kept, validFor, cancellationToken));

        public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            StoreIfCurrentAsync(tags.ToArray(), kept => inner is IOutputCacheBufferStore buffered
                ? buffered.SetAsync(key, value, kept, validFor, cancellationToken)
                : inner.SetAsync(key, value.ToArray(), kept, validFor, cancellationToken));

        private async ValueTask StoreIfCurrentAsync(string[] tags, Func<string[], ValueTask> store)
        {
            var seen = tags.FirstOrDefault(t => t.StartsWith(GenerationTagPrefix, StringComparison.Ordinal));
            var kept = tags.Where(t => !t.StartsWith(GenerationTagPrefix, StringComparison.Ordinal)).ToArray();
            await generation.Gate.WaitAsync(CancellationToken.None);
            try
            {
                // Checked under the gate: a change either came before (the page is dropped) or evicts after the store.
                if (seen is null || seen[GenerationTagPrefix.Length..] == generation.Current.ToString(CultureInfo.InvariantCulture))
                {
                    await store(kept);
                }
            }
            finally
            {
                generation.Gate.Release();
            }
        }
    }

    /// <summary>On PostgreSQL: LISTENs for the changes of every instance (its own included) on one dedicated connection.
    /// While not listening nothing is cached, and on every (re)connection everything cached is dropped: a change made
    /// while the connection was down has no notification to wait for.</summary>
    private sealed class RegistryChangeListener(IServiceProvider services, Generation generation, IConfiguration configuration,
        IWebHostEnvironment environment, ILogger<RegistryChangeListener> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // Not pooled: closing it must end the session, LISTEN and all. Keepalive notices a connection that died silently.
            var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionStringFrom(configuration, environment.ContentRootPath))
            {
                Pooling = false,
                KeepAlive = configuration.GetValue("PublicCache:KeepAliveSeconds", 5),
            }.ConnectionString;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    connection.Notification += (_, _) => _ = ChangedAsync();
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    }
                    await ChangedAsync();
                    generation.Trusted = true;
                    while (true)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    generation.Trusted = false;
                    await ChangedAsync();
                    logger.LogWarning(e, "Lost the registry notification connection; caching nothing until it is back.");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }

        private async Task ChangedAsync()
        {
            try
            {
                await EvictAsync(services);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not evict the public page cache.");
            }
        }
    }
}
