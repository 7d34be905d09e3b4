using System.Globalization;
using System.Text;

namespace RcpHub.Features.Meetings;

/// <summary>One event of an iCalendar feed. Times are UTC instants: written as UTC (with a Z) every client
/// places them right, without a VTIMEZONE block for each venue.</summary>
public sealed record CalendarEvent(
    string Uid,
    DateTimeOffset Stamp,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string? Location,
    string? Description,
    Uri? Url,
    CalendarEventStatus Status,
    int Sequence);

public enum CalendarEventStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}

/// <summary>Writes iCalendar (RFC 5545) by hand (kept when Ical.Net became available: small, tested, and one writer for feeds and mail): CRLF line ends,
/// content lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped.</summary>
public static class CalendarWriter
{
    private const int MaxLineOctets = 75;

    /// <summary>One meeting's UID, the same in every feed and mail, so that calendar clients update one event.</summary>
    public static string MeetingUid(int meetingId, string host) => $"meeting-{meetingId}@{host}";

    /// <param name="method">PUBLISH for feeds; REQUEST or CANCEL (RFC 5546) for an invitation or a cancellation by mail.</param>
    public static string Write(string name, IEnumerable<CalendarEvent> events, string method = "PUBLISH")
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//RcpHub//Meetings//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:" + method);
        Line(ics, "X-WR-CALNAME:" + Text(name));
        foreach (var e in events)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, "UID:" + Text(e.Uid));
            Line(ics, "DTSTAMP:" + Utc(e.Stamp));
            Line(ics, "DTSTART:" + Utc(e.Start));
            Line(ics, "DTEND:" + Utc(e.End));
            Line(ics, "SUMMARY:" + Text(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                Line(ics, "LOCATION:" + Text(e.Location));
            }
            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                Line(ics, "DESCRIPTION:" + Text(e.Description));
            }
            if (e.Url is not null)
            {
                // URL is of type URI: not TEXT-escaped (a comma in it is literal).
                Line(ics, "URL:" + e.Url.AbsoluteUri);
            }
            Line(ics, "STATUS:" + e.Status.ToString().ToUpperInvariant());
            Line(ics, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A date-time in UTC form (RFC 5545 §3.3.5, form #2).</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Text(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }
                    break;
                case '\n': escaped.Append(@"\n"); break;
                // Other control characters are not allowed in TEXT; a tab is.
                case < ' ' and not '\t': break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>Appends one content line, folded (RFC 5545 §3.1): no line longer than 75 octets, continuation lines
    /// start with a space, and a fold never falls inside a UTF-8 sequence or a surrogate pair.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                ics.Append("\r\n ");
                octets = 1;
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
