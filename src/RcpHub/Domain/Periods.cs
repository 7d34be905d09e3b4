using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>A part held from a day to a day, either end possibly not known: a process membership, a seat in a body,
/// or a page's row of one.</summary>
public interface IHeldOverPeriod
{
    DateOnly? JoinedOn { get; }
    DateOnly? LeftOn { get; }
}

/// <summary>The one rule for whether a membership or a seat is in force, and its SQL form. Current: begun (or with no
/// known start) and not yet ended on the day. Ended: its last day is before the day. A part that begins later is
/// neither: it is not counted as current, and is listed with the current ones under its start date.</summary>
public static class Periods
{
    public static bool IsCurrent(this IHeldOverPeriod part, DateOnly today) =>
        (part.JoinedOn is null || part.JoinedOn <= today) && (part.LeftOn is null || part.LeftOn > today);

    public static bool HasEnded(this IHeldOverPeriod part, DateOnly today) => part.LeftOn <= today;

    /// <summary>The SQL form of <see cref="IsCurrent"/>.</summary>
    public static Expression<Func<T, bool>> CurrentOn<T>(DateOnly today) where T : class, IHeldOverPeriod =>
        CurrentOnDay<T>().On(today);

    /// <summary>The SQL form of <see cref="IsCurrent"/> with the day as its second parameter, for a rule whose day is
    /// itself a parameter (a compiled query's, <see cref="RolesInForce.InForceOn"/>).</summary>
    public static Expression<Func<T, DateOnly, bool>> CurrentOnDay<T>() where T : class, IHeldOverPeriod =>
        (m, today) => (m.JoinedOn == null || m.JoinedOn <= today) && (m.LeftOn == null || m.LeftOn > today);

    /// <summary>The SQL form of <see cref="HasEnded"/>.</summary>
    public static Expression<Func<T, bool>> EndedOn<T>(DateOnly today) where T : class, IHeldOverPeriod =>
        m => m.LeftOn != null && m.LeftOn <= today;

    /// <summary>The SQL form of "not <see cref="HasEnded"/>": current, or beginning later.</summary>
    public static Expression<Func<T, bool>> NotEndedOn<T>(DateOnly today) where T : class, IHeldOverPeriod =>
        m => m.LeftOn == null || m.LeftOn > today;
}
