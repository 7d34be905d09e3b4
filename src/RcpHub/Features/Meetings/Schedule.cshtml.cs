using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/processes/{slug}/meetings/new: the secretariat schedules a meeting.</summary>
[Requires(Operation.ScheduleMeetings)]
public sealed class ScheduleModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : MeetingFormPage(db, t)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = new MeetingInput { WorkingLanguages = ["en"] };
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (valid, starts, ends) = await CheckAsync(ct);
        if (!valid)
        {
            return await FormAsync(ct);
        }
        var meeting = await MeetingCommands.ScheduleAsync(Db, clock, Process.Id, Input, starts, ends, ct);
        this.Tell(Text["The meeting is scheduled."]);
        return Redirect($"/meetings/{meeting.Id}");
    }
}
