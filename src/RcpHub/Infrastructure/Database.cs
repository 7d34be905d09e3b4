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
            return ProviderFrom(configuration) == DatabaseProvider.Postgres ? ForPostgres(configured) : configured;
        }
        if (ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:RcpHub is not set.");
        }
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "rcphub.db")}";
    }

    /// <summary>The connection string as this application runs best on PostgreSQL, unless it already says otherwise:
    /// <list type="bullet">
    /// <item>JIT off (in Options): PostgreSQL compiles a query whose estimated cost is high to machine code first, and the
    /// library's access rules asked of the engine's best matches spent 145 ms compiling for 36 ms of work, every time
    /// (decision 0043). This application's queries are short.</item>
    /// <item>Statements prepared once used often (Max Auto Prepare): a page runs the same few queries again and again, and
    /// PostgreSQL planned the library's access query anew each time (8 ms of a search, decision 0046). Prepared, it is
    /// planned once per connection; the reader's lists are one parameter each (<see cref="OneParameterPerList"/>), so one
    /// text serves every reader.</item>
    /// <item>No reset when a connection goes back to the pool (No Reset On Close): Npgsql otherwise sends "SET SESSION
    /// AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; ..." before the next use, once per query, as EF Core opens
    /// and closes the connection around each one (seven times a library search, decision 0048). This application sets no
    /// session state: no SET, no LISTEN, no cursor or advisory lock kept past its query.</item>
    /// </list></summary>
    private static string ForPostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // The keywords the operator wrote, however spaced ("Max Auto Prepare" or "MaxAutoPrepare"): what they set is kept.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(keyword => keyword.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = ((builder.Options ?? "") + " -c jit=off").Trim();
        }
        if (!given.Contains(nameof(builder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = 100;
        }
        if (!given.Contains(nameof(builder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>A list asked in a query (the processes a reader is a member of, their states, the ids of a page) is one
    /// parameter: a JSON array read by json_each on SQLite, an array with = ANY on PostgreSQL; not one parameter per
    /// element, EF Core 10's default. The access rules ask the same few lists of the reader's in many places of one query: a
    /// member of thirty processes made the library's query 28 KB of SQL with 326 parameters, prepared and bound anew on every
    /// search (decision 0046). A query's text is then the same for every reader, which PostgreSQL prepares once.</summary>
    private const ParameterTranslationMode OneParameterPerList = ParameterTranslationMode.Parameter;

    /// <summary>SQLite's settings for the whole process, made once before its first connection opens (decision 0054):
    /// <list type="bullet">
    /// <item>Multi-thread mode: a connection is used by one request at a time, as ADO.NET requires of it, so the lock SQLite's
    /// default (serialized) mode takes on every call into a connection, each step and each column read, guards nothing.</item>
    /// <item>No memory statistics: with them on, every allocation SQLite makes takes one lock shared by all connections.</item>
    /// </list>
    /// Contended by sixteen readers of the library on two cores, these locks put threads to sleep and woke them again. When
    /// SQLite has already started in this process (a connection was opened before), it refuses these settings and keeps its
    /// defaults, which are correct, only slower: <see cref="SqliteSettingsTaken"/> says which, and the start logs a warning.</summary>
    private static readonly Lazy<bool> SqliteSettings = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        var threading = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
        var statistics = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return threading == SQLitePCL.raw.SQLITE_OK && statistics == SQLitePCL.raw.SQLITE_OK;
    });

    /// <summary>Whether SQLite took its settings for the process (<see cref="SqliteSettings"/>); they are made, if not yet,
    /// when this is read.</summary>
    public static bool SqliteSettingsTaken => SqliteSettings.Value;

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, contentRoot);
        services.AddScoped<AuditInterceptor>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory").UseParameterizedCollectionMode(OneParameterPerList))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
                .AddInterceptors(sp.GetServices<IDbCommandInterceptor>()));
        }
        else
        {
            _ = SqliteSettingsTaken;
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(OneParameterPerList))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
                .AddInterceptors(sp.GetServices<IDbCommandInterceptor>()));
        }
        return services;
    }
}
