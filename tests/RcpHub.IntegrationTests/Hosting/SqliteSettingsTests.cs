using RcpHub.Infrastructure;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Hosting;

/// <summary>SQLite's settings for the process (decision 0054) are those the platform runs with: taken before the first
/// connection of the process opens, or refused by SQLite, which then runs at its slower defaults. The tests run in the
/// same settings as the platform only if nothing opens a connection before the first host.</summary>
public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task A_host_on_SQLite_runs_it_in_multi_thread_mode_without_memory_statistics()
    {
        Assert.SkipWhen(TestDatabase.Provider != DatabaseProvider.Sqlite, "The settings are SQLite's: this run is on PostgreSQL.");
        await using var factory = await RcpHubFactory.CreateAsync();

        Assert.True(Database.SqliteSettingsTaken);
    }
}
