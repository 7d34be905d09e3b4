namespace RcpHub.Domain;

/// <summary>Which documents of a meeting a reader may open. The meeting's own rule (<see cref="MeetingAccess"/>) comes
/// first: whoever may not see the meeting sees none of its documents. Within its audience, a document may be
/// restricted further (<see cref="DocumentAccess"/>), never widened. See docs/decisions/0011-document-access.md.</summary>
public static class DocumentAccessRule
{
    private static readonly ProcessRole[] MemberRoles = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint];
    private static readonly ProcessRole[] OrganiserRoles = [ProcessRole.Secretariat, ProcessRole.Chair];

    /// <summary>The access levels <paramref name="reader"/> may read in <paramref name="meeting"/> (loaded with its
    /// participating processes), to be used only once the reader is known to see the meeting.</summary>
    public static IReadOnlyList<DocumentAccess> LevelsFor(MeetingReader reader, Meeting meeting)
    {
        if (reader.IsPlatformAdministrator)
        {
            return [DocumentAccess.Meeting, DocumentAccess.Members, DocumentAccess.Secretariat];
        }
        var processes = meeting.ParticipatingProcesses.Select(p => p.ProcessId).Append(meeting.ProcessId).ToHashSet();
        var roles = reader.Roles.Where(r => processes.Contains(r.ProcessId)).Select(r => r.Role).ToHashSet();
        var levels = new List<DocumentAccess> { DocumentAccess.Meeting };
        if (roles.Overlaps(MemberRoles))
        {
            levels.Add(DocumentAccess.Members);
        }
        if (roles.Overlaps(OrganiserRoles))
        {
            levels.Add(DocumentAccess.Secretariat);
        }
        return levels;
    }

    public static bool MayRead(MeetingReader reader, Meeting meeting, DocumentAccess access) =>
        MeetingAccess.MayView(reader, meeting) && LevelsFor(reader, meeting).Contains(access);
}
