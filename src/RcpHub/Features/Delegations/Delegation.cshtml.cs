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
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Delegations;

/// <summary>/processes/{slug}/meetings/{id}/delegation: a focal point registers their state's delegation to a meeting
/// they may see, only for a state they represent as focal point in this process. "Not found" for a meeting they may
/// not see, so that its existence is not revealed.</summary>
[Requires(Operation.ViewParticipantArea)]
public sealed class DelegationModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<DelegationsText> t) : PageModel
{
    public sealed record Current(DelegationStatus Status, string? ReturnNote);

    public string Slug { get; private set; } = "";
    public int MeetingId { get; private set; }
    public string MeetingTitle { get; private set; } = "";
    public IReadOnlyList<StateName> States { get; private set; } = [];
    public Current? Registered { get; private set; }

    [BindProperty]
    public DelegationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? state, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var code = States.Any(s => s.Code == state) ? state : States.FirstOrDefault()?.Code;
        var existing = code is null ? null : await db.Delegations.AsNoTracking().Include(d => d.Delegates)
            .SingleOrDefaultAsync(d => d.MeetingId == id && d.StateCode == code, ct);
        Registered = existing is null ? null : new Current(existing.Status, existing.ReturnNote);
        Input = DelegationInput.From(code, existing?.Delegates ?? []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }
        var code = Input.StateCode?.Trim().ToUpperInvariant();
        if (States.All(s => s.Code != code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DelegationInput.StateCode)}",
                t["You are not a focal point for this state in this process, so you cannot register its delegation. Nothing has been saved."]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Redisplay();
        }
        foreach (var error in Input.Check(key => t[key]))
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Redisplay();
        }

        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
        if (meeting.Status is MeetingStatus.Cancelled)
        {
            ModelState.AddModelError("", t["This meeting is cancelled: delegations are no longer registered. Nothing has been saved."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Redisplay();
        }
        var delegation = await db.Delegations.Include(d => d.Delegates).SingleOrDefaultAsync(d => d.MeetingId == id && d.StateCode == code, ct);
        if (delegation is null)
        {
            delegation = new Delegation { Meeting = meeting, StateCode = code!, RegisteredByUserId = "" };
            db.Delegations.Add(delegation);
        }
        delegation.Meeting = meeting;
        delegation.RegisteredByUserId = ProcessAccess.UserIdOf(User)!;
        delegation.RegisteredAt = clock.GetUtcNow();
        delegation.Status = DelegationStatus.Registered;
        delegation.ReviewedAt = null;
        delegation.ReturnNote = null;
        delegation.Delegates.Clear();
        delegation.Delegates.AddRange(Input.ToDelegates());
        await db.SaveChangesAsync(ct);
        this.Tell(t["The delegation is registered. The secretariat will confirm it."]);
        return Redirect($"/processes/{Slug}/meetings/{id}/delegation?state={code}");
    }

    private PageResult Redisplay()
    {
        Input.Padded();
        return Page();
    }

    /// <summary>The meeting of this process (convened by it or taking part) that the reader may see, and the states the
    /// reader represents as focal point in the process; false (answer 404) otherwise.</summary>
    private async Task<bool> FindAsync(int id, CancellationToken ct)
    {
        var addressed = HttpContext.AddressedProcess();
        var process = addressed.Id;
        var meeting = await db.FindForAccessAsync(id, ct);
        if (meeting is null || !await authorization.MayAsync(User, meeting, MeetingOperations.View))
        {
            return false;
        }
        var reader = await readers.CurrentAsync(User);
        var codes = reader.Roles.Where(r => r.ProcessId == process && r.Role == ProcessRole.FocalPoint && r.StateCode != null)
            .Select(r => r.StateCode!).Distinct().ToList();
        States = await db.States.ChoicesAsync(codes, ct);
        (Slug, MeetingId, MeetingTitle) = (addressed.Slug, meeting.Id, meeting.Title);
        return true;
    }
}
