using Microsoft.Data.Sqlite;
using Npgsql;
using RcpHub.Infrastructure;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>A clean, migrated and seeded database for each test host. The first call migrates and seeds a
/// template once per test run; each test host then gets a copy (SQLite: VACUUM INTO a new file; PostgreSQL:
/// CREATE DATABASE ... TEMPLATE). The provider comes from RCPHUB_TEST_DB (sqlite, the default, or postgres);
/// PostgreSQL's server from RCPHUB_TEST_POSTGRES (a connection string to a server where the user may create databases).</summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    // One template per provider: a SQLite run also makes a PostgreSQL database for the two-instance tests.
    private static readonly Dictionary<DatabaseProvider, string> Templates = [];
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    public static DatabaseProvider Provider =>
        string.Equals(Environment.GetEnvironmentVariable("RCPHUB_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL server for the tests that need one whatever the provider under test (two instances on one database).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("RCPHUB_TEST_POSTGRES")
        ?? throw new InvalidOperationException("RCPHUB_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts a PostgreSQL server.");

    public static Task<string> CreateAsync() => CreateAsync(Provider);

    public static async Task<string> CreateAsync(DatabaseProvider provider)
    {
        var template = await TemplateAsync(provider);
        var name = $"rcphub_test_{RunId}_{Guid.NewGuid():N}"[..40];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "rcphub-tests", name + ".db");
            await using var connection = new SqliteConnection(template);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", path);
            await command.ExecuteNonQueryAsync();
            return $"Data Source={path}";
        }
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"";
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    private static string TemplateName => $"rcphub_template_{RunId}";

    private static async Task<string> TemplateAsync(DatabaseProvider provider)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (Templates.TryGetValue(provider, out var known))
            {
                return known;
            }
            string connectionString;
            if (provider == DatabaseProvider.Sqlite)
            {
                var folder = Path.Combine(Path.GetTempPath(), "rcphub-tests");
                Directory.CreateDirectory(folder);
                connectionString = $"Data Source={Path.Combine(folder, $"template_{RunId}.db")}";
            }
            else
            {
                await using var admin = new NpgsqlConnection(PostgresServer);
                await admin.OpenAsync();
                await using var command = admin.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{TemplateName}\"";
                await command.ExecuteNonQueryAsync();
                connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = TemplateName }.ConnectionString;
            }
            await using (var factory = new RcpHubFactory(provider, connectionString))
            {
                await factory.MigrateAsync();
            }
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Templates[provider] = connectionString;
            return connectionString;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
