using Microsoft.EntityFrameworkCore;
using RcpHub.Data.Seed;

namespace RcpHub.Data;

public static class DatabaseSetup
{
    /// <summary>Applies the committed migrations, then seeds the public registry if the database is empty.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditInterceptor>().ActingUserName = "system (seed)";
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Readers carry on while a write commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await SearchIndex.RebuildIfEmptyAsync(db, ct);
        await RegistrySeeder.SeedAsync(db, ct);
    }
}
