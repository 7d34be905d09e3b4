using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RcpHub.Data;
using RcpHub.Infrastructure;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>The real application over a real database of its own. Use <see cref="CreateAsync"/>; each
/// factory gets a fresh copy of the migrated, seeded template.</summary>
public sealed class RcpHubFactory(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    static RcpHubFactory()
    {
        // Dozens of test hosts run at once. Each would watch its configuration and static files with inotify,
        // and Linux allows 128 watchers per user by default: past that, pages fail. Tests change no file.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    /// <summary>Counts the SQL commands the application sends, for the query budget.</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>Holds a page's rendering for requests that ask for it (<see cref="RenderGate.Header"/>).</summary>
    public RenderGate Render { get; } = new();

    /// <summary>The host environment: "Testing", or "Development" as <c>dotnet run</c> starts the platform.</summary>
    public string HostEnvironment { get; set; } = "Testing";

    /// <summary>The demo accounts' password in tests (the platform draws one at random unless Demo:Password is set).</summary>
    public const string DemoPassword = "Harbour-Lantern-Ninety-7";

    /// <summary>PBKDF2 iterations for passwords hashed in tests (the platform ships 210,000, RcpHubHosting).</summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Extra settings (e.g. Smtp:Port) applied on top of appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public static async Task<RcpHubFactory> CreateAsync(Action<RcpHubFactory>? configure = null)
    {
        var factory = new RcpHubFactory(TestDatabase.Provider, await TestDatabase.CreateAsync());
        configure?.Invoke(factory);
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:RcpHub", ConnectionString);
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(Path.GetTempPath(), "rcphub-tests", "mail"));
        // Tests see every request rendered (and its queries counted); PublicPageCacheTests turns the cache on.
        builder.UseSetting("PublicCache:Enabled", "false");
        builder.UseSetting("Demo:Password", DemoPassword);
        // The mail dispatcher's rounds run when a test calls them (MailDispatcher.RunOnceAsync), not on a timer.
        builder.UseSetting("Mail:Background", "false");
        // Likewise the closing of evaluation rounds at their deadline (EvaluationClock.RunOnceAsync).
        builder.UseSetting("Evaluation:Background", "false");
        // TestServer gives requests no client address, so every test client would share one address's limits: those
        // are raised here, and RateLimitTests sets the real ones. Per-account and per-person limits stay as shipped.
        foreach (var limit in new[] { "SignInPerAddress", "ResetMailsPerAddress", "Search", "MeetingPack", "Pdf" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "100000");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IDbCommandInterceptor>(Queries);
            // Identity's own hasher, with a work factor of 1,000 iterations instead of the shipped 210,000: hundreds of
            // accounts are created and checked per run, and each hash would cost a fifth of a second of processor time.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
            services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(Render));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            // Every test database has a connection pool of its own, whose idle connections stay open for minutes after
            // the test: across hundreds of tests they would fill the server's max_connections.
            await using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>Waits until the instance caches (on PostgreSQL, once it listens for changes): a test of what the cache
    /// keeps would otherwise pass with nothing cached at all.</summary>
    public async Task CachingAsync(HtmlClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await client.GetAsync("/?probe=1");
            Queries.Reset();
            await client.GetAsync("/?probe=1");
            if (Queries.Count == 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "The public page cache never started caching.");
            await Task.Delay(100);
        }
    }

    /// <summary>Migrates and seeds this factory's database (used once, for the template).</summary>
    public Task MigrateAsync() => DatabaseSetup.MigrateAndSeedAsync(Services);

    /// <summary>A scope for arranging or checking data directly, e.g. <c>using var scope = factory.Scope(); scope.Db...</c>.</summary>
    public TestScope Scope() => new(Services.CreateAsyncScope());
}

public sealed class TestScope(AsyncServiceScope scope) : IAsyncDisposable, IDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;
    public AppDbContext Db => scope.ServiceProvider.GetRequiredService<AppDbContext>();
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
    public ValueTask DisposeAsync() => scope.DisposeAsync();
    public void Dispose() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
