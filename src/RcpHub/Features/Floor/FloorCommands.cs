using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Floor;

/// <summary>Changes to a session's floor. Each either refuses with a message (and stores nothing) or stores the
/// change with the next floor revision and announces it to every instance.</summary>
public sealed class FloorCommands(AppDbContext db, FloorBroadcaster broadcaster, TimeProvider clock, IStringLocalizer<FloorText> t)
{
    public const int MaxMinutesPerTurn = 60;

    public async Task<string?> AskAsync(FloorPlace place, string userId, string? speaksFor, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(speaksFor) || !place.Parties.Contains(speaksFor) || !Party.TryParse(speaksFor, out var code, out var organizationId))
        {
            return t["Choose the state or organisation you speak for."];
        }
        if (await db.FloorRequests.AnyAsync(r => r.SessionId == place.SessionId && r.UserId == userId && r.WithdrawnAt == null && r.EndedAt == null, ct))
        {
            return t["You have already asked for the floor."];
        }
        var floor = await FloorAsync(place.SessionId, ct);
        db.FloorRequests.Add(new FloorRequest
        {
            SessionId = place.SessionId,
            UserId = userId,
            StateCode = code,
            OrganizationId = organizationId,
            RequestedAt = clock.GetUtcNow(),
        });
        return await SaveAsync(floor, ct);
    }

    public async Task<string?> WithdrawAsync(FloorPlace place, string userId, CancellationToken ct)
    {
        var request = await db.FloorRequests.SingleOrDefaultAsync(r => r.SessionId == place.SessionId && r.UserId == userId && r.GivenAt == null && r.WithdrawnAt == null, ct);
        if (request is null)
        {
            return t["You have no request for the floor to withdraw."];
        }
        var floor = await FloorAsync(place.SessionId, ct);
        request.WithdrawnAt = clock.GetUtcNow();
        return await SaveAsync(floor, ct);
    }

    /// <summary>Gives the floor to a waiting request (the first in line when <paramref name="requestId"/> is null),
    /// ending the turn of whoever speaks.</summary>
    public async Task<string?> GiveAsync(FloorPlace place, int? requestId, CancellationToken ct)
    {
        var waiting = db.FloorRequests.Where(r => r.SessionId == place.SessionId && r.GivenAt == null && r.WithdrawnAt == null);
        var request = requestId is { } id
            ? await waiting.SingleOrDefaultAsync(r => r.Id == id, ct)
            : await waiting.OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return requestId is null ? t["Nobody is waiting for the floor."] : t["This request is no longer waiting for the floor."];
        }
        var floor = await FloorAsync(place.SessionId, ct);
        var now = clock.GetUtcNow();
        foreach (var speaking in await Speaking(place.SessionId).ToListAsync(ct))
        {
            speaking.EndedAt = now;
        }
        request.GivenAt = now;
        return await SaveAsync(floor, ct);
    }

    public async Task<string?> EndTurnAsync(FloorPlace place, CancellationToken ct)
    {
        var speaking = await Speaking(place.SessionId).ToListAsync(ct);
        if (speaking.Count == 0)
        {
            return t["Nobody has the floor."];
        }
        var floor = await FloorAsync(place.SessionId, ct);
        var now = clock.GetUtcNow();
        speaking.ForEach(s => s.EndedAt = now);
        return await SaveAsync(floor, ct);
    }

    public async Task<string?> SetMinutesAsync(FloorPlace place, int? minutes, CancellationToken ct)
    {
        if (minutes is not (>= 1 and <= MaxMinutesPerTurn))
        {
            return t.Plural(MaxMinutesPerTurn, "Enter a speaking time between 1 and {0} minute.", "Enter a speaking time between 1 and {0} minutes.");
        }
        var floor = await FloorAsync(place.SessionId, ct);
        floor.MinutesPerTurn = minutes.Value;
        return await SaveAsync(floor, ct);
    }

    private IQueryable<FloorRequest> Speaking(int sessionId) =>
        db.FloorRequests.Where(r => r.SessionId == sessionId && r.GivenAt != null && r.EndedAt == null);

    private async Task<SessionFloor> FloorAsync(int sessionId, CancellationToken ct)
    {
        var floor = await db.SessionFloors.SingleOrDefaultAsync(f => f.SessionId == sessionId, ct);
        if (floor is null)
        {
            floor = new SessionFloor { SessionId = sessionId };
            db.SessionFloors.Add(floor);
        }
        return floor;
    }

    /// <summary>Stores the change with the next revision. The revision is the concurrency token: of two changes
    /// made at once, the second is refused and asked to try again rather than, say, giving the floor twice.</summary>
    private async Task<string?> SaveAsync(SessionFloor floor, CancellationToken ct)
    {
        floor.Revision++;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SaveChangesAsync(ct);
                await FloorBroadcaster.AnnounceAsync(db, floor.SessionId, ct);
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // A concurrent change (or a first request made at the same instant by someone else) won.
            db.ChangeTracker.Clear();
            return t["The floor changed meanwhile. Please try again."];
        }
        broadcaster.Changed(floor.SessionId);
        return null;
    }
}
