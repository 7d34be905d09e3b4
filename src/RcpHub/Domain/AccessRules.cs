namespace RcpHub.Domain;

/// <summary>What a person may do. Every page and endpoint names one of these, and only
/// <see cref="AccessRules"/> says who may do it.</summary>
public enum Operation
{
    /// <summary>Read the public registry: open to everyone, signed in or not.</summary>
    ViewPublicRegistry,

    /// <summary>Anything reached by a signed-in person on their own account (profile, two-factor set-up).</summary>
    ManageOwnAccount,

    /// <summary>Read what a process shares with its participants only.</summary>
    ViewParticipantArea,

    /// <summary>Open a process's management dashboard: the secretariat runs the process from it, the chair follows it.</summary>
    ViewProcessManagement,

    EditProcessProfile,
    ManageMembership,
    ManageChairs,
    ManageBodies,
    InviteParticipants,
    ViewProcessAuditLog,

    /// <summary>Schedule, change, cancel and postpone a process's meetings, their agenda, sessions and invitees.
    /// Who may see a meeting is decided per meeting by <see cref="MeetingAccess"/>.</summary>
    ScheduleMeetings,

    /// <summary>Read which ministries the states of a process send to its meetings over the years.</summary>
    ViewRepresentation,

    /// <summary>Follow the live floor of a session (signed in; who sees which meeting is decided per meeting by
    /// <see cref="MeetingAccess"/>).</summary>
    FollowFloor,

    /// <summary>Ask for the floor of a session of a meeting one may see, on behalf of one's state or organisation; the
    /// representatives of an invited state or organisation too, decided per meeting by <see cref="AccessRules.MayAskForFloor"/>.</summary>
    AskForFloor,

    /// <summary>Give the floor, end turns and set the speaking time of a session.</summary>
    ChairFloor,
    /// <summary>Write a session's report: the secretariat of the process; the session's own rapporteur too, decided per
    /// session by <see cref="AccessRules.MayWriteSessionReport"/>.</summary>
    WriteSessionReport,

    /// <summary>Adopt a meeting's report (freezing the session reports as they then are).</summary>
    AdoptMeetingReport,

    /// <summary>Draft a process's outputs (declarations, recommendations...), their versions and recommendations,
    /// and record each member state's position. Who may read an output is decided per output by <see cref="OutputAccess"/>.</summary>
    DraftOutputs,

    /// <summary>Comment on a draft output, paragraph by paragraph (a focal point for their own state).</summary>
    CommentOnOutputs,

    /// <summary>Adopt an output (once: date and meeting).</summary>
    AdoptOutputs,

    /// <summary>Read the follow-up of a process state by state (each state's reports, the evaluation reports in
    /// detail); the public sees aggregates of public outputs only.</summary>
    ViewFollowUp,

    /// <summary>Report on the recommendations addressed to one's own state, and record its policy changes.</summary>
    ReportFollowUp,

    /// <summary>Ask a state for clarification or validate its report; rename the status labels; open evaluation rounds.</summary>
    ReviewFollowUp,

    /// <summary>Record, correct and remove the laws, policies and practices a member state changed in connection with the
    /// process: a focal point for their own state, the secretariat for any member state.</summary>
    RecordPolicyChanges,

    /// <summary>Read a process's civil society caucus: its joint positions, versions, comments and stances (decision 0025).</summary>
    ViewCaucus,

    /// <summary>Draft, comment on, endorse or dissent from, and submit the caucus's joint positions: the process's civil
    /// society participants; an endorsement or dissent is also checked to come from a representative of the organisation.</summary>
    TakePartInCaucus,

    /// <summary>Submit a statement or position paper to a meeting for an organisation invited to it: its representatives,
    /// decided per meeting by <see cref="AccessRules.MaySubmitStatements"/>.</summary>
    SubmitStatements,
    /// <summary>Write a process's calls for participation, publish and change them, name their panels, read every
    /// application with its applicant's personal data, compute the proposal and publish the selection report.</summary>
    ManageCalls,

    /// <summary>Apply to a call for the organisation one acts for, and follow the application; a call's panel scores
    /// here too. Which application a person may read is decided per application (its organisation's people, the panel,
    /// the call's secretariat).</summary>
    ApplyToCalls,

    /// <summary>Read a process's data requests (questionnaires to its member states) and their compilations in full, state
    /// by state: its members. The public sees a compilation only once published, in aggregate.</summary>
    ViewDataRequests,

    /// <summary>Write a data request, send it to the current member states and publish its compilation in aggregate.</summary>
    ManageDataRequests,

    /// <summary>Answer a data request for one's own state (checked per state by the command).</summary>
    AnswerDataRequests,

    /// <summary>Platform-wide administration: every process, every audit entry, administrator invitations.</summary>
    AdministerPlatform,

    // Civil society registry (issue 11).

    /// <summary>Register a civil society organisation (anyone signed in, who becomes its first contact person).</summary>
    RegisterOrganization,

