using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
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
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Enums by name, as the database stores them: "Observer" tells the reader what 1 would not.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new JsonStringEnumConverter() } };

    // Values that change on every sign-in or are secrets: never copied into the log.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(Invitation.TokenHash), nameof(SavedSearch.StopToken),
        // A document's bytes and extracted text: megabytes that say nothing in a log (the version's SHA-256 is kept).
        nameof(DocumentContent.Bytes), nameof(DocumentVersion.ExtractedText),
    };

    // Sign-in bookkeeping. A lockout is what failed sign-ins write: as an audit entry it would empty every instance's public
    // page cache (PublicPageCache evicts on each entry), so that anyone could flush it by mistyping a known address.
    // Identity logs lockouts.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(AppUser.AccessFailedCount), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp), nameof(AppUser.LockoutEnd),
    };

    /// <param name="Body">For a body member: its body, whose process is known only after the save when both are new.</param>
    /// <param name="Public">Whether the change may show on a page anonymous visitors get (decision 0005).</param>
    /// <param name="Access">Whether the change may take away someone's access to a meeting (decision 0009: open floor streams re-check).</param>
    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, int? ProcessId, Body? Body, bool Public = true, bool Access = false);

    // A public change saved inside a transaction the caller owns: the cache is evicted once that commits.
    private bool _evictOnCommit;

    private List<Pending>? _pending;
    private IDbContextTransaction? _ownTransaction;

    // True while the audit entries themselves are saved, so that that nested save is neither audited nor ends the outer one.
    private bool _writingEntries;

    /// <summary>Set by command-line tools (migrate, create-admin, demo) that act without an HTTP user.</summary>
    public string? ActingUserName { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || _writingEntries)
        {
            return result;
        }
        // A save that ended in a concurrency conflict reaches neither SavedChanges nor SaveChangesFailed: what it
        // collected (and its transaction) must not be carried into this save, or its entries would be recorded.
        await EndAsync(rollback: true);
        _pending = await CollectAsync(db, cancellationToken);
        if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || _writingEntries || _pending is not { } pending)
        {
            return result;
        }
        var committed = false;
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
                        ProcessId = p.Body?.ProcessId ?? p.ProcessId ?? ProcessIdOf(p.Entry),
                        EntityType = EntityTypeOf(p.Entry),
                        // Read after the save, so that added rows carry the ids the database gave them.
                        EntityId = KeyOf(p.Entry),
                        Action = p.Action,
                        Before = p.Before is null ? null : JsonSerializer.Serialize(p.Before, Json),
                        After = p.Action == "Deleted" ? null : JsonSerializer.Serialize(Values(p.Entry, current: true), Json),
                    });
                }
                _writingEntries = true;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    _writingEntries = false;
                }
            }
            var showsOnPublicPages = pending.Any(p => p.Public);
            if (showsOnPublicPages)
            {
                await RcpHub.Infrastructure.PublicPageCache.AnnounceAsync(db, cancellationToken);
            }
            var changesAccess = pending.Any(p => p.Access);
            if (changesAccess)
            {
                await RcpHub.Features.Floor.FloorBroadcaster.AnnounceAccessChangeAsync(db, cancellationToken);
            }
            if (_ownTransaction is not null)
            {
                await _ownTransaction.CommitAsync(cancellationToken);
            }
            committed = true;
            if (changesAccess)
            {
                // Also when the caller's transaction is still open: a stream re-checked too early is checked again by
                // the NOTIFY (PostgreSQL) or by its periodic re-check.
                services.GetService<RcpHub.Features.Floor.FloorBroadcaster>()?.AccessChanged();
            }
            if (showsOnPublicPages && db.Database.CurrentTransaction is not null && _ownTransaction is null)
            {
                _evictOnCommit = true;
            }
            else if (showsOnPublicPages)
            {
                // Only after the commit: a page rendered between the eviction and the commit would show the old data.
                await RcpHub.Infrastructure.PublicPageCache.EvictAsync(services, CancellationToken.None);
            }
        }
        finally
        {
            await EndAsync(rollback: !committed);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_writingEntries)
        {
            await EndAsync(rollback: true);
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_writingEntries)
        {
            await EndAsync(rollback: true);
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        SaveChangesCanceledAsync(eventData).GetAwaiter().GetResult();

    private async Task EndAsync(bool rollback)
    {
        _pending = null;
        if (_ownTransaction is not { } transaction)
        {
            return;
        }
        _ownTransaction = null;
        try
        {
            if (rollback)
            {
                // CancellationToken.None: a request that was cancelled must still undo its half-done save.
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    private static async Task<List<Pending>> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new List<Pending>();
        var bodyMembers = new List<(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, int BodyId)>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry))
            {
                continue;
            }
            if (entry.State == EntityState.Modified && OnlyNoise(entry))
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
            if (entry.Entity is BodyMember)
            {
                bodyMembers.Add((entry, action, before, (int)entry.Property(nameof(BodyMember.BodyId)).CurrentValue!));
                continue;
            }
            pending.Add(new Pending(entry, action, before, null, null, ShowsOnPublicPages(entry), ChangesAccess(entry)));
        }
        await FileUnderParentsAsync(db, pending, ct);
        if (bodyMembers.Count == 0)
        {
            return pending;
        }

        // A body member has no process of its own: it is filed under its body's. The body is tracked when it
        // changes in the same save (a new body's id is still temporary); otherwise one query reads them all.
        var trackedBodies = db.ChangeTracker.Entries<Body>().ToDictionary(b => (int)b.Property(x => x.Id).CurrentValue);
        var untracked = bodyMembers.Select(m => m.BodyId).Where(id => !trackedBodies.ContainsKey(id)).Distinct().ToList();
        var processOfBody = untracked.Count == 0
            ? []
            : await db.Bodies.AsNoTracking().Where(b => untracked.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.ProcessId, ct);
        foreach (var (entry, action, before, bodyId) in bodyMembers)
        {
            var body = trackedBodies.GetValueOrDefault(bodyId)?.Entity;
            pending.Add(new Pending(entry, action, before, processOfBody.TryGetValue(bodyId, out var processId) ? processId : null, body));
        }
        return pending;
    }

    /// <summary>A meeting's or session's child (agenda item, session, floor, delegation, document version...) names its
    /// process through a navigation that a command seldom loads; without it the entry would be filed under no process
    /// and missing from the process's audit page. Such entries are filed under their parent's process, read with one
    /// query per kind of parent, before the save (so that a parent deleted in the same save is still there).</summary>
    private static async Task FileUnderParentsAsync(AppDbContext db, List<Pending> pending, CancellationToken ct)
    {
        var orphans = pending.Select((p, i) => (Index: i, Parent: ProcessIdOf(p.Entry) is null or 0 ? ParentOf(p.Entry.Entity) : null))
            .Where(o => o.Parent is not null).Select(o => (o.Index, Parent: o.Parent!.Value)).ToList();
        if (orphans.Count == 0)
        {
            return;
        }
        var processOf = new Dictionary<(Type, int), int>();
        foreach (var kind in orphans.GroupBy(o => o.Parent.Kind))
        {
            var ids = kind.Select(o => o.Parent.Id).Distinct().ToList();
            var found = kind.Key == typeof(Meeting) ? db.Meetings.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.ProcessId })
                : kind.Key == typeof(Session) ? db.Sessions.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Meeting!.ProcessId })
                : kind.Key == typeof(Delegation) ? db.Delegations.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Meeting!.ProcessId })
                : kind.Key == typeof(Document) ? db.Documents.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Meeting!.ProcessId })
                : db.DocumentVersions.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Document!.Meeting!.ProcessId });
            foreach (var row in await found.AsNoTracking().ToListAsync(ct))
            {
                processOf[(kind.Key, row.Id)] = row.ProcessId;
            }
        }
        foreach (var (index, parent) in orphans)
        {
            if (processOf.TryGetValue(parent, out var processId))
            {
                pending[index] = pending[index] with { ProcessId = processId };
            }
        }
    }

    private static (Type Kind, int Id)? ParentOf(object entity) => entity switch
    {
        AgendaItem x => (typeof(Meeting), x.MeetingId),
        Session x => (typeof(Meeting), x.MeetingId),
        MeetingInvitee x => (typeof(Meeting), x.MeetingId),
        Delegation x => (typeof(Meeting), x.MeetingId),
        Document x => (typeof(Meeting), x.MeetingId),
        MeetingReportVersion x => (typeof(Meeting), x.MeetingId),
        Statement x => (typeof(Meeting), x.MeetingId),
        SessionPerson x => (typeof(Session), x.SessionId),
        SessionReportVersion x => (typeof(Session), x.SessionId),
        SessionFloor x => (typeof(Session), x.SessionId),
        FloorRequest x => (typeof(Session), x.SessionId),
        DelegationMember x => (typeof(Delegation), x.DelegationId),
        DocumentVersion x => (typeof(Document), x.DocumentId),
        DocumentContent x => (typeof(DocumentVersion), x.VersionId),
        _ => null,
    };

    private static bool ShowsOnPublicPages(EntityEntry entry) =>
        !RcpHub.Infrastructure.PublicPageCache.NeverOnPublicPages.Contains(EntityTypeOf(entry))
        && !(entry.Entity is AppUser && entry.State == EntityState.Modified
            // By value: Identity saves a user with every property marked modified, a failed sign-in included.
            && entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .All(p => RcpHub.Infrastructure.PublicPageCache.AccountOnly.Contains(p.Metadata.Name)));

    private static readonly string[] AccessOfAccount = [nameof(AppUser.IsPlatformAdministrator)];

    private static bool ChangesAccess(EntityEntry entry) => entry.Entity switch
    {
        ProcessRoleAssignment or Membership or MeetingInvitee => true,
        AppUser => entry.State == EntityState.Deleted
            || entry.Properties.Any(p => p.IsModified && AccessOfAccount.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)),
        Meeting => entry.State != EntityState.Added,
        MeetingProcess => true,
        _ => false,
    };

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_evictOnCommit)
        {
            _evictOnCommit = false;
            await RcpHub.Infrastructure.PublicPageCache.EvictAsync(services, CancellationToken.None);
        }
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _evictOnCommit = false;
        return Task.CompletedTask;
    }

    private static bool IsAudited(EntityEntry entry) => IsAudited(entry.Entity.GetType());

    /// <summary>Whether changes to records of this kind are logged; the audit pages offer only these kinds.</summary>
    public static bool IsAudited(Type kind) =>
        !(kind == typeof(AuditEntry) || kind == typeof(DataProtectionKey)
            // The library's index is rewritten from the rows it describes on each of their saves (Data/SearchIndex).
            || kind == typeof(SearchEntry) || kind == typeof(SearchTag)
            // Bookkeeping of sign-in and mail limits, counted with SQL (Infrastructure/RateLimiting).
            || kind == typeof(Infrastructure.RateLimiting.RateCounter)
            // The outbox is itself the record of who was sent what and when (listed on the meeting's invitation page).
            || kind == typeof(Infrastructure.Email.OutboxMessage)
            || typeof(IdentityUserToken<string>).IsAssignableFrom(kind) || typeof(IdentityUserLogin<string>).IsAssignableFrom(kind));

    // Identity's UserStore saves with Update(), which marks every column modified even when one changed: for an entity read
    // in this context, what changed is what differs from the values read. A detached entity has no such values (all look
    // unchanged) and is judged by what is marked.
    private static bool OnlyNoise(EntityEntry entry)
    {
        var marked = entry.Properties.Where(p => p.IsModified).ToList();
        var changed = marked.Where(p => !Equals(p.OriginalValue, p.CurrentValue)).ToList();
        return (changed.Count > 0 ? changed : marked).All(p => Noise.Contains(p.Metadata.Name));
    }

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

    // Join tables (process themes) have no class of their own: they are named by their entity type.
    private static string EntityTypeOf(EntityEntry entry) =>
        entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name;

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
