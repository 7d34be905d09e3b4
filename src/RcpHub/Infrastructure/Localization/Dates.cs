using System.Globalization;

namespace RcpHub.Infrastructure.Localization;

/// <summary>The one way to show a day: "1 March 2022", "1 mars 2022", "1 марта 2022", "1 مارس 2022". The month is named,
/// because the short numeric form reads 3/1/2022 as 1 March in one country and 3 January in another.</summary>
public static class Dates
{
    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The day on the clock the value carries (UTC for stored instants, the venue's for a time put in its zone).</summary>
    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.DateTime));

    /// <summary>A day and a time of day, "1 March 2022, 14:30", on the clock the value carries.</summary>
    public static string Moment(DateTimeOffset at) => Day(at) + ", " + at.ToString("t", CultureInfo.CurrentCulture);

    /// <summary>"" when the day is not known.</summary>
    public static string Day(DateOnly? date) => date is { } d ? Day(d) : "";
}
