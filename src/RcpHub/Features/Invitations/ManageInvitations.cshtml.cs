using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Invitations;

/// <summary>The secretariat invites people to roles in its process and follows the invitations it sent.</summary>
[Requires(Operation.InviteParticipants)]
public sealed class ManageInvitationsModel(AppDbContext db, Inviter inviter, TimeProvider clock, IStringLocalizer<InvitationsText> t) : PageModel
{
    private const int Shown = 200;

    [BindProperty]
    public ProcessInvitationInput Input { get; set; } = new();

    public ManagedProcess Process { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> MemberStates { get; private set; } = [];
    public InvitationList Invitations { get; private set; } = null!;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await ManagedProcess.FindAsync(db, slug, ct) is { } process ? await ShowAsync(process, ct) : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken ct)
    {
        if (await ManagedProcess.FindAsync(db, slug, ct) is not { } process)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(process, ct);
        }
        var outcome = await inviter.InviteAsync(process, Input.ToRequest(), ProcessAccess.UserIdOf(User)!, AccountClaims.NameOf(User), ct);
        if (outcome.RetryAfter is { } wait)
        {
            return RateLimits.TooManyRequests(Response, wait);
        }
        if (outcome.Errors.Count > 0)
        {
            InvitationMessages.AddTo(ModelState, outcome.Errors);
            return await ShowAsync(process, ct);
        }
        Status = InvitationMessages.Sent(outcome, t);
        return LocalRedirect($"/processes/{slug}/manage/invitations");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string slug, int id, CancellationToken ct)
    {
        if (await ManagedProcess.FindAsync(db, slug, ct) is not { } process)
        {
            return NotFound();
        }
        Status = InvitationMessages.Revoked(await inviter.RevokeAsync(process.Id, id, ct), t);
        return LocalRedirect($"/processes/{slug}/manage/invitations");
    }

    private async Task<PageResult> ShowAsync(ManagedProcess process, CancellationToken ct)
    {
        Process = process;
        var now = clock.GetUtcNow();
        MemberStates = await ProcessRoles.CurrentMemberStatesAsync(db, process.Id, DateOnly.FromDateTime(now.UtcDateTime), ct);
        var rows = await inviter.ListAsync(process.Id, Shown, ct);
        Invitations = new InvitationList(rows, await ProcessRoles.StateNamesAsync(db, rows.Select(r => r.StateCode), ct), now, ShowProcess: false);
        return Page();
    }
}
