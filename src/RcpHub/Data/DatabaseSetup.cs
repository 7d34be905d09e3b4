using Microsoft.EntityFrameworkCore;
using RcpHub.Data.Seed;

namespace RcpHub.Data;

public static class DatabaseSetup
{
    /// <summary>The kinds of index entry to rewrite once a migration is applied: LibraryTags gave outputs their
    /// recommendations' themes and objectives, and processes the themes they were given since their entry was written
    /// (decision 0039); CompilationsInLibrary enters the data requests already sent (decision 0042).</summary>
    private static readonly (string Migration, Domain.SearchKind[] Kinds)[] IndexRefreshes =
        [("LibraryTags", [Domain.SearchKind.Process, Domain.SearchKind.Output]), ("CompilationsInLibrary", [Domain.SearchKind.Compilation])];

    /// <summary>Applies the committed migrations, then seeds the public registry if the database is empty.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditInterceptor>().ActingUserName = "system (seed)";
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            if (!Infrastructure.Database.SqliteSettingsTaken)
            {
                scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup)).LogWarning(
                    "SQLite refused its settings for the process (a connection was opened before the platform's first): it runs serialized, with memory statistics, correct but slower (decision 0054).");
            }
            // Readers carry on while a write commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await SearchIndex.RebuildIfEmptyAsync(db, ct);
        // Entries a migration changed the making of are rewritten in place, not emptied and rebuilt: saved searches count
        // new results by entry id (decision 0037), and a rebuild would make every entry new.
        var refresh = IndexRefreshes.Where(r => pending.Any(m => m.EndsWith("_" + r.Migration, StringComparison.Ordinal))).SelectMany(r => r.Kinds).Distinct().ToList();
        if (refresh.Count > 0)
        {
            await SearchIndex.RefreshAllAsync(db, refresh, ct);
        }
        await RegistrySeeder.SeedAsync(db, ct);
    }
}
