using Microsoft.Extensions.Configuration;
using Npgsql;
using RcpHub.Infrastructure;

namespace RcpHub.Tests.Infrastructure;

/// <summary>The connection string an operator gives is what the application connects with, plus the settings it runs best
/// with on PostgreSQL (decisions 0043, 0046, 0048), each one only where the operator has not set it.</summary>
public sealed class DatabaseTests
{
    private static NpgsqlConnectionStringBuilder Postgres(string given) => new(Database.ConnectionStringFrom(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:RcpHub"] = given,
        }).Build(), contentRoot: Path.GetTempPath()));

    [Fact]
    public void A_postgres_connection_runs_without_jit_prepares_its_statements_and_is_not_reset_on_close()
    {
        var connection = Postgres("Host=db.example;Database=rcphub;Username=rcphub");

        Assert.Equal("db.example", connection.Host);
        Assert.Equal("rcphub", connection.Database);
        Assert.Contains("-c jit=off", connection.Options, StringComparison.Ordinal);
        Assert.Equal(100, connection.MaxAutoPrepare);
        Assert.True(connection.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db.example;Database=rcphub;Options=-c jit=on;Max Auto Prepare=5;No Reset On Close=false")]
    [InlineData("Host=db.example;Database=rcphub;Options=-c jit=on;maxautoprepare=5;NoResetOnClose=false")]
    public void What_the_operator_sets_is_kept(string given)
    {
        var connection = Postgres(given);

        Assert.Equal("-c jit=on", connection.Options);
        Assert.Equal(5, connection.MaxAutoPrepare);
        Assert.False(connection.NoResetOnClose);
    }

    [Fact]
    public void An_sqlite_connection_string_is_used_as_given()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RcpHub"] = "Data Source=/var/lib/rcphub/rcphub.db",
        }).Build();

        Assert.Equal("Data Source=/var/lib/rcphub/rcphub.db", Database.ConnectionStringFrom(configuration, Path.GetTempPath()));
    }
}
