using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Delegations;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/edit: the secretariat changes, cancels or postpones a meeting.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class EditModel(AppDbContext db, TimeProvider clock, MeetingNotices notices, IStringLocalizer<MeetingsText> text) : MeetingFormPage(db, text)
{
    /// <summary>Why the meeting is cancelled: required, and mailed with the notice.</summary>
    [BindProperty]
    [MultiLine]
    [StringLength(2000, ErrorMessage = "The reason is too long (2000 characters at most).")]
    public string? CancellationReason { get; set; }

    public int MeetingId { get; private set; }
    public string MeetingTitle { get; private set; } = "";
    public MeetingStatus CurrentStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } meeting)
        {
            return NotFound();
        }
        Input = MeetingInput.From(meeting);
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } meeting)
        {
            return NotFound();
        }
        var (valid, starts, ends) = await CheckAsync(ct);
        if (!valid)
        {
            return await FormAsync(ct);
        }
        var told = await MeetingCommands.UpdateAsync(Db, clock, notices, meeting, Input, starts, ends, ct);
        this.Tell(told > 0 ? Text["The meeting is saved."] + " " + notices.Told(told) : Text["The meeting is saved."]);
        return Redirect($"/meetings/{meeting.Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } meeting)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(CancellationReason))
        {
            ModelState.AddModelError(nameof(CancellationReason), Text["Say why the meeting is cancelled: the reason is mailed to its participants."]);
        }
        // The meeting's own fields are not posted with this form: only the reason is judged.
        foreach (var key in ModelState.Keys.Where(k => k != nameof(CancellationReason)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!ModelState.IsValid)
        {
            Input = MeetingInput.From(meeting);
            return await FormAsync(ct);
        }
        var told = await MeetingCommands.SetStatusAsync(Db, clock, notices, meeting, MeetingStatus.Cancelled, CancellationReason!.Trim(), ct);
        this.Tell(Text["The meeting is cancelled."] + " " + notices.Told(told));
        return Redirect($"/meetings/{meeting.Id}");
    }

    public async Task<IActionResult> OnPostPostponeAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } meeting)
        {
            return NotFound();
        }
        var told = await MeetingCommands.SetStatusAsync(Db, clock, notices, meeting, MeetingStatus.Postponed, null, ct);
        this.Tell(Text["The meeting is postponed."] + " " + notices.Told(told));
        return Redirect($"/meetings/{meeting.Id}");
    }

    private async Task<Meeting?> FindAsync(int id, CancellationToken ct)
    {
        if (await MeetingCommands.FindToChangeAsync(Db, Process.Id, id, ct) is not { } meeting)
        {
            return null;
        }
        (MeetingId, MeetingTitle, CurrentStatus) = (meeting.Id, meeting.Title, meeting.Status);
        return meeting;
    }
}
