namespace RcpHub.Features.Meetings;

/// <summary>What a participant needs at hand in the meeting room, on a phone: the floor, the agenda, the documents.</summary>
public static class MeetingRoom
{
    /// <summary>The session whose floor one goes to from the meeting: the first (in the meeting's order) that has not
    /// ended, so the one under way or the next; after the last has ended, the last.</summary>
    public static SessionView? FloorSession(IReadOnlyList<SessionView> sessions, DateTimeOffset now) =>
        sessions.FirstOrDefault(s => s.EndsAtUtc is not { } end || end > now) ?? sessions.LastOrDefault();
}
