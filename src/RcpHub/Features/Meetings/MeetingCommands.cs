using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Meetings;

/// <summary>The changes the secretariat makes to meetings, shared by the pages and the API. Each saves once (and so
/// leaves its audit entries) and raises the meeting's <see cref="Meeting.Sequence"/> so calendar clients update.</summary>
public static class MeetingCommands
{
    /// <summary>A meeting of the process, tracked, with its participating processes and invitees; null if the process has
    /// no such meeting (a meeting of another process is treated as unknown).</summary>
    public static Task<Meeting?> FindToChangeAsync(AppDbContext db, int processId, int meetingId, CancellationToken ct = default) =>
        db.Meetings.Include(m => m.ParticipatingProcesses).Include(m => m.Invitees)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.ProcessId == processId, ct);

    public static async Task<Meeting> ScheduleAsync(AppDbContext db, TimeProvider clock, int processId, MeetingInput input, DateTimeOffset starts, DateTimeOffset ends, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var meeting = new Meeting { ProcessId = processId, Title = "", TimeZoneId = TimeZones.Utc, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(meeting, processId, starts, ends);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public static Task UpdateAsync(AppDbContext db, TimeProvider clock, Meeting meeting, MeetingInput input, DateTimeOffset starts, DateTimeOffset ends, CancellationToken ct = default)
    {
        input.ApplyTo(meeting, meeting.ProcessId, starts, ends);
        return TouchAndSaveAsync(db, clock, meeting, ct);
    }

    /// <summary>Cancels or postpones a meeting (its dates stay until new ones are set).</summary>
    public static Task SetStatusAsync(AppDbContext db, TimeProvider clock, Meeting meeting, MeetingStatus status, CancellationToken ct = default)
    {
        meeting.Status = status;
        return TouchAndSaveAsync(db, clock, meeting, ct);
    }

    /// <summary>Saves a change to a meeting or to anything inside it, as a new revision of the meeting.</summary>
    public static async Task TouchAndSaveAsync(AppDbContext db, TimeProvider clock, Meeting meeting, CancellationToken ct = default)
    {
        meeting.Sequence++;
        meeting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
