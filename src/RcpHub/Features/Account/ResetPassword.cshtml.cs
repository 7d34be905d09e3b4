using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Account;

/// <summary>Target of the emailed reset link (and of the link that <c>create-admin</c> prints).</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, IMemoryCache stamps, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public bool LinkIncomplete { get; private set; }

    public void OnGet(string? email, string? token)
    {
        Input.Email = email ?? "";
        Input.Token = token ?? "";
        LinkIncomplete = string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, t["This link is not valid or has expired. Ask for a new one."]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Input.Token, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : $"{nameof(Input)}.{nameof(Input.NewPassword)}", error.Description);
            }
            return Page();
        }
        // The reset changed the security stamp, which ends every session: whoever knew the old password is out.
        SessionStamps.Forget(stamps, user.Id);
        // Receiving the email proves the person owns the account: a lock-out from failed attempts ends here.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }
}
