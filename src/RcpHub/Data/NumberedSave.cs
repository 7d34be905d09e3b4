using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RcpHub.Data;

/// <summary>Saves a new numbered version (report, document) whose number is the highest so far plus one. Two saves made
/// at the same instant read the same highest number, and the unique (owner, number) index refuses the second: that one
/// forgets its rows and tries once more with a fresh number. Only when that collides as well is the save refused.</summary>
public static class NumberedSave
{
    /// <summary><paramref name="add"/> reads the next number and adds the new rows (it runs again on a retry); false
    /// when both attempts collided with other saves, and then nothing of this save is stored.</summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, Func<Task> add, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await add();
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // The failed save rolled back with its audit entries; what it added would be inserted again next time.
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
        return false;
    }

    /// <summary>Whether a save refused by a unique index lost a race with another save of the same thing (a submission,
    /// a request) that <paramref name="winnerSaved"/> finds stored. The refused save's rows are let go first, so that
    /// the context can read and save again; a save refused for another reason is not a race.</summary>
    public static async Task<bool> LostRaceAsync(AppDbContext db, DbUpdateException e, Func<CancellationToken, Task<bool>> winnerSaved, CancellationToken ct)
    {
        if (!IsUniqueViolation(e))
        {
            return false;
        }
        foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State != EntityState.Unchanged).ToList())
        {
            entry.State = EntityState.Detached;
        }
        return await winnerSaved(ct);
    }

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
