using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class ReportAuthorshipTests
{
    [Fact]
    public void The_rapporteur_writes_the_session_report_whatever_their_role()
    {
        Assert.True(AccessRules.MayWriteSessionReport("u1", "u1", false, [ProcessRole.FocalPoint]));
        Assert.True(AccessRules.MayWriteSessionReport("u1", "u1", false, [ProcessRole.Observer]));
    }

    [Fact]
    public void The_secretariat_and_administrators_write_any_session_report()
    {
        Assert.True(AccessRules.MayWriteSessionReport("u2", "u1", false, [ProcessRole.Secretariat]));
        Assert.True(AccessRules.MayWriteSessionReport("u2", null, true, []));
    }

    [Theory]
    [InlineData(ProcessRole.Chair)]
    [InlineData(ProcessRole.FocalPoint)]
    [InlineData(ProcessRole.Observer)]
    [InlineData(ProcessRole.CivilSociety)]
    public void Nobody_else_writes_it(ProcessRole role)
    {
        Assert.False(AccessRules.MayWriteSessionReport("u2", "u1", false, [role]));
        Assert.False(AccessRules.MayWriteSessionReport("u2", null, false, [role]));
    }

    [Fact]
    public void Anonymous_never_writes_even_a_report_without_rapporteur() =>
        Assert.False(AccessRules.MayWriteSessionReport(null, null, false, []));

    [Fact]
    public void The_chair_and_the_secretariat_adopt_the_meeting_report()
    {
        Assert.True(AccessRules.Allows(Operation.AdoptMeetingReport, false, [ProcessRole.Chair]));
        Assert.True(AccessRules.Allows(Operation.AdoptMeetingReport, false, [ProcessRole.Secretariat]));
        Assert.False(AccessRules.Allows(Operation.AdoptMeetingReport, false, [ProcessRole.FocalPoint, ProcessRole.Observer]));
    }
}
