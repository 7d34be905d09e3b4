using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Floor;

/// <summary>A session's floor as the reader may reach it: the session of a meeting of the process named in the
/// address, the meeting visible to the reader (<see cref="MeetingOperations.View"/>), and what the reader may do
/// there, decided by <see cref="AccessRules"/> on their roles in the meeting's process.</summary>
public sealed record FloorPlace(string Slug, int MeetingId, string MeetingTitle, int SessionId, string SessionTitle, MeetingAudience Audience,
    MeetingReader Reader, bool MayAsk, bool MayChair, IReadOnlyList<ReaderRole> Roles, IReadOnlyList<ReaderRole> Representing)
{
    public string Address => $"/processes/{Slug}/meetings/{MeetingId}/sessions/{SessionId}/floor";

    /// <summary>Null (answer 404) when there is no such session, or the reader may not see its meeting.</summary>
    public static async Task<FloorPlace?> FindAsync(AppDbContext db, IAuthorizationService authorization, MeetingReaders readers,
        ClaimsPrincipal user, AddressedProcess process, int meetingId, int sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MeetingId == meetingId && s.Meeting!.ProcessId == process.Id)
            .Select(s => new { s.Title })
            .SingleOrDefaultAsync(ct);
        if (session is null || await db.FindForAccessAsync(meetingId, ct) is not { } meeting
            || !await authorization.MayAsync(user, meeting, MeetingOperations.View))
        {
            return null;
        }
        var reader = await readers.CurrentAsync(user);
        var roles = reader.Roles.Where(r => r.ProcessId == meeting.ProcessId).ToList();
        var roleNames = roles.Select(r => r.Role).ToList();
        var representing = MeetingAccess.RepresentingInvitees(reader, meeting.Invitees, meeting.ProcessId);
        return new FloorPlace(process.Slug, meetingId, meeting.Title, sessionId, session.Title, meeting.Audience, reader,
            AccessRules.MayAskForFloor(reader.IsPlatformAdministrator, roleNames, representing.Count > 0),
            AccessRules.Allows(Operation.ChairFloor, reader.IsPlatformAdministrator, roleNames),
            roles, representing);
    }

    /// <summary>The states and organisations the reader may speak for here: those of their roles in the process, and the
    /// invited ones they represent.</summary>
    public IReadOnlyList<string> Parties => Roles.Concat(Representing)
        .Select(r => Party.Key(r.StateCode, r.OrganizationId)).OfType<string>().Distinct().ToList();
}