    /// <summary>Verify a self-registered civil society organisation, or decline to, with a note: the secretariat of any
    /// process, and platform administrators (<see cref="AccessRules.MayVerifyOrganizations"/>).</summary>
    VerifyOrganizations,

    // Good practices (issue 12). Reading is open (ViewPublicRegistry); who reads which practice is PracticeAccess's.

    /// <summary>Submit a good practice to a process: a focal point for their own state, a civil society participant or
    /// representative for the organisation they act for, the secretariat for any member state.</summary>
    SubmitPractices,

    /// <summary>Review submitted practices: publish them (members only or public) or return them with a note.</summary>
    ReviewPractices,

    /// <summary>Comment on a published practice: the process's members (secretariat, chair, member-state focal points).</summary>
    CommentOnPractices,

    /// <summary>Mark "we adapted this" on a published practice, with a note: a focal point for their own member state.</summary>
    AdaptPractices,

    // Directory of officials (issue 12, decision 0035).

    /// <summary>Read the directory of a process's officials: its secretariat, chair and member-state focal points, who are
    /// also the officials listed in it. Whose profile a reader sees across processes is <see cref="DirectoryAccess"/>'s.</summary>
    ViewDirectory,

    /// <summary>Use the directory: find officials, read their profiles, edit one's own, ask for and answer contact requests.
    /// Those who are officials of some process (<see cref="AccessRules.MayUseDirectory"/>), and platform administrators.</summary>
    UseDirectory,
}

/// <summary>The one table of who may do what on which resource. The authorization handlers and the
/// policy registration read it; nothing else decides access.</summary>
public static class AccessRules
{
    private static readonly ProcessRole[] Everyone =
        [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint, ProcessRole.Observer, ProcessRole.CivilSociety];

