using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using RcpHub.Domain;

namespace RcpHub.Data;

/// <summary>Records every change as an <see cref="AuditEntry"/> in the same transaction as the change,
/// so that no change is saved without its entry and no entry without its change.</summary>
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // Values that change on every sign-in or are secrets: never copied into the log.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(Invitation.TokenHash),
    };

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(AppUser.AccessFailedCount), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp),
    };

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, int? ProcessId);

    private List<Pending>? _pending;
    private IDbContextTransaction? _ownTransaction;

    /// <summary>Set by command-line tools (migrate, create-admin, demo) that act without an HTTP user.</summary>
    public string? ActingUserName { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && _pending is null)
        {
            _pending = await CollectAsync(db, cancellationToken);
            if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
            {
                _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || _pending is not { } pending)
        {
            return result;
        }

        // Cleared before the nested SaveChanges below, which would otherwise audit the audit entries.
        _pending = [];
        try
        {
            if (pending.Count > 0)
            {
                var (userId, userName) = CurrentUser();
                var now = clock.GetUtcNow();
                foreach (var p in pending)
                {
                    db.AuditEntries.Add(new AuditEntry
                    {
                        At = now,
                        UserId = userId,
                        UserName = userName,
                        ProcessId = p.ProcessId ?? ProcessIdOf(p.Entry),
                        EntityType = p.Entry.Metadata.ClrType.Name,
                        EntityId = KeyOf(p.Entry),
                        Action = p.Action,
                        Before = p.Before is null ? null : JsonSerializer.Serialize(p.Before, Json),
                        After = p.Action == "Deleted" ? null : JsonSerializer.Serialize(Values(p.Entry, current: true), Json),
                    });
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            if (_ownTransaction is not null)
            {
                await _ownTransaction.CommitAsync(cancellationToken);
            }
            if (pending.Count > 0)
            {
                await RcpHub.Infrastructure.PublicPageCache.EvictAsync(services, cancellationToken);
            }
        }
        finally
        {
            await EndAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is not null)
        {
            await _ownTransaction.RollbackAsync(cancellationToken);
        }
        await EndAsync();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private async Task EndAsync()
    {
        if (_ownTransaction is not null)
        {
            await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }
        _pending = null;
    }

    private static async Task<List<Pending>> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry))
            {
                continue;
            }
            if (entry.State == EntityState.Modified &&
                entry.Properties.Where(p => p.IsModified).All(p => Noise.Contains(p.Metadata.Name)))
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => "Added",
                EntityState.Deleted => "Deleted",
                _ => "Modified",
            };
            var before = entry.State == EntityState.Added ? null : Values(entry, current: false);
            int? processId = entry.Entity is BodyMember bm
                ? await db.Bodies.Where(b => b.Id == bm.BodyId).Select(b => (int?)b.ProcessId).FirstOrDefaultAsync(ct)
                : null;
            pending.Add(new Pending(entry, action, before, processId));
        }
        return pending;
    }

    private static bool IsAudited(EntityEntry entry) => entry.Entity switch
    {
        AuditEntry or DataProtectionKey => false,
        IdentityUserToken<string> or IdentityUserLogin<string> => false,
        _ => true,
    };

    private static Dictionary<string, object?> Values(EntityEntry entry, bool current)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsShadowProperty() && !p.Metadata.IsForeignKey())
            {
                continue;
            }
            var value = current ? p.CurrentValue : p.OriginalValue;
            values[p.Metadata.Name] = Hidden.Contains(p.Metadata.Name) ? (value is null ? null : "(hidden)") : value;
        }
        return values;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static int? ProcessIdOf(EntityEntry entry) => entry.Entity switch
    {
        Process p => p.Id,
        IBelongsToProcess b => b.ProcessId,
        Invitation i => i.ProcessId,
        _ when entry.Metadata.ClrType == typeof(Dictionary<string, object>) && entry.Properties.Any(p => p.Metadata.Name == "ProcessesId")
            => (int?)entry.Property("ProcessesId").CurrentValue,
        _ => null,
    };

    private (string? UserId, string UserName) CurrentUser()
    {
        var user = httpContextAccessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "unknown");
        }
        return (null, ActingUserName ?? (httpContextAccessor.HttpContext is null ? "system" : "anonymous"));
    }
}
