using FsCheck;
using FsCheck.Fluent;
using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class ChairRotationTests
{
    private static readonly string[] Order = ["AGO", "BWA", "COM", "SWZ"];

    [Fact]
    public void The_state_after_the_current_chair_takes_over_when_its_term_ends()
    {
        var schedule = ChairRotation.Schedule(Order, "COM", new DateOnly(2024, 7, 1), termMonths: 12, count: 3);

        Assert.Equal(
            [
                new ScheduledChair("SWZ", new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30)),
                new ScheduledChair("AGO", new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)),
                new ScheduledChair("BWA", new DateOnly(2027, 7, 1), new DateOnly(2028, 6, 30)),
            ],
            schedule);
    }

    [Fact]
    public void A_chair_outside_the_order_hands_over_to_the_first_state_at_once()
    {
        var schedule = ChairRotation.Schedule(Order, "FRA", new DateOnly(2025, 1, 1), 24, 1);
        Assert.Equal(new ScheduledChair("AGO", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)), Assert.Single(schedule));
    }

    [Fact]
    public void An_empty_order_schedules_nobody() =>
        Assert.Empty(ChairRotation.Schedule([], "AGO", new DateOnly(2025, 1, 1), 12, 5));

    [Fact]
    public void Terms_follow_each_other_without_gap_or_overlap_and_every_state_chairs_in_turn()
    {
        Prop.ForAll(
            Gen.Choose(1, 36).ToArbitrary(),
            Gen.Choose(0, Order.Length).ToArbitrary(),
            Gen.Choose(1, 30).ToArbitrary(),
            (termMonths, current, count) =>
            {
                var schedule = ChairRotation.Schedule(Order, current < Order.Length ? Order[current] : null, new DateOnly(2020, 3, 1), termMonths, count);
                var contiguous = schedule.Zip(schedule.Skip(1)).All(p => p.First.EndsOn.AddDays(1) == p.Second.StartsOn);
                var inTurn = schedule.Zip(schedule.Skip(1)).All(p =>
                    Array.IndexOf(Order, p.Second.StateCode) == (Array.IndexOf(Order, p.First.StateCode) + 1) % Order.Length);
                var lengths = schedule.All(t => t.StartsOn.AddMonths(termMonths).AddDays(-1) == t.EndsOn);
                return schedule.Count == count && contiguous && inTurn && lengths;
            }).QuickCheckThrowOnFailure();
    }
}
