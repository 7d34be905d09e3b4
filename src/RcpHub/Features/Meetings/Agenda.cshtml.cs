using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/agenda: the secretariat adds, edits, orders, removes and forwards agenda items.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class AgendaModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : MeetingManagePage(db, clock, t)
{
    [BindProperty]
    public AgendaItemInput Item { get; set; } = new();

    /// <summary>The item being edited in the form; null when the form adds one.</summary>
    public int? Editing { get; private set; }

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];
    public IReadOnlyList<Choice> Sessions { get; private set; } = [];
    public IReadOnlyList<Choice> ForwardTargets { get; private set; } = [];

    /// <summary>Set when forwarding an item was refused: which item, and why.</summary>
    public (int ItemId, string Message)? ForwardError { get; private set; }

    public sealed record ItemRow(int Id, int Position, string Title, DateTimeOffset? StartsAtUtc, DateTimeOffset? EndsAtUtc, string? Session,
        int? FromMeetingId, string? FromMeeting, int? ToMeetingId, string? ToMeeting);

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        if (edit is { } itemId)
        {
            var item = await Db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct);
            if (item is null)
            {
                return NotFound();
            }
            (Editing, Item) = (itemId, AgendaItemInput.From(item, Meeting.TimeZoneId));
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int? itemId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var items = await AgendaCommands.LoadAsync(Db, Meeting, ct);
        var existing = itemId is { } known ? items.SingleOrDefault(i => i.Id == known) : null;
        if (itemId is not null && existing is null)
        {
            return NotFound();
        }
        Editing = itemId;
        var (errors, starts, ends) = await AgendaCommands.CheckAsync(Db, Meeting, Item, Text, ct);
        if (!Accept(nameof(Item), errors))
        {
            return await ShowAsync(ct);
        }
        var item = existing ?? AgendaCommands.Add(Meeting, items, Item, starts, ends);
        if (existing is not null)
        {
            AgendaCommands.Apply(existing, Item, starts, ends);
        }
        await SaveAsync(ct);
        this.Tell(existing is null ? Text["The agenda item {0} is added.", item.Title] : Text["The agenda item {0} is saved.", item.Title]);
        return Back("agenda", $"item-{item.Id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int itemId, bool up, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var items = await AgendaCommands.LoadAsync(Db, Meeting, ct);
        if (items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return NotFound();
        }
        AgendaCommands.Move(items, item, up);
        await SaveAsync(ct);
        this.Tell(Text["The agenda item {0} is now number {1}.", item.Title, item.Position]);
        return Back("agenda", $"item-{item.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int itemId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var items = await AgendaCommands.LoadAsync(Db, Meeting, ct);
        if (items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return NotFound();
        }
        if (!await AgendaCommands.TryRemoveAsync(Db, items, item, ct))
        {
            // The item form was not posted: what model binding made of it is not an error to show.
            ModelState.Clear();
            ForwardError = (itemId, Text["This item is part of a forwarding path and cannot be removed."]);
            return await ShowAsync(ct);
        }
        await SaveAsync(ct);
        this.Tell(Text["The agenda item {0} is removed.", item.Title]);
        return Back("agenda");
    }

    public async Task<IActionResult> OnPostForwardAsync(int id, int itemId, int targetMeetingId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var item = await Db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        var (_, error) = await AgendaCommands.ForwardAsync(Db, Clock, Meeting, item, targetMeetingId, Text, ct);
        if (error is not null)
        {
            ModelState.Clear();
            ForwardError = (itemId, error);
            return await ShowAsync(ct);
        }
        this.Tell(Text["The agenda item {0} is forwarded.", item.Title]);
        return Back("agenda", $"item-{item.Id}");
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        var id = Meeting.Id;
        Items = await Db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new ItemRow(i.Id, i.Position, i.Title, i.StartsAtUtc, i.EndsAtUtc,
                Db.Sessions.Where(s => s.Id == i.SessionId).Select(s => s.Title).FirstOrDefault(),
                i.ForwardedFrom != null ? i.ForwardedFrom.MeetingId : null,
                i.ForwardedFrom != null ? i.ForwardedFrom.Meeting!.Title : null,
                Db.AgendaItems.Where(x => x.ForwardedFromItemId == i.Id).Select(x => (int?)x.MeetingId).FirstOrDefault(),
                Db.AgendaItems.Where(x => x.ForwardedFromItemId == i.Id).Select(x => x.Meeting!.Title).FirstOrDefault()))
            .ToListAsync(ct);
        Sessions = await Db.Sessions.AsNoTracking().Where(s => s.MeetingId == id).OrderBy(s => s.Position)
            .Select(s => new Choice(s.Id.ToString(), s.Title)).ToListAsync(ct);
        ForwardTargets = await AgendaCommands.ForwardTargetsAsync(Db, Meeting, ct);
        return Page();
    }
}
