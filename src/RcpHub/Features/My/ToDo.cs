using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.My;

/// <summary>What someone must do. Follow-up of recommendations (a later issue) adds its kinds here.</summary>
public enum DutyKind
{
    /// <summary>A focal point registers their state's delegation to a meeting whose invitation went out.</summary>
    RegisterDelegation,

    /// <summary>A focal point registers again a delegation the secretariat returned.</summary>
    CorrectDelegation,

    /// <summary>The rapporteur writes the report of a session that has been held.</summary>
    WriteSessionReport,

    /// <summary>The secretariat writes, or asks the rapporteur for, the report of a held session that has none.</summary>
    MissingSessionReport,

    /// <summary>The secretariat confirms (or returns) the delegations registered for a meeting.</summary>
    ConfirmDelegations,

    /// <summary>The secretariat sends the invitation of a planned meeting.</summary>
    SendInvitation,

    /// <summary>The chair or the secretariat adopts the report of a held meeting.</summary>
    AdoptMeetingReport,

    /// <summary>The secretariat invites a focal point for a state a coming meeting expects and nobody can register for.</summary>
    InviteFocalPoint,

    /// <summary>Anyone accepts an invitation to a role sent to their own address.</summary>
    AnswerInvitation,
}

/// <summary>A role a person holds in force, named as pages show it.</summary>
public sealed record HeldRole(int ProcessId, string ProcessSlug, string ProcessAcronym, ProcessRole Role, string? StateCode, string? StateName);

/// <summary>One thing to do: about what (a meeting, a session or state in it), by when (on the venue's clock), and
/// where to do it. <see cref="Link"/> is null when it is done from elsewhere (an invitation's emailed link, whose
/// token the platform does not keep).</summary>
public sealed record Duty(
    DutyKind Kind, string ProcessAcronym, string Subject, string? Detail, int Count, DateTimeOffset Due, string TimeZoneId, bool Overdue, string? Link);

/// <summary>The one place that says what waits on whom: the personal page asks it for a person's duties, the process
/// dashboard for what waits on a process's secretariat, and both get the same answer from the same rules. Who may do a
/// thing is <see cref="AccessRules"/>'s decision (the operation each duty needs); which meetings a person reads is
/// <see cref="MeetingAccess"/>'s. A platform administrator may do everything but owes nothing: duties follow the roles
/// a person holds (<see cref="RolesInForce"/>, through the <see cref="MeetingReader"/>).</summary>
public static class ToDo
{
    /// <summary>A cancelled or postponed meeting is not held: it owes no report.</summary>
    private static readonly MeetingStatus[] NotTakingPlace = [MeetingStatus.Cancelled, MeetingStatus.Postponed];

    /// <summary>Which states a meeting expects a delegation from: every state it invites and, unless it is held by
    /// invitation only, every member state of the processes that hold it (whose focal points see it).</summary>
    public static bool ExpectsDelegation(MeetingAudience audience, IEnumerable<string> invitedStates, bool isMemberOfItsProcesses, string state) =>
        invitedStates.Contains(state) || (audience != MeetingAudience.ByInvitation && isMemberOfItsProcesses);

    /// <summary>The reader's roles in force (<see cref="RolesInForce"/>), with the names pages show, in the reader's language.</summary>
    public static async Task<IReadOnlyList<HeldRole>> RolesAsync(AppDbContext db, string? userId, DateOnly today, CancellationToken ct)
    {
        if (userId is null)
        {
            return [];
        }
        var roles = await (
            from a in db.ProcessRoleAssignments.AsNoTracking().Where(RolesInForce.InForce(db.Memberships, today))
            where a.UserId == userId
            join s in db.States on a.StateCode equals s.Code into states
            from s in states.DefaultIfEmpty()
            select new { a.ProcessId, a.Process!.Slug, a.Process.Acronym, a.Role, a.StateCode, State = s })
            .ToListAsync(ct);
        var language = Cultures.Current;
        return [.. roles.Select(r => new HeldRole(r.ProcessId, r.Slug, r.Acronym, r.Role, r.StateCode, r.State?.Name(language)))
            .OrderBy(r => r.ProcessAcronym, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Role)];
    }

