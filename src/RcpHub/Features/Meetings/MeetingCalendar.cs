using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Meetings;

/// <summary>Meetings as iCalendar feeds: a process's (what the requester may see) and a person's own (through a secret address).</summary>
public sealed class MeetingCalendar(AppDbContext db, MeetingLabels labels, IStringLocalizer<MeetingsText> t)
{
    private sealed record Row(int Id, string Title, string ProcessAcronym, MeetingLevel Level, MeetingFormat Format, MeetingStatus Status,
        MeetingAudience Audience, DateTimeOffset StartsAtUtc, DateTimeOffset EndsAtUtc, string? Venue, string? OnlineUrl, string? HostStateCode,
        int Sequence, DateTimeOffset UpdatedAt);

    /// <summary>The feed of <paramref name="meetings"/> as far as <paramref name="reader"/> may see them, from a year ago on
    /// (older meetings stay in subscribers' calendars; the feed need not grow for ever). Two or three queries.</summary>
    public async Task<string> WriteAsync(string name, MeetingReader reader, IQueryable<Meeting> meetings, Uri site, DateTimeOffset now, CancellationToken ct = default)
    {
        var since = now.AddYears(-1);
        var rows = await meetings.AsNoTracking()
            .Where(MeetingAccess.VisibleTo(reader))
            .Where(m => m.EndsAtUtc >= since)
            .OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Title, m.Process!.Acronym, m.Level, m.Format, m.Status, m.Audience, m.StartsAtUtc, m.EndsAtUtc,
                m.Venue, m.OnlineUrl, m.HostStateCode, m.Sequence, m.UpdatedAt))
            .ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, rows.Select(r => r.HostStateCode), [], ct);
        return CalendarWriter.Write(name, rows.Select(r => new CalendarEvent(
            Uid: CalendarWriter.MeetingUid(r.Id, site.Host),
            Stamp: r.UpdatedAt,
            Start: r.StartsAtUtc,
            End: r.EndsAtUtc,
            Summary: r.Title,
            Location: string.Join(", ", new[] { r.Venue, names.State(r.HostStateCode), r.OnlineUrl }.Where(p => !string.IsNullOrWhiteSpace(p))),
            Description: string.Join("\n",
                $"{r.ProcessAcronym} · {labels.Level(r.Level)} · {labels.Format(r.Format)} · {labels.Status(r.Status)}",
                t["Who may see it: {0}", labels.Audience(r.Audience)].Value),
            Url: new Uri(site, $"/meetings/{r.Id}"),
            Status: r.Status switch
            {
                MeetingStatus.Cancelled => CalendarEventStatus.Cancelled,
                MeetingStatus.Postponed => CalendarEventStatus.Tentative,
                _ => CalendarEventStatus.Confirmed,
            },
            Sequence: r.Sequence)));
    }

    /// <summary>The base address of the site as the request reached it, for links in feeds.</summary>
    public static Uri Site(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");

    public static Microsoft.AspNetCore.Mvc.ContentResult Result(string ics) => new()
    {
        Content = ics,
        ContentType = "text/calendar; charset=utf-8",
        StatusCode = StatusCodes.Status200OK,
    };
}
