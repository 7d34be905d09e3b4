using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Delegations;

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

    /// <summary>Saves the changed meeting; when its time or place changed after it was announced, its people are told
    /// (in the same save). Returns how many mails were queued.</summary>
    public static async Task<int> UpdateAsync(AppDbContext db, TimeProvider clock, MeetingNotices notices, Meeting meeting, MeetingInput input,
        DateTimeOffset starts, DateTimeOffset ends, CancellationToken ct = default)
    {
        var before = (meeting.StartsAtUtc, meeting.EndsAtUtc, meeting.Venue, meeting.OnlineUrl, meeting.HostStateCode);
        input.ApplyTo(meeting, meeting.ProcessId, starts, ends);
        Touch(clock, meeting);
        var moved = before != (meeting.StartsAtUtc, meeting.EndsAtUtc, meeting.Venue, meeting.OnlineUrl, meeting.HostStateCode);
        var told = moved && meeting.Status is MeetingStatus.InvitationsSent or MeetingStatus.Postponed ? await notices.ChangedAsync(meeting, ct) : 0;
        await db.SaveChangesAsync(ct);
        await notices.DeliverAsync(ct);
        return told;
    }

    /// <summary>Cancels (with the reason mailed to its people) or postpones a meeting (its dates stay until new ones are
    /// set). Returns how many people are told.</summary>
    public static async Task<int> SetStatusAsync(AppDbContext db, TimeProvider clock, MeetingNotices notices, Meeting meeting, MeetingStatus status,
        string? reason, CancellationToken ct = default)
    {
        var announced = meeting.Status is MeetingStatus.InvitationsSent or MeetingStatus.Postponed;
        meeting.Status = status;
        meeting.CancellationReason = status == MeetingStatus.Cancelled ? reason : null;
        Touch(clock, meeting);
        var told = status == MeetingStatus.Cancelled ? await notices.CancelledAsync(meeting, ct)
            : announced ? await notices.ChangedAsync(meeting, ct) : 0;
        await db.SaveChangesAsync(ct);
        await notices.DeliverAsync(ct);
        return told;
    }

    /// <summary>The invitation went out: a planned or postponed meeting becomes "invitations sent". Not saved here (the
    /// caller saves it with the mails). Leaving "postponed" is a change calendars should see; a first sending is not, so
    /// that the invitation and the feed carry the same SEQUENCE.</summary>
    public static void MarkInvitationsSent(TimeProvider clock, Meeting meeting)
    {
        if (meeting.Status == MeetingStatus.Postponed)
        {
            Touch(clock, meeting);
        }
        if (meeting.Status is MeetingStatus.Planned or MeetingStatus.Postponed)
        {
            meeting.Status = MeetingStatus.InvitationsSent;
            meeting.UpdatedAt = clock.GetUtcNow();
        }
    }

    /// <summary>Saves a change to a meeting or to anything inside it, as a new revision of the meeting.</summary>
    public static async Task TouchAndSaveAsync(AppDbContext db, TimeProvider clock, Meeting meeting, CancellationToken ct = default)
    {
        Touch(clock, meeting);
        await db.SaveChangesAsync(ct);
    }

    private static void Touch(TimeProvider clock, Meeting meeting)
    {
        meeting.Sequence++;
        meeting.UpdatedAt = clock.GetUtcNow();
    }
}
