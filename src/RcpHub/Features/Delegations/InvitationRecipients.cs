using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Delegations;

/// <param name="FocalPointFor">The states this person is a focal point of (in force), to tell which invited states nobody would hear from.</param>
public sealed record InvitationRecipient(string UserId, string DisplayName, string Email, string Language, IReadOnlyList<string> FocalPointFor)
{
    public MailRecipient ToMail() => new(UserId, DisplayName, Email, Language);
}

/// <summary>Who receives a meeting's invitation: the focal points of its member (or invited) states, the observers and
/// civil society of its processes, the people of invited organisations and invited persons — and of those, only
/// the ones <see cref="MeetingAccess"/> lets see the meeting. The organisers (secretariat, chair) send it, they do
/// not receive it.</summary>
public static class InvitationRecipients
{
    private static readonly ProcessRole[] Organisers = [ProcessRole.Secretariat, ProcessRole.Chair];

    /// <param name="meeting">Loaded with its participating processes and invitees.</param>
    /// <param name="readableAt">When given, only those who may also read a document of the meeting at this level
    /// (<see cref="DocumentAccessRule"/>): the people told of a new document.</param>
    public static async Task<IReadOnlyList<InvitationRecipient>> ForAsync(AppDbContext db, Meeting meeting, DateOnly today, CancellationToken ct,
        DocumentAccess? readableAt = null)
    {
        var processes = meeting.ParticipatingProcesses.Select(p => p.ProcessId).Append(meeting.ProcessId).ToList();
        var states = meeting.Invitees.Where(i => i.StateCode != null).Select(i => i.StateCode!).ToList();
        var organizations = meeting.Invitees.Where(i => i.OrganizationId != null).Select(i => i.OrganizationId!.Value).ToList();
        var persons = meeting.Invitees.Where(i => i.UserId != null).Select(i => i.UserId!).ToList();

        // Candidates and every role in force they hold, in one query; the access rule then decides on each.
        var inForce = RolesInForce.InForce(db.Memberships, today);
        // The registry's representatives act for their organisation too (decision 0027).
        var representatives = db.OrganizationRepresentatives.Active();
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && (persons.Contains(u.Id) || db.ProcessRoleAssignments.Where(inForce).Any(a => a.UserId == u.Id
                && ((processes.Contains(a.ProcessId) && !Organisers.Contains(a.Role))
                    || (a.Role == ProcessRole.FocalPoint && a.StateCode != null && states.Contains(a.StateCode))
                    || (a.OrganizationId != null && organizations.Contains(a.OrganizationId.Value))))
                || representatives.Any(r => r.UserId == u.Id && organizations.Contains(r.OrganizationId))))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Email = u.Email!,
                u.IsPlatformAdministrator,
                u.PreferredLanguage,
                Roles = db.ProcessRoleAssignments.Where(inForce).Where(a => a.UserId == u.Id)
                    .Select(a => new ReaderRole(a.ProcessId, a.Role, a.StateCode, a.OrganizationId)).ToList(),
                Represented = representatives.Where(r => r.UserId == u.Id).Select(r => r.OrganizationId).ToList(),
            })
            .ToListAsync(ct);

        return candidates
            .Select(c => (Candidate: c, Reader: new MeetingReader(c.Id, c.IsPlatformAdministrator, c.Roles, Represented: c.Represented)))
            .Where(x => readableAt is { } level ? DocumentAccessRule.MayRead(x.Reader, meeting, level) : MeetingAccess.MayView(x.Reader, meeting))
            .Select(x => x.Candidate)
            .Select(c => new InvitationRecipient(c.Id, c.DisplayName, c.Email, c.PreferredLanguage,
                c.Roles.Where(r => r.Role == ProcessRole.FocalPoint && r.StateCode != null).Select(r => r.StateCode!).Distinct().ToList()))
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }
}
