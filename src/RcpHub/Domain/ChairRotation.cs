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
        var startsOn = position < 0 ? currentTermStartsOn : currentTermStartsOn.AddMonths(termMonths);
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
