namespace RcpHub.Domain;

/// <summary>The one way to invite to a meeting: the invitees page and a call's selection decision both add their
/// invitees here, so that a state, an organisation or a person is invited once, whoever invites it.</summary>
public static class MeetingInvitees
{
    /// <summary>Whether two invitees name the same state, organisation or person.</summary>
    public static bool SameParty(MeetingInvitee a, MeetingInvitee b) =>
        (a.StateCode is not null && a.StateCode == b.StateCode)
        || (a.OrganizationId is not null && a.OrganizationId == b.OrganizationId)
        || (a.UserId is not null && a.UserId == b.UserId);

    /// <summary>Adds to the meeting's invitees those not invited yet (each party once) and returns them; the caller saves,
    /// as it saves the rest of its change.</summary>
    public static IReadOnlyList<MeetingInvitee> Invite(this Meeting meeting, IEnumerable<MeetingInvitee> invitees)
    {
        var added = new List<MeetingInvitee>();
        foreach (var invitee in invitees)
        {
            if (meeting.Invitees.Any(i => SameParty(i, invitee)) || added.Any(i => SameParty(i, invitee)))
            {
                continue;
            }
            invitee.Meeting = meeting;
            added.Add(invitee);
        }
        meeting.Invitees.AddRange(added);
        return added;
    }
}
