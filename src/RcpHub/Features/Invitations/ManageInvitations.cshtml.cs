using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure.RateLimiting;

using RcpHub.Infrastructure;

namespace RcpHub.Features.Invitations;

/// <summary>The secretariat invites people to roles in its process and follows the invitations it sent.</summary>
[Requires(Operation.InviteParticipants)]
public sealed class ManageInvitationsModel(AppDbContext db, Inviter inviter, TimeProvider clock, IStringLocalizer<InvitationsText> t) : PageModel
{
    private const int Shown = 200;

    [BindProperty]
    public ProcessInvitationInput Input { get; set; } = new();

    public AddressedProcess Process { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> MemberStates { get; private set; } = [];
    public InvitationList Invitations { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await ShowAsync(HttpContext.AddressedProcess(), ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
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
        this.Tell(InvitationMessages.Sent(outcome, t));
        return LocalRedirect($"/processes/{process.Slug}/manage/invitations");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        this.Tell(InvitationMessages.Revoked(await inviter.RevokeAsync(process.Id, id, ct), t));
        return LocalRedirect($"/processes/{process.Slug}/manage/invitations");
    }

    private async Task<PageResult> ShowAsync(AddressedProcess process, CancellationToken ct)
    {
        Process = process;
        var now = clock.GetUtcNow();
        MemberStates = await ProcessRoles.CurrentMemberStatesAsync(db, process.Id, DateOnly.FromDateTime(now.UtcDateTime), ct);
        var rows = await inviter.ListAsync(process.Id, Shown, ct);
        Invitations = new InvitationList(rows, await db.States.NamesAsync(rows.Select(r => r.StateCode), ct), now, ShowProcess: false);
        return Page();
    }
}
