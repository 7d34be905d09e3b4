using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Reports;

/// <summary>/meetings/{id}/report: the meeting report (current draft, or version ?version=n), the recommendations raised,
/// and adoption by the chair or the secretariat; "not found" for anyone outside the meeting's audience.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class MeetingReportModel(AppDbContext db, ReportGate gate, TimeProvider clock, Delegations.MeetingNotices notices,
    IStringLocalizer<ReportsText> t) : PageModel
{
    public ReportMeeting Meeting { get; private set; } = null!;
    public MeetingReportView Report { get; private set; } = null!;
    public IReadOnlyList<VersionListItem> Versions { get; private set; } = [];
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Introduction")]
    [StringLength(ReportLimits.Discussion, ErrorMessage = "The introduction is too long (20,000 characters at most).")]
    [MultiLine]
    public string? Introduction { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        if (await gate.MeetingAsync(User, id, ct) is not { } meeting || await ReportQueries.MeetingReportAsync(db, id, version, ct) is not { } report)
        {
            return NotFound();
        }
        (Meeting, Report) = (meeting, report);
        Introduction = report.Introduction;
        Versions = await ReportQueries.MeetingVersionsAsync(db, id, ct);
        Sessions = await SessionViews.LoadAsync(db, id, ct);
        return Page();
    }

    /// <summary>"adopt" adopts the report; anything else saves the introduction as a new draft version.</summary>
    [HandlerRequires(Operation.AdoptMeetingReport)]
    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken ct)
    {
        var adopt = intent == "adopt";
        if (await gate.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return NotFound();
        }
        if (!meeting.MayAdopt)
        {
            return Forbid();
        }
        Meeting = meeting;
        if (adopt && ModelState.IsValid && await ReportCommands.AdoptionRefusalAsync(db, clock, id, Introduction, t, ct) is { } refusal)
        {
            ModelState.AddModelError(nameof(Introduction), refusal);
        }
        if (ModelState.IsValid)
        {
            var number = await ReportCommands.SaveMeetingReportAsync(db, clock, notices, id, meeting.Reader.UserId!, Introduction, adopt, ct);
            if (number is > ReportCommands.Collided)
            {
                if (adopt)
                {
                    var told = await notices.ToldAboutReportAsync(id, number.Value, ct);
                    this.Tell(t["The report is adopted."] + " " + notices.Told(told));
                }
                return Redirect($"/meetings/{id}/report");
            }
            ModelState.AddModelError(nameof(Introduction), number is null
                ? t["No session report has been written yet: there is nothing to adopt."]
                : t["Someone else saved this report at the same moment. Nothing of yours was saved: check the latest version and save again."]);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Report = (await ReportQueries.MeetingReportAsync(db, id, null, ct))!;
        Versions = await ReportQueries.MeetingVersionsAsync(db, id, ct);
        Sessions = await SessionViews.LoadAsync(db, id, ct);
        return Page();
    }
}
