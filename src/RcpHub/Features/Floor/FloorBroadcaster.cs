using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RcpHub.Data;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Floor;

/// <summary>One per instance: the live pages of a session subscribe here, and when the floor of a session changes
/// (on this instance or, through PostgreSQL's NOTIFY, on any other) it is read ONCE and handed to every subscriber,
/// so that 500 open pages cost one read per change rather than 500 polls. See docs/decisions/0009-live-floor.md.</summary>
public sealed class FloorBroadcaster(IServiceScopeFactory scopes, ILogger<FloorBroadcaster> logger)
{
    public const string Channel = "rcphub_floor";

    /// <summary>Announces a change to who may see what (a role revoked, a membership ended, an account locked, deleted or
    /// no longer administrator, a meeting's audience or invitees changed), on which every open stream re-checks its reader.</summary>
    public const string AccessChannel = "rcphub_access";

    private TaskCompletionSource _accessChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change to access: a stream waiting for the floor wakes to re-check its reader.</summary>
    public Task NextAccessChange => Volatile.Read(ref _accessChanged).Task;

    /// <summary>Access may have changed (on this instance after the commit, or announced by any through
    /// <see cref="AccessChannel"/>): every stream re-checks its reader before it sends anything further.</summary>
    public void AccessChanged() =>
        Interlocked.Exchange(ref _accessChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private sealed class Room
    {
        public readonly HashSet<Channel<FloorSnapshot>> Subscribers = [];
        public long Revision = -1;
        public int Dirty;
        public int Refreshing;
    }

    private readonly ConcurrentDictionary<int, Room> _rooms = new();

    /// <summary>A subscription to a session's floor: each change arrives as a snapshot (the latest only, when a
    /// reader falls behind). Dispose to leave.</summary>
    public sealed class Subscription(FloorBroadcaster owner, int sessionId, Channel<FloorSnapshot> channel) : IDisposable
    {
        public ChannelReader<FloorSnapshot> Changes => channel.Reader;

        public void Dispose() => owner.Leave(sessionId, channel);
    }

    public Subscription Subscribe(int sessionId)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<FloorSnapshot>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_rooms)
        {
            _rooms.GetOrAdd(sessionId, _ => new Room()).Subscribers.Add(channel);
        }
        return new Subscription(this, sessionId, channel);
    }

    private void Leave(int sessionId, Channel<FloorSnapshot> channel)
    {
        lock (_rooms)
        {
            if (_rooms.TryGetValue(sessionId, out var room) && room.Subscribers.Remove(channel) && room.Subscribers.Count == 0)
            {
                _rooms.TryRemove(sessionId, out _);
            }
        }
    }

    /// <summary>The sessions someone follows on this instance, with the revision last handed out.</summary>
    public IReadOnlyDictionary<int, long> Watched() => _rooms.ToDictionary(r => r.Key, r => Volatile.Read(ref r.Value.Revision));

    /// <summary>The floor of a session may have changed: read it and tell its subscribers. Signals arriving while a
    /// read is under way are folded into one more read.</summary>
    public void Changed(int sessionId)
    {
        if (!_rooms.TryGetValue(sessionId, out var room))
        {
            return;
        }
        Volatile.Write(ref room.Dirty, 1);
        if (Interlocked.CompareExchange(ref room.Refreshing, 1, 0) == 0)
        {
            _ = Task.Run(() => RefreshAsync(sessionId, room));
        }
    }

    private async Task RefreshAsync(int sessionId, Room room)
    {
        do
        {
            while (Interlocked.Exchange(ref room.Dirty, 0) == 1)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var snapshot = await FloorSnapshot.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), sessionId);
                    if (snapshot.Revision == Volatile.Read(ref room.Revision))
                    {
                        continue;
                    }
                    Volatile.Write(ref room.Revision, snapshot.Revision);
                    Channel<FloorSnapshot>[] subscribers;
                    lock (_rooms)
                    {
                        subscribers = [.. room.Subscribers];
                    }
                    foreach (var subscriber in subscribers)
                    {
                        subscriber.Writer.TryWrite(snapshot);
                    }
                }
                catch (Exception e)
                {
                    // The fallback poll tries again in a moment.
                    logger.LogWarning(e, "Could not read the floor of session {SessionId}.", sessionId);
                }
            }
            Volatile.Write(ref room.Refreshing, 0);
        }
        while (Volatile.Read(ref room.Dirty) == 1 && Interlocked.CompareExchange(ref room.Refreshing, 1, 0) == 0);
    }

    /// <summary>Announces a change to every instance, inside the transaction that makes it: PostgreSQL delivers the
    /// notification only if the change commits. SQLite serves one instance, told directly after the commit.</summary>
    public static async Task AnnounceAccessChangeAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({AccessChannel}, '')", ct);
        }
    }

    public static async Task AnnounceAsync(AppDbContext db, int sessionId, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var payload = sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }
}

/// <summary>Feeds the <see cref="FloorBroadcaster"/>: on PostgreSQL, LISTENs on one dedicated connection per instance
/// (while anyone follows a floor there);
/// everywhere, polls the revisions of the followed sessions (one query) every few seconds, should a notification
/// be lost while the connection was down.</summary>
public sealed class FloorChangeListener(FloorBroadcaster broadcaster, IServiceScopeFactory scopes, IConfiguration configuration,
    IWebHostEnvironment environment, ILogger<FloorChangeListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Database.ProviderFrom(configuration) == DatabaseProvider.Postgres
            ? Task.WhenAll(ListenAsync(stoppingToken), PollAsync(stoppingToken))
            : PollAsync(stoppingToken);

    /// <summary>Listens only while someone follows a session on this instance: an instance nobody follows holds no
    /// connection. On (re)connecting, the followed sessions are re-read, so nothing changed meanwhile is missed.</summary>
    private async Task ListenAsync(CancellationToken ct)
    {
        // Not pooled: closing it must end the session on the server, LISTEN and all.
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionStringFrom(configuration, environment.ContentRootPath)) { Pooling = false }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                while (broadcaster.Watched().Count == 0)
                {
                    await Task.Delay(IdleCheck, ct);
                }
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == FloorBroadcaster.AccessChannel)
                    {
                        broadcaster.AccessChanged();
                    }
                    else if (int.TryParse(e.Payload, System.Globalization.CultureInfo.InvariantCulture, out var sessionId))
                    {
                        broadcaster.Changed(sessionId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {FloorBroadcaster.Channel}; LISTEN {FloorBroadcaster.AccessChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                // Access may have changed while nobody listened: every stream re-checks.
                broadcaster.AccessChanged();
                foreach (var sessionId in broadcaster.Watched().Keys)
                {
                    broadcaster.Changed(sessionId);
                }
                while (broadcaster.Watched().Count > 0)
                {
                    await connection.WaitAsync((int)IdleCheck.TotalMilliseconds * 5, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the floor notification connection; reconnecting.");
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(200);

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Floor:PollSeconds", 2.0)));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var watched = broadcaster.Watched();
                if (watched.Count == 0)
                {
                    continue;
                }
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var ids = watched.Keys.ToList();
                    var revisions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SessionFloors.AsNoTracking()
                        .Where(f => ids.Contains(f.SessionId)).ToDictionaryAsync(f => f.SessionId, f => f.Revision, ct);
                    foreach (var (sessionId, seen) in watched)
                    {
                        if (revisions.GetValueOrDefault(sessionId) != seen)
                        {
                            broadcaster.Changed(sessionId);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogDebug(e, "Could not poll the floor revisions.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
