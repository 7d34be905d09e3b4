using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Floor;

/// <summary>Who has the floor of a session and who waits for it, as read at one revision, in no language in
/// particular: <see cref="In"/> names the states in the reader's.</summary>
public sealed record FloorSnapshot(int SessionId, long Revision, int MinutesPerTurn, FloorEntry? Speaking, IReadOnlyList<FloorEntry> Queue,
    IReadOnlyDictionary<string, State> States)
{
    /// <summary>Reads the floor in three queries, whatever the length of the queue.</summary>
    public static async Task<FloorSnapshot> ReadAsync(AppDbContext db, int sessionId, CancellationToken ct = default)
    {
        var floor = await db.SessionFloors.AsNoTracking().Where(f => f.SessionId == sessionId)
            .Select(f => new { f.Revision, f.MinutesPerTurn }).SingleOrDefaultAsync(ct);
        // Request order is id order: ordering by an instant is not portable across the two databases.
        var open = await db.FloorRequests.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.WithdrawnAt == null && r.EndedAt == null)
            .OrderBy(r => r.Id)
            .Select(r => new FloorEntry(r.Id, r.UserId, r.User!.DisplayName, r.StateCode, r.OrganizationId,
                db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault(), r.GivenAt))
            .ToListAsync(ct);
        var codes = open.Select(e => e.StateCode).OfType<string>().Distinct().ToList();
        var states = codes.Count == 0 ? [] : await db.States.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        return new FloorSnapshot(sessionId, floor?.Revision ?? 0, floor?.MinutesPerTurn ?? SessionFloor.DefaultMinutesPerTurn,
            open.LastOrDefault(e => e.GivenAt is not null), open.Where(e => e.GivenAt is null).ToList(), states);
    }

    /// <summary>The floor as a reader sees it at <paramref name="now"/>, states named in <paramref name="language"/>.</summary>
    public FloorView In(string language, DateTimeOffset now)
    {
        FloorLine Line(FloorEntry e) => new(e.Id, e.UserId, e.Name,
            e.StateCode is { } code ? States.TryGetValue(code, out var s) ? s.Name(language) : code : e.OrganizationName ?? "");
        return new FloorView(Revision, MinutesPerTurn,
            Speaking is { } speaking ? Line(speaking) : null,
            Speaking?.GivenAt is { } given ? SpeakingTimer.RemainingSeconds(given, MinutesPerTurn, now) : null,
            Queue.Select(Line).ToList());
    }
}

public sealed record FloorEntry(int Id, string UserId, string Name, string? StateCode, int? OrganizationId, string? OrganizationName, DateTimeOffset? GivenAt);

/// <summary>A request as shown: the person and the state or organisation they speak for.</summary>
public sealed record FloorLine(int Id, [property: System.Text.Json.Serialization.JsonIgnore] string UserId, string Name, string SpeaksFor);

/// <summary>What the page and the event stream show; <see cref="RemainingSeconds"/> is negative once the time is up.</summary>
public sealed record FloorView(long Revision, int MinutesPerTurn, FloorLine? Speaking, int? RemainingSeconds, IReadOnlyList<FloorLine> Queue);