    /// <summary>Everything that waits on one person, soonest first. <paramref name="roles"/> are the reader's
    /// (<see cref="RolesAsync"/>).</summary>
    public static async Task<IReadOnlyList<Duty>> ForPersonAsync(
        AppDbContext db, MeetingReader reader, IReadOnlyList<HeldRole> roles, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var duties = new List<Duty>();
        if (reader.UserId is null)
        {
            return duties;
        }
        duties.AddRange(await DelegationsToRegisterAsync(db, reader, roles, now, ct));
        duties.AddRange(await SessionReportsAsync(db, reader, AccessRules.ProcessesWhere(reader, Operation.WriteSessionReport), now, ct));
        duties.AddRange(await OrganiserDutiesAsync(db, reader, AccessRules.ProcessesWhere(reader, Operation.ScheduleMeetings),
            AccessRules.ProcessesWhere(reader, Operation.AdoptMeetingReport), today, now, ct));
        duties.AddRange(await InvitationsToAnswerAsync(db, reader.UserId, now, ct));
        // Follow-up of recommendations (a later issue): the actions a person owes on adopted recommendations go here.
        return [.. duties.OrderBy(d => d.Due).ThenBy(d => d.Kind)];
    }

    /// <summary>What waits on the secretariat of one process, as its dashboard shows it to <paramref name="reader"/>
    /// (its secretariat, its chair or a platform administrator, who all see every meeting of the process): what each
    /// member of its secretariat finds on their own page for it, with every missing session report.</summary>
    public static async Task<IReadOnlyList<Duty>> ForSecretariatAsync(AppDbContext db, MeetingReader reader, int processId, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var duties = new List<Duty>();
        duties.AddRange(await OrganiserDutiesAsync(db, reader, [processId], [processId], today, now, ct));
        duties.AddRange(await SessionReportsAsync(db, reader with { UserId = null }, [processId], now, ct));
        return [.. duties.OrderBy(d => d.Due).ThenBy(d => d.Kind)];
    }

