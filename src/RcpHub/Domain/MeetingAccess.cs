using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>A role a person holds, as the meeting rule needs it: in which process, and for which state or organisation.</summary>
public sealed record ReaderRole(int ProcessId, ProcessRole Role, string? StateCode = null, int? OrganizationId = null);

/// <summary>The person reading: anonymous (no user id, no roles), or a user with their active roles in every process.</summary>
/// <param name="TimeZoneId">The zone the person chose on their account page (read with the roles, in the same query).</param>
/// <param name="Represented">The organisations the person represents in the registry today (read with the roles, in the
/// same query): with the organisations of their roles, those they act for (<see cref="ActingOrganizations.Of(MeetingReader)"/>).</param>
public sealed record MeetingReader(string? UserId, bool IsPlatformAdministrator, IReadOnlyList<ReaderRole> Roles, string? TimeZoneId = null,
    IReadOnlyList<int>? Represented = null)
{
    public static readonly MeetingReader Anonymous = new(null, false, []);

    public IEnumerable<ProcessRole> RolesIn(int processId) => Roles.Where(r => r.ProcessId == processId).Select(r => r.Role);
}

/// <summary>Who may see a meeting and everything inside it (agenda, sessions, participants, documents, reports,
/// calendar entries, counts). The one place that decides it: queries filter with <see cref="VisibleTo"/>, and the
/// meeting authorization handler evaluates the same expression on a loaded meeting.
/// <list type="bullet">
/// <item><see cref="MeetingAudience.Public"/>: everyone, signed in or not.</item>
/// <item><see cref="MeetingAudience.MembersOnly"/> (the default): the people holding a secretariat, chair or
/// member-state focal point role in the meeting's process (or a process taking part in it).</item>
/// <item><see cref="MeetingAudience.MembersAndObservers"/>: those, and the holders of an observer role there.
/// Civil society participants are not observers: they see a meeting when they are invited to it.</item>
/// <item><see cref="MeetingAudience.ByInvitation"/>: the organisers (secretariat and chair of the meeting's
/// processes) and the invitees: the focal points of an invited state (in whichever process they hold that role),
/// the people of an invited organisation, and invited persons.</item>
/// </list>
/// A session's rapporteur with an account sees the meeting whatever its audience: they write its report (decision 0010).
/// Platform administrators see every meeting. A published public summary is shown to everyone on its own
/// (<see cref="SummaryVisibleTo"/>), never the rest of the meeting.</summary>
/// <remarks>The rule is one expression with the reader's facts as a parameter (<see cref="Rule"/>). Queries get it with
/// this reader's facts put in; a loaded meeting is checked by the same expression compiled once, not once per call
/// (compiling an expression tree costs far more than evaluating it, and a page checks several times).</remarks>
public static class MeetingAccess
{
    private static readonly ProcessRole[] MemberRoles = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint];
    private static readonly ProcessRole[] MemberAndObserverRoles = [.. MemberRoles, ProcessRole.Observer];
    private static readonly ProcessRole[] OrganiserRoles = [ProcessRole.Secretariat, ProcessRole.Chair];

    /// <summary>What the rule needs to know of a reader, and which question is asked.</summary>
    /// <param name="UserId">Anonymous readers match no invited person or rapporteur: no row has an empty user id.</param>
    /// <param name="PublicMeansEveryone">False to ask whether the reader is among a meeting's own people (<see cref="IsAmongMembers"/>).</param>
    public sealed record Facts(
        List<int> Members, List<int> MembersAndObservers, List<int> Organisers, List<string> States, List<int> Organizations, string UserId,
        bool IncludeSummaries, bool PublicMeansEveryone);

    /// <summary>The rule, for a reader who is not a platform administrator (those see every meeting).</summary>
    public static readonly Expression<Func<Meeting, Facts, bool>> Rule = (m, f) =>
        (f.IncludeSummaries && m.SummaryPublished)
        || m.Sessions.Any(s => s.RapporteurUserId == f.UserId)
        || (f.PublicMeansEveryone && m.Audience == MeetingAudience.Public)
        || ((m.Audience == MeetingAudience.MembersOnly || (!f.PublicMeansEveryone && m.Audience == MeetingAudience.Public))
            && (f.Members.Contains(m.ProcessId) || m.ParticipatingProcesses.Any(p => f.Members.Contains(p.ProcessId))))
        || (m.Audience == MeetingAudience.MembersAndObservers
            && (f.MembersAndObservers.Contains(m.ProcessId) || m.ParticipatingProcesses.Any(p => f.MembersAndObservers.Contains(p.ProcessId))))
        || (m.Audience == MeetingAudience.ByInvitation
            && (f.Organisers.Contains(m.ProcessId)
                || m.ParticipatingProcesses.Any(p => f.Organisers.Contains(p.ProcessId))
                || m.Invitees.Any(i => i.UserId == f.UserId
                    || (i.StateCode != null && f.States.Contains(i.StateCode))
                    || (i.OrganizationId != null && f.Organizations.Contains(i.OrganizationId.Value)))));

    private static readonly Func<Meeting, Facts, bool> Compiled = Rule.Compile();

    /// <summary>The meetings <paramref name="reader"/> may see in full, as a filter that EF Core translates to SQL.
    /// Evaluated in memory, the meeting's <see cref="Meeting.ParticipatingProcesses"/>, <see cref="Meeting.Invitees"/>
    /// and <see cref="Meeting.Sessions"/> must be loaded.</summary>
    public static Expression<Func<Meeting, bool>> VisibleTo(MeetingReader reader) => Filter(reader, includeSummaries: false);

    /// <summary>The meetings whose listing (title, dates, level) <paramref name="reader"/> may see: those visible in full,
    /// and those whose public summary is published.</summary>
    public static Expression<Func<Meeting, bool>> SummaryVisibleTo(MeetingReader reader) => Filter(reader, includeSummaries: true);

    public static bool MayView(MeetingReader reader, Meeting meeting) => Allows(reader, meeting, includeSummaries: false);

    public static bool MaySeeSummary(MeetingReader reader, Meeting meeting) => Allows(reader, meeting, includeSummaries: true);

    /// <summary>Whether <paramref name="reader"/> is one of the meeting's own people rather than the public: those who
    /// would see it if it were not public. Delegates' names, functions and ministries are shown to them only, since a
    /// public meeting opens its proceedings, not the personal details of those who attend.</summary>
    public static bool IsAmongMembers(MeetingReader reader, Meeting meeting) =>
        Allows(reader, meeting, includeSummaries: false, publicMeansEveryone: false);

    private static bool Allows(MeetingReader reader, Meeting meeting, bool includeSummaries, bool publicMeansEveryone = true) =>
        reader.IsPlatformAdministrator || Compiled(meeting, FactsOf(reader, includeSummaries, publicMeansEveryone));

    private static Expression<Func<Meeting, bool>> Filter(MeetingReader reader, bool includeSummaries) =>
        reader.IsPlatformAdministrator ? m => true : Rule.For(FactsOf(reader, includeSummaries, publicMeansEveryone: true));

    /// <summary>What the rule needs to know of <paramref name="reader"/> (not a platform administrator, who sees every meeting).</summary>
    public static Facts FactsOf(MeetingReader reader, bool includeSummaries, bool publicMeansEveryone = true)
    {
        List<int> ProcessesWith(ProcessRole[] roles) => reader.Roles.Where(r => roles.Contains(r.Role)).Select(r => r.ProcessId).Distinct().ToList();
        return new Facts(
            MemberProcesses(reader), ProcessesWith(MemberAndObserverRoles), ProcessesWith(OrganiserRoles),
            reader.Roles.Where(r => r.Role == ProcessRole.FocalPoint && r.StateCode != null).Select(r => r.StateCode!).Distinct().ToList(),
            [.. ActingOrganizations.Of(reader)],
            reader.UserId ?? "",
            includeSummaries, publicMeansEveryone);
    }

    /// <summary>The processes of which <paramref name="reader"/> is a member in the sense of the
    /// <see cref="MeetingAudience.MembersOnly"/> audience: the secretariat, chair and member-state focal points. Outputs
    /// restricted to members (<see cref="OutputAccess"/>) use the same set.</summary>
    public static List<int> MemberProcesses(MeetingReader reader) =>
        reader.Roles.Where(r => MemberRoles.Contains(r.Role)).Select(r => r.ProcessId).Distinct().ToList();

    /// <summary>The meetings that concern <paramref name="reader"/>: of a process where they hold a role, or to which they
    /// (their state, their organisation, they themselves) are invited. Not an access rule — a personal calendar
    /// combines it with <see cref="VisibleTo"/> so that it carries one's own meetings rather than every public one.</summary>
    public static Expression<Func<Meeting, bool>> ConcernedBy(MeetingReader reader)
    {
        var processes = reader.Roles.Select(r => r.ProcessId).Distinct().ToList();
        var states = reader.Roles.Where(r => r.Role == ProcessRole.FocalPoint && r.StateCode != null).Select(r => r.StateCode!).Distinct().ToList();
        var organizations = ActingOrganizations.Of(reader).ToList();
        var userId = reader.UserId ?? "";
        return m => processes.Contains(m.ProcessId)
            || m.ParticipatingProcesses.Any(p => processes.Contains(p.ProcessId))
            || m.Invitees.Any(i => i.UserId == userId
                || (i.StateCode != null && states.Contains(i.StateCode))
                || (i.OrganizationId != null && organizations.Contains(i.OrganizationId.Value)));
    }

    /// <summary>Whether <paramref name="role"/> speaks for <paramref name="invitee"/>: a role tied to the invited organisation
    /// (observer or civil society alike), or a focal point of the invited state, in whichever process they hold it.</summary>
    public static bool Represents(ReaderRole role, MeetingInvitee invitee) =>
        (role.OrganizationId is { } organizationId && invitee.OrganizationId == organizationId)
        || (role.Role == ProcessRole.FocalPoint && role.StateCode is { } code && invitee.StateCode == code);

    /// <summary>The roles of <paramref name="reader"/> that speak for a state or organisation invited to the meeting: its
    /// representatives take part in it (ask for the floor on its behalf) even without a role in the meeting's process.
    /// Whoever acts for an invited organisation in the registry only (<see cref="ActingOrganizations"/>, decision 0027)
    /// speaks for it as a civil society participant of the meeting's process <paramref name="processId"/>.</summary>
    public static IReadOnlyList<ReaderRole> RepresentingInvitees(MeetingReader reader, IEnumerable<MeetingInvitee> invitees, int processId)
    {
        var invited = invitees.Where(i => i.UserId is null).ToList();
        var byRole = reader.Roles.Where(r => invited.Any(i => Represents(r, i))).ToList();
        var byRegistry = ActingOrganizations.Of(reader)
            .Where(o => invited.Any(i => i.OrganizationId == o) && !byRole.Any(r => r.OrganizationId == o))
            .Select(o => new ReaderRole(processId, ProcessRole.CivilSociety, OrganizationId: o));
        return [.. byRole, .. byRegistry];
    }

    /// <summary>Whether <paramref name="reader"/> may schedule and change meetings of the process that convenes this one.</summary>
    public static bool MayManage(MeetingReader reader, int processId) =>
        AccessRules.Allows(Operation.ScheduleMeetings, reader.IsPlatformAdministrator, reader.RolesIn(processId));
}
