using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;

namespace RcpHub.Features.Delegations;

/// <summary>/meetings/{id}/participants: the delegations to a meeting, their statistics and exports, for the meeting's
/// audience only ("not found" for anyone else, as for the meeting itself); the secretariat confirms or returns each.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ParticipantsModel(AppDbContext db, IAuthorizationService authorization, MeetingReaders readers, TimeProvider clock,
    DelegationLabels labels, MeetingNotices notices, IStringLocalizer<DelegationsText> t) : PageModel
{
    public int MeetingId { get; private set; }
    public string MeetingTitle { get; private set; } = "";
    public string ProcessSlug { get; private set; } = "";
    public bool MayManage { get; private set; }

    /// <summary>Whether the reader sees who the delegates are (names, functions, ministries) and every delegation, or,
    /// as the public does, only the confirmed delegations' states and the totals.</summary>
    public bool ShowsDelegates { get; private set; }
    public IReadOnlyList<DelegationRow> Delegations { get; private set; } = [];
    public ParticipantStatistics Statistics { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Why it is returned")]
    [StringLength(2000, ErrorMessage = "At most {1} characters.")]
    public string? ReturnNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) ? await ShowAsync(ct) : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        return File(TableExport.Csv(await ExportTableAsync(ct)), TableExport.CsvContentType, $"participants-{id}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        return File(TableExport.Xlsx(await ExportTableAsync(ct), t["Participants"]), TableExport.XlsxContentType, $"participants-{id}.xlsx");
    }

    [HandlerRequires(Operation.ScheduleMeetings)]
    public Task<IActionResult> OnPostConfirmAsync(int id, int delegationId, CancellationToken ct) =>
        ReviewAsync(id, delegationId, DelegationStatus.Confirmed, ct);

    [HandlerRequires(Operation.ScheduleMeetings)]
    public Task<IActionResult> OnPostReturnAsync(int id, int delegationId, CancellationToken ct) =>
        ReviewAsync(id, delegationId, DelegationStatus.Returned, ct);

    private async Task<IActionResult> ReviewAsync(int id, int delegationId, DelegationStatus status, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayManage)
        {
            return Forbid();
        }
        var delegation = await db.Delegations.Include(d => d.State)
            .Include(d => d.Meeting).ThenInclude(m => m!.ParticipatingProcesses).Include(d => d.Meeting).ThenInclude(m => m!.Invitees)
            .SingleOrDefaultAsync(d => d.Id == delegationId && d.MeetingId == id, ct);
        if (delegation is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(ct);
        }
        delegation.Status = status;
        delegation.ReviewedAt = clock.GetUtcNow();
        delegation.ReturnNote = status == DelegationStatus.Returned && !string.IsNullOrWhiteSpace(ReturnNote) ? ReturnNote.Trim() : null;
        var told = await notices.DelegationReviewedAsync(delegation.Meeting!, delegation, ct);
        await db.SaveChangesAsync(ct);
        await notices.DeliverAsync(ct);
        this.Tell((status == DelegationStatus.Confirmed ? t["The delegation is confirmed."] : t["The delegation is returned for correction."]) + " " + notices.Told(told));
        return Redirect($"/meetings/{id}/participants#delegation-{delegationId}");
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        Delegations = await LoadAsync(ct);
        Statistics = ParticipantList.Statistics(Delegations, ShowsDelegates);
        return Page();
    }

    private async Task<IReadOnlyList<DelegationRow>> LoadAsync(CancellationToken ct)
    {
        var delegations = await ParticipantList.LoadAsync(db, MeetingId, ct);
        return ShowsDelegates ? delegations : ParticipantList.ForThePublic(delegations);
    }

    private async Task<IReadOnlyList<IReadOnlyList<object?>>> ExportTableAsync(CancellationToken ct)
    {
        var delegations = await LoadAsync(ct);
        return ShowsDelegates
            ? ParticipantExport.Table(delegations, labels, key => t[key])
            : ParticipantExport.PublicTable(delegations, key => t[key]);
    }

    private async Task<bool> FindAsync(int id, CancellationToken ct)
    {
        var meeting = await db.FindForAccessAsync(id, ct);
        if (meeting is null || !await authorization.MayAsync(User, meeting, MeetingOperations.View))
        {
            return false;
        }
        MeetingId = meeting.Id;
        MeetingTitle = meeting.Title;
        MayManage = await authorization.MayAsync(User, meeting, MeetingOperations.Manage);
        ShowsDelegates = MeetingAccess.IsAmongMembers(await readers.CurrentAsync(User), meeting);
        ProcessSlug = await db.Processes.AsNoTracking().Where(p => p.Id == meeting.ProcessId).Select(p => p.Slug).SingleAsync(ct);
        return true;
    }
}
