using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Meetings;

/// <summary>An agenda item as the secretariat gives it (form and API); times on the venue's clock.</summary>
public sealed class AgendaItemInput
{
    [Display(Name = "Title of the item")]
    [Required(ErrorMessage = "Enter the title of the item.")]
    [StringLength(300, ErrorMessage = "The title is too long (300 characters at most).")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    [StringLength(4000, ErrorMessage = "The description is too long (4,000 characters at most).")]
    [MultiLine]
    public string? Description { get; set; }

    [Display(Name = "Starts (venue time)")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Ends (venue time)")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Session")]
    public int? SessionId { get; set; }

    public static AgendaItemInput From(AgendaItem item, string zoneId) => new()
    {
        Title = item.Title,
        Description = item.Description,
        StartsAt = item.StartsAtUtc is { } s ? TimeZones.InZone(s, zoneId).DateTime : null,
        EndsAt = item.EndsAtUtc is { } e ? TimeZones.InZone(e, zoneId).DateTime : null,
        SessionId = item.SessionId,
    };
}

/// <summary>Changes to a meeting's agenda, shared by the agenda page and the API. The meeting is tracked; its items are
/// loaded (tracked) by <see cref="LoadAsync"/> before any change, so that positions stay 1..n.</summary>
public static class AgendaCommands
{
    public static Task<List<AgendaItem>> LoadAsync(AppDbContext db, Meeting meeting, CancellationToken ct = default) =>
        db.AgendaItems.Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);

    /// <summary>Checks an item against its meeting (times readable on the venue's clock, session of this meeting).</summary>
    public static async Task<(List<FieldError> Errors, DateTimeOffset? Starts, DateTimeOffset? Ends)> CheckAsync(
        AppDbContext db, Meeting meeting, AgendaItemInput input, IStringLocalizer<MeetingsText> t, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var (starts, ends) = VenueClock.ReadOptionalSpan(input.StartsAt, input.EndsAt, meeting.TimeZoneId,
            nameof(AgendaItemInput.StartsAt), nameof(AgendaItemInput.EndsAt), t, errors);
        if (input.SessionId is { } sessionId && !await db.Sessions.AnyAsync(s => s.Id == sessionId && s.MeetingId == meeting.Id, ct))
        {
            errors.Add(new FieldError(nameof(AgendaItemInput.SessionId), t["Choose a session of this meeting."]));
        }
        return (errors, starts, ends);
    }

    public static void Apply(AgendaItem item, AgendaItemInput input, DateTimeOffset? starts, DateTimeOffset? ends)
    {
        item.Title = input.Title!.Trim();
        item.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        item.StartsAtUtc = starts;
        item.EndsAtUtc = ends;
        item.SessionId = input.SessionId;
    }

    /// <summary>Adds an item at the end of the agenda.</summary>
    public static AgendaItem Add(Meeting meeting, List<AgendaItem> items, AgendaItemInput input, DateTimeOffset? starts, DateTimeOffset? ends)
    {
        var item = new AgendaItem { Title = "", Position = items.Count == 0 ? 1 : items.Max(i => i.Position) + 1 };
        Apply(item, input, starts, ends);
        meeting.AgendaItems.Add(item);
        return item;
    }

    /// <summary>Swaps an item with its neighbour above or below.</summary>
    public static void Move(List<AgendaItem> items, AgendaItem item, bool up)
    {
        Renumber(items);
        var index = items.IndexOf(item);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return;
        }
        (items[index].Position, items[other].Position) = (items[other].Position, items[index].Position);
    }

    /// <summary>Removes an item; false when it is part of a forwarding chain, whose path must stay whole.</summary>
    public static async Task<bool> TryRemoveAsync(AppDbContext db, List<AgendaItem> items, AgendaItem item, CancellationToken ct = default)
    {
        if (item.ForwardedFromItemId is not null || await db.AgendaItems.AnyAsync(i => i.ForwardedFromItemId == item.Id, ct))
        {
            return false;
        }
        db.AgendaItems.Remove(item);
        items.Remove(item);
        Renumber(items);
        return true;
    }

    /// <summary>The later meetings an item of <paramref name="meeting"/> may be forwarded to (soonest first, 50 at most).</summary>
    public static async Task<List<Choice>> ForwardTargetsAsync(AppDbContext db, Meeting meeting, CancellationToken ct = default)
    {
        var levels = MeetingChain.LevelsFrom(meeting.Level).ToList();
        var targets = await db.Meetings.AsNoTracking()
            .Where(m => m.ProcessId == meeting.ProcessId && m.Id != meeting.Id && m.StartsAtUtc > meeting.StartsAtUtc
                && levels.Contains(m.Level) && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id).Take(50)
            .Select(m => new { m.Id, m.Title, m.StartsAtUtc, m.TimeZoneId })
            .ToListAsync(ct);
        return targets.Select(m => new Choice(m.Id.ToString(CultureInfo.InvariantCulture),
            $"{m.Title} ({Dates.Day(TimeZones.InZone(m.StartsAtUtc, m.TimeZoneId))})")).ToList();
    }

    /// <summary>Forwards an item to a later meeting of the process: a copy at the end of that meeting's agenda, linked
    /// back to it and to the first item of its chain. Returns the error, if the forwarding is not allowed.</summary>
    public static async Task<(AgendaItem? Forwarded, string? Error)> ForwardAsync(
        AppDbContext db, TimeProvider clock, Meeting from, AgendaItem item, int targetMeetingId, IStringLocalizer<MeetingsText> t, CancellationToken ct = default)
    {
        if (await db.AgendaItems.AnyAsync(i => i.ForwardedFromItemId == item.Id, ct))
        {
            return (null, t["This item has already been forwarded."]);
        }
        var target = await db.Meetings.SingleOrDefaultAsync(m => m.Id == targetMeetingId, ct);
        if (target is null || !MeetingChain.MayForward(from, target))
        {
            return (null, t["Choose a later meeting of this process, of the same or a higher level."]);
        }
        var lastPosition = await db.AgendaItems.Where(i => i.MeetingId == target.Id).MaxAsync(i => (int?)i.Position, ct) ?? 0;
        var forwarded = new AgendaItem
        {
            Title = item.Title,
            Description = item.Description,
            Position = lastPosition + 1,
            ForwardedFromItemId = item.Id,
            ChainRootItemId = item.ChainRootItemId ?? item.Id,
        };
        target.AgendaItems.Add(forwarded);
        await MeetingCommands.TouchAndSaveAsync(db, clock, target, ct);
        return (forwarded, null);
    }

    private static void Renumber(List<AgendaItem> items)
    {
        var ordered = items.OrderBy(i => i.Position).ThenBy(i => i.Id).ToList();
        items.Clear();
        items.AddRange(ordered);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }
    }
}
