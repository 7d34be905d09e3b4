using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/{id}/edit: the secretariat changes, cancels or postpones a meeting.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : MeetingFormPage(db, t)
{
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
        await MeetingCommands.UpdateAsync(Db, clock, meeting, Input, starts, ends, ct);
        this.Tell(Text["The meeting is saved."]);
        return Redirect($"/meetings/{meeting.Id}");
    }

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) => SetStatusAsync(id, MeetingStatus.Cancelled, ct);

    public Task<IActionResult> OnPostPostponeAsync(int id, CancellationToken ct) => SetStatusAsync(id, MeetingStatus.Postponed, ct);

    private async Task<IActionResult> SetStatusAsync(int id, MeetingStatus status, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } meeting)
        {
            return NotFound();
        }
        await MeetingCommands.SetStatusAsync(Db, clock, meeting, status, ct);
        if (status == MeetingStatus.Postponed)
        {
            this.Tell(Text["The meeting is postponed."]);
        }
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
