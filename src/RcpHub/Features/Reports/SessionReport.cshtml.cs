using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Recommendations;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Reports;

/// <summary>/meetings/{id}/sessions/{sessionId}/report: a session's report for the meeting's audience (any version by
/// ?version=n), written by the session's rapporteur or the secretariat; "not found" for anyone outside the audience.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class SessionReportModel(AppDbContext db, ReportGate gate, TimeProvider clock, IStringLocalizer<ReportsText> t, RecommendationCarrying carrying) : PageModel
{
    public ReportMeeting Meeting { get; private set; } = null!;
    public ReportSession Session { get; private set; } = null!;

    /// <summary>The session's code, people, rapporteur and guiding questions.</summary>
    public SessionView Particulars { get; private set; } = null!;

    /// <summary>The report as it would be saved, after "Preview"; nothing is saved then.</summary>
    public SessionReportView? Preview { get; private set; }
    public SessionReportView? Report { get; private set; }
    public IReadOnlyList<VersionListItem> Versions { get; private set; } = [];
    public bool MayWrite { get; private set; }

    /// <summary>Where the shown version's recommendations were carried, and (secretariat) the form to carry them.</summary>
    public CarryPanel? Carrying { get; private set; }
    public bool IsLatest => Report is null || Versions.Count == 0 || Report.Number == Versions[0].Number;

    [BindProperty]
    public SessionReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int sessionId, int? version, CancellationToken ct)
    {
        if (!await FindAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        Report = await ReportQueries.SessionReportAsync(db, sessionId, version, ct);
        if (Report is null && version is not null)
        {
            return NotFound();
        }
        Versions = await ReportQueries.SessionVersionsAsync(db, sessionId, ct);
        Input = SessionReportInput.From(IsLatest ? Report : await ReportQueries.SessionReportAsync(db, sessionId, null, ct));
        Carrying = Report is null ? null
            : await carrying.PanelAsync(Meeting.Reader, Meeting.ProcessId, Meeting.ProcessSlug, Report.Recommendations.Select(p => (p.Id, p.Position)).ToList(), ct);
        return Page();
    }

    /// <summary>Carries one recommendation point into a draft output (or a new one of the meeting) in one step.</summary>
    [HandlerRequires(Operation.DraftOutputs)]
    public async Task<IActionResult> OnPostCarryAsync(int id, int sessionId, int pointId, string? into, int? version, CancellationToken ct)
    {
        if (!await FindAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        var (notice, refusal) = await carrying.CarryAsync(Meeting.Reader, Meeting.ProcessId, id, Meeting.Title, sessionId, pointId, into, ct);
        if (refusal is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError("Carry", refusal);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await OnGetAsync(id, sessionId, version, ct);
        }
        this.Tell(notice!);
        return Redirect($"/meetings/{id}/sessions/{sessionId}/report#point-{pointId}");
    }

    /// <summary>Shows the report as it would be saved (wrapped lines joined, points numbered) with the form holding that
    /// text, so that saving next saves exactly what was shown.</summary>
    private async Task<IActionResult> PreviewAsync(int sessionId, CancellationToken ct)
    {
        var draft = Input.ToDraft();
        if (ModelState.IsValid)
        {
            // The fields show what was posted unless told otherwise: here they show the text as it will be saved.
            ModelState.Clear();
            Input = SessionReportInput.From(draft);
        }
        Check(draft);
        Preview = new SessionReportView(0, sessionId, Session.Position, Session.Title, 0, draft.Summary ?? "", draft.Discussion, "", clock.GetUtcNow(),
            draft.CleanKeyPoints.Select((p, i) => new ReportPointView(0, i + 1, p)).ToList(),
            draft.CleanRecommendations.Select((p, i) => new ReportPointView(0, i + 1, p)).ToList());
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        Report = await ReportQueries.SessionReportAsync(db, sessionId, null, ct);
        Versions = await ReportQueries.SessionVersionsAsync(db, sessionId, ct);
        return Page();
    }

    /// <summary>"preview" shows the report as it would be saved; anything else saves it.</summary>
    [HandlerRequires(Operation.WriteSessionReport)]
    public async Task<IActionResult> OnPostAsync(int id, int sessionId, string? intent, CancellationToken ct)
    {
        if (!await FindAsync(id, sessionId, ct))
        {
            return NotFound();
        }
        if (!MayWrite)
        {
            return Forbid();
        }
        if (intent == "preview")
        {
            return await PreviewAsync(sessionId, ct);
        }
        var draft = Input.ToDraft();
        Check(draft);
        if (ModelState.IsValid && await ReportCommands.SaveSessionReportAsync(db, clock, sessionId, Meeting.Reader.UserId!, draft, ct) is null)
        {
            ModelState.AddModelError(string.Empty, t["Someone else saved this report at the same moment. Nothing of yours was saved: check the latest version and save again."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Report = await ReportQueries.SessionReportAsync(db, sessionId, null, ct);
            Versions = await ReportQueries.SessionVersionsAsync(db, sessionId, ct);
            return Page();
        }
        return Redirect($"/meetings/{id}/sessions/{sessionId}/report");
    }

    private void Check(ReportDraft draft)
    {
        foreach (var error in draft.Check())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Message]);
        }
    }

    private async Task<bool> FindAsync(int id, int sessionId, CancellationToken ct)
    {
        // The session's particulars hold what the gate's session query would read: one query less on this page.
        if (await gate.MeetingAsync(User, id, ct) is not { } meeting
            || (await SessionViews.LoadAsync(db, id, ct)).SingleOrDefault(s => s.Id == sessionId) is not { } particulars)
        {
            return false;
        }
        var session = new ReportSession(particulars.Id, particulars.Position, particulars.Title, particulars.RapporteurUserId, particulars.RapporteurName);
        (Meeting, Session, MayWrite, Particulars) = (meeting, session, meeting.MayWrite(session), particulars);
        return true;
    }
}
