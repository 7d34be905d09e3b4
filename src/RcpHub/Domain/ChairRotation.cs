namespace RcpHub.Domain;

/// <summary>A term in the schedule of future chairs.</summary>
public sealed record ScheduledChair(string StateCode, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>Produces the schedule of future chairs from the rotation order: the state after the current
/// chair takes over when its term ends, and so on around the order.</summary>
public static class ChairRotation
{
    /// <param name="order">State codes in rotation order.</param>
    /// <param name="currentChair">The state holding (or last holding) the chair; null or absent from the order starts at the first position.</param>
    /// <param name="currentTermStartsOn">When the current term began; the first scheduled term begins one term later.</param>
    /// <param name="termMonths">Length of a term in months (at least 1).</param>
    /// <param name="count">How many future terms to produce.</param>
    public static IReadOnlyList<ScheduledChair> Schedule(
        IReadOnlyList<string> order, string? currentChair, DateOnly currentTermStartsOn, int termMonths, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (order.Count == 0)
        {
            return [];
        }
        var position = currentChair is null ? -1 : IndexOf(order, currentChair);
        return From(order, position, position < 0 ? currentTermStartsOn : currentTermStartsOn.AddMonths(termMonths), termMonths, count);
    }

    /// <summary>When the chair passes from the current term to the next: the day after the current term ends as the chair
    /// terms record it (its end date; one term length after its start when no end is recorded), and never before
    /// <paramref name="today"/>. A schedule thus never shows a "next" chair taking over in the past while the recorded
    /// terms say another state holds the chair.</summary>
    public static DateOnly NextTermStartsOn(DateOnly currentStartsOn, DateOnly? currentEndsOn, int termMonths, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        var next = currentEndsOn?.AddDays(1) ?? currentStartsOn.AddMonths(termMonths);
        return next < today ? today : next;
    }

    /// <summary>The chairs after the current term, as recorded in the chair terms: the state after the current chair in
    /// the order (the first state when the chair is outside the order) from <see cref="NextTermStartsOn"/>, then one
    /// term each around the order. The one rule behind every schedule of future chairs.</summary>
    public static IReadOnlyList<ScheduledChair> Upcoming(IReadOnlyList<string> order, string? currentChair, DateOnly currentStartsOn,
        DateOnly? currentEndsOn, int termMonths, DateOnly today, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var position = currentChair is null ? -1 : IndexOf(order, currentChair);
        return order.Count == 0 ? [] : From(order, position, NextTermStartsOn(currentStartsOn, currentEndsOn, termMonths, today), termMonths, count);
    }

    private static List<ScheduledChair> From(IReadOnlyList<string> order, int position, DateOnly startsOn, int termMonths, int count)
    {
        var schedule = new List<ScheduledChair>(count);
        for (var i = 0; i < count; i++)
        {
            position = (position + 1) % order.Count;
            var endsOn = startsOn.AddMonths(termMonths).AddDays(-1);
            schedule.Add(new ScheduledChair(order[position], startsOn, endsOn));
            startsOn = endsOn.AddDays(1);
        }
        return schedule;
    }

    private static int IndexOf(IReadOnlyList<string> order, string code)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