    /// <summary>For each state a focal point represents: meetings whose invitation went out and that are not over, that
    /// expect the state's delegation and have none from it yet (or have it back, returned). Due when the meeting starts:
    /// no registration deadline is kept, and the platform takes registrations until the meeting ends.</summary>
    private static async Task<IEnumerable<Duty>> DelegationsToRegisterAsync(
        AppDbContext db, MeetingReader reader, IReadOnlyList<HeldRole> held, DateTimeOffset now, CancellationToken ct)
    {
        var roles = held.Where(r => r.Role == ProcessRole.FocalPoint && r.StateCode != null).ToList();
        if (roles.Count == 0)
        {
            return [];
        }
        var states = roles.Select(r => r.StateCode!).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(MeetingAccess.VisibleTo(reader))
            .Where(MeetingAccess.ConcernedBy(reader))
            .Where(m => m.Status == MeetingStatus.InvitationsSent && m.EndsAtUtc > now)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.ProcessId,
                m.Audience,
                m.StartsAtUtc,
                m.TimeZoneId,
                Processes = m.ParticipatingProcesses.Select(p => p.ProcessId).ToList(),
                Invited = m.Invitees.Where(i => i.StateCode != null).Select(i => i.StateCode!).ToList(),
                Delegations = db.Delegations.Where(d => d.MeetingId == m.Id && states.Contains(d.StateCode)).Select(d => new { d.StateCode, d.Status }).ToList(),
            })
            .ToListAsync(ct);
        var duties = new List<Duty>();
        foreach (var m in meetings)
        {
            // A state registers once per meeting, through a process it is focal point in: the meeting's own, if it can.
            foreach (var role in roles.Where(r => ExpectsDelegation(m.Audience, m.Invited, r.ProcessId == m.ProcessId || m.Processes.Contains(r.ProcessId), r.StateCode!))
                .OrderBy(r => r.ProcessId != m.ProcessId).DistinctBy(r => r.StateCode))
            {
                var registered = m.Delegations.FirstOrDefault(d => d.StateCode == role.StateCode);
                if (registered is { Status: not DelegationStatus.Returned })
                {
                    continue;
                }
                duties.Add(new Duty(registered is null ? DutyKind.RegisterDelegation : DutyKind.CorrectDelegation, role.ProcessAcronym, m.Title,
                    role.StateName, 1, m.StartsAtUtc, m.TimeZoneId, now >= m.StartsAtUtc,
                    $"/processes/{role.ProcessSlug}/meetings/{m.Id}/delegation?state={role.StateCode}"));
            }
        }
        return duties;
    }

    /// <summary>Held sessions without any report: those the reader is rapporteur of, and every one of the meetings of
    /// <paramref name="processes"/> (for whoever writes or asks for them there). A session is held once its end has
    /// passed (the meeting's end, for a session without times); its report is due from then, and late once the whole
    /// meeting is over, when the meeting report would gather it.</summary>
    private static async Task<IEnumerable<Duty>> SessionReportsAsync(AppDbContext db, MeetingReader reader, List<int> processes, DateTimeOffset now, CancellationToken ct)
    {
        if (reader.UserId is null && processes.Count == 0)
        {
            return [];
        }
        // No session has an empty rapporteur id; a null one would match every session without a rapporteur.
        var userId = reader.UserId ?? "";
        var sessions = await (
            from m in db.Meetings.AsNoTracking().Where(MeetingAccess.VisibleTo(reader))
            where !NotTakingPlace.Contains(m.Status)
            from s in m.Sessions
            where (s.RapporteurUserId == userId || processes.Contains(m.ProcessId))
                && (s.EndsAtUtc ?? m.EndsAtUtc) <= now
                && !db.SessionReportVersions.Any(v => v.SessionId == s.Id)
            select new
            {
                MeetingId = m.Id,
                m.Title,
                m.Process!.Acronym,
                m.TimeZoneId,
                MeetingEnds = m.EndsAtUtc,
                SessionId = s.Id,
                Session = s.Title,
                Due = s.EndsAtUtc ?? m.EndsAtUtc,
                Mine = s.RapporteurUserId == userId,
            })
            .ToListAsync(ct);
        return sessions.Select(s => new Duty(s.Mine ? DutyKind.WriteSessionReport : DutyKind.MissingSessionReport, s.Acronym, s.Title, s.Session, 1,
            s.Due, s.TimeZoneId, now >= s.MeetingEnds, $"/meetings/{s.MeetingId}/sessions/{s.SessionId}/report"));
    }

    /// <summary>What the organisers owe on the meetings of their processes: in those where they schedule meetings
    /// (<paramref name="organised"/>), the delegations registered and not yet confirmed or returned (due when the meeting
    /// starts), the invitations not sent (due when it starts), and the states a coming meeting expects a delegation from
    /// that have no focal point able to register it (due when the first such meeting starts: a member state needs a
    /// focal point in the process, a state invited by name one in any); in those where they adopt meeting reports
    /// (<paramref name="adopting"/>), the meetings that are over without an adopted report (due from their end; no rule
    /// sets a date for the adoption, so none is ever called late). One query for the meetings, one for the states.</summary>
    private static async Task<IEnumerable<Duty>> OrganiserDutiesAsync(
        AppDbContext db, MeetingReader reader, List<int> organised, List<int> adopting, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var processes = organised.Union(adopting).ToList();
        if (processes.Count == 0)
        {
            return [];
        }
        var meetings = await db.Meetings.AsNoTracking()
            .Where(MeetingAccess.VisibleTo(reader))
            .Where(m => processes.Contains(m.ProcessId) && m.Status != MeetingStatus.Cancelled)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.ProcessId,
                m.Process!.Acronym,
                m.Process.Slug,
                m.Status,
                m.Audience,
                m.StartsAtUtc,
                m.EndsAtUtc,
                m.TimeZoneId,
                Waiting = db.Delegations.Count(d => d.MeetingId == m.Id && d.Status == DelegationStatus.Registered),
                Invited = m.Invitees.Where(i => i.StateCode != null).Select(i => i.StateCode!).ToList(),
            })
            .Where(m => m.Waiting > 0
                || (m.EndsAtUtc > now && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.InvitationsSent))
                || (m.EndsAtUtc <= now && m.Status != MeetingStatus.Postponed && m.Status != MeetingStatus.ReportAdopted))
            .OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id)
            .ToListAsync(ct);

        var duties = new List<Duty>();
        foreach (var m in meetings)
        {
            if (organised.Contains(m.ProcessId) && m.Waiting > 0)
            {
                duties.Add(new Duty(DutyKind.ConfirmDelegations, m.Acronym, m.Title, null, m.Waiting, m.StartsAtUtc, m.TimeZoneId, now >= m.StartsAtUtc,
                    $"/meetings/{m.Id}/participants"));
            }
            if (organised.Contains(m.ProcessId) && m.Status == MeetingStatus.Planned && m.StartsAtUtc > now)
            {
                duties.Add(new Duty(DutyKind.SendInvitation, m.Acronym, m.Title, null, 1, m.StartsAtUtc, m.TimeZoneId, false,
                    $"/processes/{m.Slug}/meetings/{m.Id}/invitations"));
            }
            if (adopting.Contains(m.ProcessId) && m.EndsAtUtc <= now && !NotTakingPlace.Contains(m.Status) && m.Status != MeetingStatus.ReportAdopted)
            {
                duties.Add(new Duty(DutyKind.AdoptMeetingReport, m.Acronym, m.Title, null, 1, m.EndsAtUtc, m.TimeZoneId, false, $"/meetings/{m.Id}/report"));
            }
        }

        var coming = meetings.Where(m => organised.Contains(m.ProcessId) && m.EndsAtUtc > now
            && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.InvitationsSent)).ToList();
        if (coming.Count == 0)
        {
            return duties;
        }
        var invited = coming.SelectMany(m => m.Invited).Distinct().ToList();
        var forMembers = coming.Where(m => m.Audience != MeetingAudience.ByInvitation).Select(m => m.ProcessId).Distinct().ToList();
        var members = db.Memberships.CurrentOn(today).Where(ms => forMembers.Contains(ms.ProcessId) && ms.Role == MembershipRole.Member && ms.StateCode != null);
        var focalPoints = db.ProcessRoleAssignments.Where(RolesInForce.InForce(db.Memberships, today)).Where(a => a.Role == ProcessRole.FocalPoint);
        var states = await db.States.AsNoTracking()
            .Where(s => invited.Contains(s.Code) || members.Any(ms => ms.StateCode == s.Code))
            .Select(s => new
            {
                State = s,
                MemberOf = members.Where(ms => ms.StateCode == s.Code).Select(ms => ms.ProcessId).ToList(),
                FocalPointIn = focalPoints.Where(a => a.StateCode == s.Code).Select(a => a.ProcessId).ToList(),
            })
            .ToListAsync(ct);
        var language = Cultures.Current;
        foreach (var s in states.OrderBy(s => s.State.Name(language), StringComparer.CurrentCulture))
        {
            var code = s.State.Code;
            var first = coming.FirstOrDefault(m => ExpectsDelegation(m.Audience, m.Invited, s.MemberOf.Contains(m.ProcessId), code)
                && !(s.FocalPointIn.Contains(m.ProcessId) || (m.Invited.Contains(code) && s.FocalPointIn.Count > 0)));
            if (first is not null)
            {
                duties.Add(new Duty(DutyKind.InviteFocalPoint, first.Acronym, first.Title, s.State.Name(language), 1, first.StartsAtUtc, first.TimeZoneId,
                    false, $"/processes/{first.Slug}/manage/invitations"));
            }
        }
        return duties;
    }

    /// <summary>Invitations to a role sent to the person's own address that are still open (not accepted, not expired:
    /// the rule of <c>InvitationRow.StatusAt</c>). They are accepted through the emailed link, so there is none here.</summary>
    private static async Task<IEnumerable<Duty>> InvitationsToAnswerAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.ExpiresAt > now
                && db.Users.Any(u => u.Id == userId && u.Email != null && u.Email.ToLower() == i.Email.ToLower()))
            .Select(i => new { Process = i.Process != null ? i.Process.Acronym : null, i.ExpiresAt })
            .ToListAsync(ct);
        return invitations.Select(i => new Duty(DutyKind.AnswerInvitation, i.Process ?? "RcpHub", i.Process ?? "RcpHub", null, 1, i.ExpiresAt, "UTC", false, null));
    }
}
