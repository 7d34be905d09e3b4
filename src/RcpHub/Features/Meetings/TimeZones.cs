using System.Globalization;
using RcpHub.Domain;

namespace RcpHub.Features.Meetings;

/// <summary>IANA time zones: the venue's (chosen in the meeting form) and the reader's: a signed-in person's is a setting
/// of their account (proposed from the browser on the account page); an anonymous visitor's is chosen on the time zone
/// page, kept in the <c>tz</c> cookie, or given as <c>?tz=</c>. UTC by default.</summary>
public static class TimeZones
{
    public const string CookieName = "tz";
    public const string Utc = "UTC";

    /// <summary>UTC first, then the system's canonical zone ids (zone.tab) in order. Windows names and old aliases,
    /// which <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> would also accept, are left out on purpose.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Utc, .. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? id) => id is not null && Known.Contains(id);

    /// <summary>The zone's id as a reader would say it: "America/Argentina/Buenos Aires".</summary>
    public static string Label(string id) => id.Replace('_', ' ');

    /// <summary>The reader's zone: a signed-in person's account setting (the one place it is changed), else for an
    /// anonymous visitor <c>?tz=</c>, else the cookie; UTC when none is set, and anything unknown counts as UTC.</summary>
    public static string ReaderZone(HttpContext http, MeetingReader reader)
    {
        if (reader.UserId is not null)
        {
            return IsKnown(reader.TimeZoneId) ? reader.TimeZoneId! : Utc;
        }
        var chosen = http.Request.Query[CookieName].ToString() is { Length: > 0 } q ? q : http.Request.Cookies[CookieName];
        return IsKnown(chosen) ? chosen! : Utc;
    }

    /// <summary>The UTC instant of a venue's wall-clock time; null for a time the clocks skip (a daylight-saving gap).
    /// A time that occurs twice (clocks going back) is read in standard time, as .NET does.</summary>
    public static DateTimeOffset? ToUtc(DateTime local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    /// <summary>The wall-clock time and UTC offset in a zone at an instant.</summary>
    public static DateTimeOffset InZone(DateTimeOffset utc, string zoneId) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    /// <summary>"UTC+03:00", in the invariant form used by time zone tables everywhere.</summary>
    public static string Offset(DateTimeOffset local) =>
        "UTC" + (local.Offset < TimeSpan.Zero ? "−" : "+") + local.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>"1 March 2022, 14:30 (Africa/Nairobi)": an instant on a zone's clock, for deadlines and receipts; the zone is
    /// isolated (U+2068…U+2069) so that it keeps its order inside Arabic text.</summary>
    public static string Moment(DateTimeOffset utc, string zoneId) => $"{Clock(utc, zoneId)} (\u2068{Label(zoneId)}\u2069)";

    /// <summary>"1 March 2022, 14:30": an instant on a zone's clock, for a page that names the zone once.</summary>
    public static string Clock(DateTimeOffset utc, string zoneId) => Infrastructure.Localization.Dates.Moment(InZone(utc, zoneId));

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for a venue time.</summary>
    public static string InputValue(DateTimeOffset? utc, string zoneId) =>
        utc is { } u ? InZone(u, zoneId).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";
}
