using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;
using RcpHub.Features.Account;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Invitations;

/// <summary>Target of the emailed invitation link. Without an account for the invited address, the person
/// creates one here (sign-up exists only this way); with one, they sign in first, then accept.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class AcceptInvitationModel(
    Inviter inviter, UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, IStringLocalizer<InvitationsText> t) : PageModel
{
    public enum Step
    {
        Unknown,
        AlreadyUsed,
        Expired,
        CreateAccount,
        SignInFirst,
        WrongAccount,
        Confirm,
    }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public Step Shown { get; private set; }
    public Invitation? Invitation { get; private set; }
    public string? StateName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await DecideAsync(ct);
        // The account form is not posted on a GET: its empty fields are not errors yet.
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await DecideAsync(ct) != Step.CreateAccount || !ModelState.IsValid)
        {
            return Page();
        }
        var user = new AppUser { UserName = Invitation!.Email, Email = Invitation.Email, EmailConfirmed = true, DisplayName = Input.DisplayName.Trim(),
            PreferredLanguage = Cultures.OrDefault(Invitation.Language) };
        var created = await users.CreateAsync(user, Input.NewPassword);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var aboutPassword = error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code is "CommonPassword" or "PersonalPassword";
                ModelState.AddModelError(aboutPassword ? $"{nameof(Input)}.{nameof(Input.NewPassword)}" : string.Empty, error.Description);
            }
            return Page();
        }
        return await AcceptAsync(user, ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await DecideAsync(ct) != Step.Confirm || await users.GetUserAsync(User) is not { } me)
        {
            return Page();
        }
        return await AcceptAsync(me, ct);
    }

    private async Task<IActionResult> AcceptAsync(AppUser user, CancellationToken ct)
    {
        if (!await inviter.AcceptAsync(Invitation!, user, ct))
        {
            Shown = Step.AlreadyUsed;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        Cultures.Choose(HttpContext, user.PreferredLanguage);
        this.Tell(t["Welcome! The invitation is accepted: your new role is listed below."].Value);
        return LocalRedirect("/my");
    }

    private async Task<Step> DecideAsync(CancellationToken ct)
    {
        Invitation = await inviter.FindAsync(Token, ct);
        Shown = await StepAsync();
        if (Invitation?.StateCode is { } code)
        {
            StateName = (await db.States.NamesAsync([code], ct)).GetValueOrDefault(code, code);
        }
        Response.StatusCode = Shown switch
        {
            Step.Unknown => StatusCodes.Status404NotFound,
            Step.AlreadyUsed or Step.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Shown;
    }

    private async Task<Step> StepAsync()
    {
        if (Invitation is null)
        {
            return Step.Unknown;
        }
        switch (inviter.StatusOf(Invitation))
        {
            case InvitationStatus.Accepted:
                return Step.AlreadyUsed;
            case InvitationStatus.Expired:
                return Step.Expired;
        }
        var existing = await users.FindByEmailAsync(Invitation.Email);
        var me = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        if (me is not null && (existing is null || existing.Id != me.Id))
        {
            return Step.WrongAccount;
        }
        return existing is null ? Step.CreateAccount : me is null ? Step.SignInFirst : Step.Confirm;
    }

    public string SignInLink => $"/account/sign-in?returnUrl={Uri.EscapeDataString($"/account/accept-invitation?token={Uri.EscapeDataString(Token ?? "")}")}";
}
