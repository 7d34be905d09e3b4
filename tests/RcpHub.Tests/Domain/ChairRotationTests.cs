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

    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void The_next_chair_takes_over_when_the_recorded_term_ends_not_one_term_length_after_it_began()
    {
        // A six-month term length, but the recorded term of Comoros runs a year: it still holds the chair today.
        var schedule = ChairRotation.Upcoming(Order, "COM", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), termMonths: 6, Today, count: 2);

        Assert.Equal(
            [
                new ScheduledChair("SWZ", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)),
                new ScheduledChair("AGO", new DateOnly(2027, 7, 1), new DateOnly(2027, 12, 31)),
            ],
            schedule);
    }

    [Fact]
    public void Without_a_recorded_end_the_term_lasts_one_term_length()
    {
        var schedule = ChairRotation.Upcoming(Order, "COM", new DateOnly(2026, 9, 1), null, termMonths: 6, Today, count: 1);
        Assert.Equal(new ScheduledChair("SWZ", new DateOnly(2027, 3, 1), new DateOnly(2027, 8, 31)), Assert.Single(schedule));
    }

    [Fact]
    public void A_term_that_ended_without_a_successor_on_record_hands_over_today_never_in_the_past()
    {
        Assert.Equal(Today, ChairRotation.NextTermStartsOn(new DateOnly(2026, 1, 1), null, 6, Today));
        Assert.Equal(Today, ChairRotation.NextTermStartsOn(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 6, Today));
        var first = ChairRotation.Upcoming(Order, "COM", new DateOnly(2026, 1, 1), null, 6, Today, 1)[0];
        Assert.Equal(new ScheduledChair("SWZ", Today, Today.AddMonths(6).AddDays(-1)), first);
    }

    [Fact]
    public void A_chair_outside_the_order_hands_over_to_its_first_state_when_the_term_ends() =>
        Assert.Equal("AGO", Assert.Single(ChairRotation.Upcoming(Order, "FRA", new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), 12, Today, 1)).StateCode);

    [Fact]
    public void No_upcoming_chair_starts_before_today_or_before_the_recorded_term_ends()
    {
        Prop.ForAll(
            Gen.Choose(1, 36).ToArbitrary(),
            Gen.Choose(-1000, 1000).ToArbitrary(),
            Gen.Choose(0, 800).ToArbitrary(),
            (termMonths, startOffset, length) =>
            {
                var current = length % (Order.Length + 1);
                var startsOn = Today.AddDays(startOffset);
                var endsOn = length == 0 ? (DateOnly?)null : startsOn.AddDays(length);
                var schedule = ChairRotation.Upcoming(Order, current < Order.Length ? Order[current] : null, startsOn, endsOn, termMonths, Today, 3);
                var first = schedule[0].StartsOn;
                return first >= Today && (endsOn is null || first > endsOn) && schedule.Zip(schedule.Skip(1)).All(p => p.First.EndsOn.AddDays(1) == p.Second.StartsOn);
            }).QuickCheckThrowOnFailure();
    }
}
