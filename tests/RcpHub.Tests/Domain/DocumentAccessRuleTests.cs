using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class DocumentAccessRuleTests
{
    private const int Midsa = 1;
    private const int Other = 2;

    private static Meeting MeetingOf(MeetingAudience audience) =>
        new() { Id = 7, ProcessId = Midsa, Title = "Expert meeting", TimeZoneId = "UTC", Audience = audience };

    private static MeetingReader Reader(params ReaderRole[] roles) => new("user", false, roles);

    [Fact]
    public void Within_a_public_meeting_anyone_reads_meeting_documents_but_not_restricted_ones()
    {
        var meeting = MeetingOf(MeetingAudience.Public);
        Assert.True(DocumentAccessRule.MayRead(MeetingReader.Anonymous, meeting, DocumentAccess.Meeting));
        Assert.False(DocumentAccessRule.MayRead(MeetingReader.Anonymous, meeting, DocumentAccess.Members));
        Assert.False(DocumentAccessRule.MayRead(MeetingReader.Anonymous, meeting, DocumentAccess.Secretariat));
    }

    [Fact]
    public void A_focal_point_reads_members_documents_not_secretariat_ones()
    {
        var meeting = MeetingOf(MeetingAudience.MembersOnly);
        var focalPoint = Reader(new ReaderRole(Midsa, ProcessRole.FocalPoint, "ZAF"));
        Assert.True(DocumentAccessRule.MayRead(focalPoint, meeting, DocumentAccess.Meeting));
        Assert.True(DocumentAccessRule.MayRead(focalPoint, meeting, DocumentAccess.Members));
        Assert.False(DocumentAccessRule.MayRead(focalPoint, meeting, DocumentAccess.Secretariat));
    }

    [Fact]
    public void The_secretariat_and_administrators_read_every_level()
    {
        var meeting = MeetingOf(MeetingAudience.MembersOnly);
        foreach (var reader in new[] { Reader(new ReaderRole(Midsa, ProcessRole.Secretariat)), new MeetingReader("admin", true, []) })
        {
            Assert.All(Enum.GetValues<DocumentAccess>(), level => Assert.True(DocumentAccessRule.MayRead(reader, meeting, level)));
        }
    }

    [Fact]
    public void An_observer_of_a_meeting_open_to_observers_reads_only_meeting_level_documents()
    {
        var meeting = MeetingOf(MeetingAudience.MembersAndObservers);
        var observer = Reader(new ReaderRole(Midsa, ProcessRole.Observer));
        Assert.Equal([DocumentAccess.Meeting], DocumentAccessRule.LevelsFor(observer, meeting));
        Assert.True(DocumentAccessRule.MayRead(observer, meeting, DocumentAccess.Meeting));
    }

    [Fact]
    public void Nothing_of_a_members_only_meeting_is_readable_by_a_non_member_whatever_the_document_level()
    {
        var meeting = MeetingOf(MeetingAudience.MembersOnly);
        var secretariatElsewhere = Reader(new ReaderRole(Other, ProcessRole.Secretariat));
        foreach (var reader in new[] { MeetingReader.Anonymous, secretariatElsewhere, Reader(new ReaderRole(Midsa, ProcessRole.Observer)) })
        {
            Assert.All(Enum.GetValues<DocumentAccess>(), level => Assert.False(DocumentAccessRule.MayRead(reader, meeting, level)));
        }
    }

    [Fact]
    public void In_a_meeting_across_processes_the_organisers_and_members_of_a_participating_process_read_their_levels()
    {
        var global = MeetingOf(MeetingAudience.MembersOnly);
        global.ParticipatingProcesses.Add(new MeetingProcess { ProcessId = Other });
        Assert.Equal([DocumentAccess.Meeting, DocumentAccess.Members, DocumentAccess.Secretariat],
            DocumentAccessRule.LevelsFor(Reader(new ReaderRole(Other, ProcessRole.Chair)), global));
        Assert.Equal([DocumentAccess.Meeting, DocumentAccess.Members], DocumentAccessRule.LevelsFor(Reader(new ReaderRole(Other, ProcessRole.FocalPoint, "IND")), global));
        Assert.Equal([DocumentAccess.Meeting], DocumentAccessRule.LevelsFor(Reader(new ReaderRole(3, ProcessRole.Secretariat)), global));
    }
}
