using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>Which documents of a meeting a reader may open. The meeting's own rule (<see cref="MeetingAccess"/>) comes
/// first: whoever may not see the meeting sees none of its documents. Within its audience, a document may be
/// restricted further (<see cref="DocumentAccess"/>), never widened. See docs/decisions/0011-document-access.md.</summary>
/// <remarks>Written once (<see cref="Rule"/>), compiled once for loaded meetings, given a reader's facts for queries
/// (<see cref="RuleExpressions.For"/>).</remarks>
public static class DocumentAccessRule
{
    private static readonly ProcessRole[] MemberRoles = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint];
    private static readonly ProcessRole[] OrganiserRoles = [ProcessRole.Secretariat, ProcessRole.Chair];

    /// <summary>The processes where the reader is a member, and those where they organise.</summary>
    public sealed record Facts(List<int> Members, List<int> Organisers);

    /// <summary>The rule, for a reader who is not a platform administrator (those read every level).</summary>
    public static readonly Expression<Func<Document, Facts, bool>> Rule = (d, f) => d.Access == DocumentAccess.Meeting
        || (d.Access == DocumentAccess.Members
            && (f.Members.Contains(d.Meeting!.ProcessId) || d.Meeting.ParticipatingProcesses.Any(p => f.Members.Contains(p.ProcessId))))
        || (d.Access == DocumentAccess.Secretariat
            && (f.Organisers.Contains(d.Meeting!.ProcessId) || d.Meeting.ParticipatingProcesses.Any(p => f.Organisers.Contains(p.ProcessId))));

    private static readonly Func<Document, Facts, bool> Compiled = Rule.Compile();

    /// <summary>The documents whose level is open to <paramref name="reader"/> within their meeting, as a filter that EF Core
    /// translates to SQL, for lists across meetings (search). It says nothing of the meeting itself: combine it with
    /// <see cref="MeetingAccess.VisibleTo"/> on the document's meeting. Evaluated in memory, the document's meeting and its
    /// <see cref="Meeting.ParticipatingProcesses"/> must be loaded.</summary>
    public static Expression<Func<Document, bool>> LevelOpenTo(MeetingReader reader) =>
        reader.IsPlatformAdministrator ? d => true : Rule.For(FactsOf(reader));

    /// <summary>The access levels <paramref name="reader"/> may read in <paramref name="meeting"/> (loaded with its
    /// participating processes), to be used only once the reader is known to see the meeting. The same rule as
    /// <see cref="LevelOpenTo"/>, evaluated for each level, so that it is written once.</summary>
    public static IReadOnlyList<DocumentAccess> LevelsFor(MeetingReader reader, Meeting meeting)
    {
        var facts = reader.IsPlatformAdministrator ? null : FactsOf(reader);
        return [.. Enum.GetValues<DocumentAccess>().Where(level => facts is null || Compiled(new Document { Title = "", Meeting = meeting, Access = level }, facts))];
    }

    public static bool MayRead(MeetingReader reader, Meeting meeting, DocumentAccess access) =>
        MeetingAccess.MayView(reader, meeting) && LevelsFor(reader, meeting).Contains(access);

    /// <summary>What the rule needs to know of <paramref name="reader"/> (not a platform administrator, who reads every level).</summary>
    public static Facts FactsOf(MeetingReader reader)
    {
        List<int> ProcessesWith(ProcessRole[] roles) => reader.Roles.Where(r => roles.Contains(r.Role)).Select(r => r.ProcessId).Distinct().ToList();
        return new Facts(ProcessesWith(MemberRoles), ProcessesWith(OrganiserRoles));
    }
}