    /// <summary>Per operation on a process: the process roles allowed. Platform administrators may do everything.</summary>
    public static readonly IReadOnlyDictionary<Operation, ProcessRole[]> ProcessOperations = new Dictionary<Operation, ProcessRole[]>
    {
        [Operation.ViewParticipantArea] = Everyone,
        [Operation.ViewProcessManagement] = [ProcessRole.Secretariat, ProcessRole.Chair],
        [Operation.EditProcessProfile] = [ProcessRole.Secretariat],
        [Operation.ManageMembership] = [ProcessRole.Secretariat],
        [Operation.ManageChairs] = [ProcessRole.Secretariat],
        [Operation.ManageBodies] = [ProcessRole.Secretariat],
        [Operation.InviteParticipants] = [ProcessRole.Secretariat],
        [Operation.ViewProcessAuditLog] = [ProcessRole.Secretariat, ProcessRole.Chair],
        [Operation.ScheduleMeetings] = [ProcessRole.Secretariat],
        [Operation.ViewRepresentation] = [ProcessRole.Secretariat, ProcessRole.Chair],
        // Participants take part in the debate; the secretariat runs it and speaks for no state.
        [Operation.AskForFloor] = [ProcessRole.Chair, ProcessRole.FocalPoint, ProcessRole.Observer, ProcessRole.CivilSociety],
        [Operation.ChairFloor] = [ProcessRole.Secretariat, ProcessRole.Chair],
        [Operation.WriteSessionReport] = [ProcessRole.Secretariat],
        [Operation.AdoptMeetingReport] = [ProcessRole.Secretariat, ProcessRole.Chair],
        [Operation.DraftOutputs] = [ProcessRole.Secretariat],
        [Operation.CommentOnOutputs] = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint],
        [Operation.AdoptOutputs] = [ProcessRole.Secretariat, ProcessRole.Chair],
        [Operation.ViewFollowUp] = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint],
        [Operation.ReportFollowUp] = [ProcessRole.FocalPoint],
        [Operation.ReviewFollowUp] = [ProcessRole.Secretariat],
        [Operation.RecordPolicyChanges] = [ProcessRole.Secretariat, ProcessRole.FocalPoint],
        // Civil society caucus and statements (issue 11): the secretariat reads the caucus, civil society takes part.
        [Operation.ViewCaucus] = [ProcessRole.Secretariat, ProcessRole.CivilSociety],
        [Operation.TakePartInCaucus] = [ProcessRole.CivilSociety],
        [Operation.SubmitStatements] = [ProcessRole.CivilSociety],
        // Calls for participation (issue 11).
        [Operation.ManageCalls] = [ProcessRole.Secretariat],
        // Data requests between states (issue 12).
        [Operation.ViewDataRequests] = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint],
        [Operation.ManageDataRequests] = [ProcessRole.Secretariat],
        [Operation.AnswerDataRequests] = [ProcessRole.FocalPoint],
        // Good practices (issue 12, decision 0032).
        [Operation.SubmitPractices] = [ProcessRole.Secretariat, ProcessRole.FocalPoint, ProcessRole.CivilSociety],
        [Operation.ReviewPractices] = [ProcessRole.Secretariat],
        [Operation.CommentOnPractices] = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint],
        [Operation.AdaptPractices] = [ProcessRole.FocalPoint],
        // Directory of officials (issue 12, decision 0035).
        [Operation.ViewDirectory] = [ProcessRole.Secretariat, ProcessRole.Chair, ProcessRole.FocalPoint],
    };

    /// <summary>Operations that do not concern one process.</summary>
    public static readonly IReadOnlyDictionary<Operation, Audience> PlatformOperations = new Dictionary<Operation, Audience>
    {
        [Operation.ViewPublicRegistry] = Audience.Anyone,
        [Operation.ManageOwnAccount] = Audience.SignedIn,
        [Operation.FollowFloor] = Audience.SignedIn,
        [Operation.ApplyToCalls] = Audience.SignedIn,
        [Operation.AdministerPlatform] = Audience.PlatformAdministrators,
        // Civil society registry (issue 11).
        [Operation.RegisterOrganization] = Audience.SignedIn,
        [Operation.VerifyOrganizations] = Audience.Secretariats,
        // Directory of officials (issue 12).
        [Operation.UseDirectory] = Audience.Officials,
    };

    public static bool IsProcessOperation(Operation operation) => ProcessOperations.ContainsKey(operation);

    /// <summary>The processes in which the reader's roles allow <paramref name="operation"/> (a platform administrator's
    /// roles only: callers decide what an administrator sees).</summary>
    public static List<int> ProcessesWhere(MeetingReader reader, Operation operation) =>
        reader.Roles.Where(r => ProcessOperations[operation].Contains(r.Role)).Select(r => r.ProcessId).Distinct().ToList();

    /// <summary>Decides a process operation from the roles the person holds in that process.</summary>
    public static bool Allows(Operation operation, bool isPlatformAdministrator, IEnumerable<ProcessRole> rolesInProcess)
    {
        if (isPlatformAdministrator)
        {
            return true;
        }
        return ProcessOperations.TryGetValue(operation, out var allowed) && rolesInProcess.Any(allowed.Contains);
    }

    /// <summary>A session's report is written by the person named its rapporteur, or by whoever may
    /// <see cref="Operation.WriteSessionReport"/> in the meeting's process (docs/decisions/0010-report-authorship.md).
    /// Nobody else: not the process's chair, not a focal point, not the session's chair.</summary>
    public static bool MayWriteSessionReport(string? userId, string? rapporteurUserId, bool isPlatformAdministrator, IEnumerable<ProcessRole> rolesInProcess) =>
        (userId is not null && userId == rapporteurUserId)
        || Allows(Operation.WriteSessionReport, isPlatformAdministrator, rolesInProcess);

    /// <summary>The floor of a meeting is asked for by its participants in the process, and by the representatives of a
    /// state or organisation invited to it (<see cref="MeetingAccess.RepresentingInvitees"/>), whatever their role: an
    /// invited civil society organisation or observer takes part in the debate of the meeting it attends.</summary>
    public static bool MayAskForFloor(bool isPlatformAdministrator, IEnumerable<ProcessRole> rolesInProcess, bool representsAnInvitee) =>
        representsAnInvitee || Allows(Operation.AskForFloor, isPlatformAdministrator, rolesInProcess);

    /// <summary>A statement to a meeting comes from the representatives of an organisation invited to it, whether they hold
    /// a role in the meeting's process or act for the organisation in the registry; the process's civil society
    /// participants pass too, and the statement itself is then checked to be for an invited organisation they act for.</summary>
    public static bool MaySubmitStatements(bool isPlatformAdministrator, IEnumerable<ProcessRole> rolesInProcess, bool actsForAnInvitedOrganization) =>
        actsForAnInvitedOrganization || Allows(Operation.SubmitStatements, isPlatformAdministrator, rolesInProcess);
    /// <summary>An organisation registers itself for every process at once, so the people who verify it are the
    /// secretariats of all of them: whoever holds a secretariat role in force in any process, and platform administrators.</summary>
    public static bool MayVerifyOrganizations(bool isPlatformAdministrator, IEnumerable<ProcessRole> rolesInAnyProcess) =>
        isPlatformAdministrator || rolesInAnyProcess.Contains(ProcessRole.Secretariat);

    /// <summary>The directory is for the officials of the processes (whoever may <see cref="Operation.ViewDirectory"/> in some
    /// process) and platform administrators; an observer or civil society participant is not in it and does not read it.</summary>
    public static bool MayUseDirectory(bool isPlatformAdministrator, IEnumerable<ProcessRole> rolesInAnyProcess) =>
        isPlatformAdministrator || rolesInAnyProcess.Any(ProcessOperations[Operation.ViewDirectory].Contains);

}

public enum Audience
{
    Anyone,
    SignedIn,
    PlatformAdministrators,

    /// <summary>Those holding a secretariat role in force in any process, and platform administrators.</summary>
    Secretariats,

    /// <summary>The officials of any process (<see cref="AccessRules.MayUseDirectory"/>), and platform administrators.</summary>
    Officials,
}
