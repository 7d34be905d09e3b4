using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

/// <summary>The floor's pure rules: the speaking timer, and who may ask for and give the floor.</summary>
public sealed class FloorRulesTests
{
    private static readonly DateTimeOffset Given = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 180)]
    [InlineData(0.4, 180)] // a part-second left still shows as a second
    [InlineData(65, 115)]
    [InlineData(180, 0)]
    [InlineData(200, -20)]
    public void Counts_down_from_the_moment_the_floor_was_given(double secondsLater, int remaining) =>
        Assert.Equal(remaining, SpeakingTimer.RemainingSeconds(Given, 3, Given.AddSeconds(secondsLater)));

    [Fact]
    public void A_longer_turn_leaves_more_time() =>
        Assert.Equal(290, SpeakingTimer.RemainingSeconds(Given, 5, Given.AddSeconds(10)));

    [Theory]
    [InlineData(ProcessRole.FocalPoint, true, false)]
    [InlineData(ProcessRole.Observer, true, false)]
    [InlineData(ProcessRole.CivilSociety, true, false)]
    [InlineData(ProcessRole.Chair, true, true)]
    [InlineData(ProcessRole.Secretariat, false, true)]
    public void Participants_ask_for_the_floor_and_the_chair_or_secretariat_gives_it(ProcessRole role, bool mayAsk, bool mayChair)
    {
        Assert.Equal(mayAsk, AccessRules.Allows(Operation.AskForFloor, false, [role]));
        Assert.Equal(mayChair, AccessRules.Allows(Operation.ChairFloor, false, [role]));
    }

    [Fact]
    public void Nobody_without_a_role_in_the_process_asks_or_gives_the_floor()
    {
        Assert.False(AccessRules.Allows(Operation.AskForFloor, false, []));
        Assert.False(AccessRules.Allows(Operation.ChairFloor, false, []));
    }
}
