using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RcpHub.Data;

namespace RcpHub.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the database from configuration: <c>Database:Provider</c> (Sqlite or Postgres, also
/// <c>Database__Provider</c> in the environment) and <c>ConnectionStrings:RcpHub</c>.</summary>
public static class Database
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static string ConnectionStringFrom(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("RcpHub");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return ProviderFrom(configuration) == DatabaseProvider.Postgres ? WithoutJit(configured) : configured;
        }
        if (ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:RcpHub is not set.");
        }
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "rcphub.db")}";
    }

    /// <summary>PostgreSQL compiles a query whose estimated cost is high to machine code first (JIT): the library's access
    /// rules asked of the engine's best matches spent 145 ms compiling for 36 ms of work, every time (decision 0043). This
    /// application's queries are short: JIT is off unless the connection string's Options already say what it should be.</summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = ((builder.Options ?? "") + " -c jit=off").Trim();
        }
        return builder.ConnectionString;
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, contentRoot);
        services.AddScoped<AuditInterceptor>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
                .AddInterceptors(sp.GetServices<IDbCommandInterceptor>()));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
                .AddInterceptors(sp.GetServices<IDbCommandInterceptor>()));
        }
        return services;
    }
}
