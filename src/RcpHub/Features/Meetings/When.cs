using System.Globalization;

namespace RcpHub.Features.Meetings;

/// <summary>A span of time shown twice: on the venue's clock, and on the reader's (when the two differ).</summary>
public sealed record When(DateTimeOffset StartsUtc, DateTimeOffset EndsUtc, string VenueZone, string ReaderZone)
{
    public bool ReaderDiffers => ReaderZone != VenueZone
        && TimeZones.InZone(StartsUtc, ReaderZone).Offset != TimeZones.InZone(StartsUtc, VenueZone).Offset;

    public string Venue => Range(VenueZone);

    public string VenueZoneLabel => $"{TimeZones.Label(VenueZone)}, {TimeZones.Offset(TimeZones.InZone(StartsUtc, VenueZone))}";

    public string Reader => Range(ReaderZone);

    public string ReaderZoneLabel => $"{TimeZones.Label(ReaderZone)}, {TimeZones.Offset(TimeZones.InZone(StartsUtc, ReaderZone))}";

    /// <summary>For the &lt;time datetime&gt; attribute: the instant in UTC.</summary>
    public string Machine => StartsUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday, 3 March 2026, 09:00 – 17:00", or both dates when the span crosses midnight, in the reader's language.</summary>
    private string Range(string zone)
    {
        var culture = CultureInfo.CurrentCulture;
        var (from, to) = (TimeZones.InZone(StartsUtc, zone), TimeZones.InZone(EndsUtc, zone));
        var start = from.ToString("D", culture) + ", " + from.ToString("t", culture);
        return from.Date == to.Date
            ? start + " – " + to.ToString("t", culture)
            : start + " – " + to.ToString("D", culture) + ", " + to.ToString("t", culture);
    }

    /// <summary>The date alone, short, in the venue's zone: for dense lists.</summary>
    public string VenueDate => TimeZones.InZone(StartsUtc, VenueZone).ToString("d", CultureInfo.CurrentCulture);
}
