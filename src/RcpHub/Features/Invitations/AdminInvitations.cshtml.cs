using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;
using RcpHub.Infrastructure.Localization;

using RcpHub.Infrastructure;

namespace RcpHub.Features.Invitations;

/// <summary>Platform administrators invite other administrators, or anyone to any role in any process
/// (for instance the first secretariat member of a process).</summary>
[Requires(Operation.AdministerPlatform)]
public sealed class AdminInvitationsModel(AppDbContext db, Inviter inviter, TimeProvider clock, IStringLocalizer<InvitationsText> t) : PageModel
{
    private const int Shown = 200;

    [BindProperty]
    public AdminInvitationInput Input { get; set; } = new();

    public IReadOnlyList<AddressedProcess> Processes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> States { get; private set; } = [];
    public InvitationList Invitations { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var process = Processes.FirstOrDefault(p => p.Slug == Input.ProcessSlug);
        if (!Input.AsPlatformAdministrator && process is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ProcessSlug)}", t["Choose the process."]);
            return Page();
        }
        var outcome = await inviter.InviteAsync(process, Input.ToRequest(), ProcessAccess.UserIdOf(User)!, AccountClaims.NameOf(User), ct);
        if (outcome.RetryAfter is { } wait)
        {
            return RateLimits.TooManyRequests(Response, wait);
        }
        if (outcome.Errors.Count > 0)
        {
            InvitationMessages.AddTo(ModelState, outcome.Errors, field => field switch
            {
                nameof(InvitationRequest.Role) => nameof(Input.InviteAs),
                "Process" => nameof(Input.ProcessSlug),
                _ => field,
            });
            return Page();
        }
        this.Tell(InvitationMessages.Sent(outcome, t));
        return LocalRedirect("/admin/invitations");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        this.Tell(InvitationMessages.Revoked(await inviter.RevokeAsync(null, id, ct), t));
        return LocalRedirect("/admin/invitations");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var processes = await db.Processes.AsNoTracking().Select(p => new AddressedProcess(p.Id, p.Slug, p.Acronym, p.Name)).ToListAsync(ct);
        Processes = [.. processes.OrderBy(p => p.Acronym, StringComparer.CurrentCultureIgnoreCase)];
        // Every state that is a member of some process; the chosen process's own membership is checked on submit.
        var language = Cultures.Current;
        var states = await db.Memberships.AsNoTracking().Where(m => m.Role == MembershipRole.Member && m.StateCode != null)
            .Select(m => m.State!).Distinct().ToListAsync(ct);
        States = [.. states.Select(s => (s.Code, Name: s.Name(language))).OrderBy(s => s.Name, StringComparer.CurrentCulture)];
        var rows = await inviter.ListAsync(null, Shown, ct);
        Invitations = new InvitationList(rows, await db.States.NamesAsync(rows.Select(r => r.StateCode), ct), clock.GetUtcNow(), ShowProcess: true);
    }
}
