using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Meetings;

/// <summary>A span of time shown twice: on the venue's clock, and on the reader's (when the two differ).</summary>
public sealed record When(DateTimeOffset StartsUtc, DateTimeOffset EndsUtc, string VenueZone, string ReaderZone)
{
    public bool ReaderDiffers => ReaderZone != VenueZone
        && TimeZones.InZone(StartsUtc, ReaderZone).Offset != TimeZones.InZone(StartsUtc, VenueZone).Offset;

    public string Venue => Range(VenueZone);

    public string VenueZoneLabel => ZoneLabel(VenueZone);

    public string Reader => Range(ReaderZone);

    public string ReaderZoneLabel => ZoneLabel(ReaderZone);

    /// <summary>"Africa/Nairobi, UTC+03:00", isolated (U+2068…U+2069) so that it keeps its order inside Arabic text.</summary>
    private string ZoneLabel(string zone) => $"\u2068{TimeZones.Label(zone)}, {TimeZones.Offset(TimeZones.InZone(StartsUtc, zone))}\u2069";

    /// <summary>For the &lt;time datetime&gt; attribute: the instant in UTC.</summary>
    public string Machine => StartsUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday, 3 March 2026, 09:00 – 17:00", or both dates when the span crosses midnight, or the start alone for
    /// an instant (a deadline), in the reader's language.</summary>
    private string Range(string zone)
    {
        var culture = CultureInfo.CurrentCulture;
        var (from, to) = (TimeZones.InZone(StartsUtc, zone), TimeZones.InZone(EndsUtc, zone));
        var start = from.ToString("D", culture) + ", " + from.ToString("t", culture);
        if (StartsUtc == EndsUtc)
        {
            return start;
        }
        return from.Date == to.Date
            ? start + " – " + to.ToString("t", culture)
            : start + " – " + to.ToString("D", culture) + ", " + to.ToString("t", culture);
    }

    /// <summary>The span on the venue's clock with its zone, and on the reader's when it differs. Written here rather than
    /// as a partial view: a meeting page shows it for the meeting, every timed agenda item and every session, and each
    /// partial costs more to render than the few bytes it writes.</summary>
    public IHtmlContent Html(IStringLocalizer<MeetingsText> t)
    {
        var e = MeetingLabels.Encoder;
        var html = $"<span class=\"when\"><time datetime=\"{Machine}\">{e.Encode(Venue)}</time> <span class=\"zone\">({e.Encode(VenueZoneLabel)})</span>";
        if (ReaderDiffers)
        {
            html += $" <span class=\"reader-time\">{e.Encode(t["Your time: {0} ({1})", Reader, ReaderZoneLabel].Value)}</span>";
        }
        return new HtmlString(html + "</span>");
    }

    /// <summary>The date alone, short, in the venue's zone: for dense lists.</summary>
    public string VenueDate => Dates.Day(TimeZones.InZone(StartsUtc, VenueZone));
}
