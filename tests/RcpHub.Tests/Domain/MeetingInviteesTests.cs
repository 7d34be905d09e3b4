using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

/// <summary>The one way to invite to a meeting: each state, organisation and person once, whoever invites.</summary>
public sealed class MeetingInviteesTests
{
    [Fact]
    public void A_party_already_invited_or_named_twice_is_invited_once()
    {
        var meeting = new Meeting { Title = "Expert meeting", TimeZoneId = "UTC" };
        meeting.Invitees.Add(new MeetingInvitee { OrganizationId = 7 });

        var added = meeting.Invite([
            new MeetingInvitee { OrganizationId = 7 },
            new MeetingInvitee { OrganizationId = 8 },
            new MeetingInvitee { OrganizationId = 8 },
            new MeetingInvitee { StateCode = "MAR" },
            new MeetingInvitee { UserId = "u1" },
        ]);

        Assert.Equal([8, null, null], added.Select(i => i.OrganizationId));
        Assert.Equal(4, meeting.Invitees.Count);
        Assert.All(added, i => Assert.Same(meeting, i.Meeting));
        Assert.Empty(meeting.Invite([new MeetingInvitee { StateCode = "MAR" }, new MeetingInvitee { UserId = "u1" }]));
    }
}
