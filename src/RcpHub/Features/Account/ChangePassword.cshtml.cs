using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

using RcpHub.Infrastructure;

namespace RcpHub.Features.Account;

[Requires(Operation.ManageOwnAccount)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Input.CurrentPassword) : nameof(Input.NewPassword);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
            }
            return Page();
        }
        // The security stamp changed: this browser's cookie is renewed with the new one, every other copy stops at its next request.
        await signIn.RefreshSignInAsync(user);
        this.Tell(t["Your password has been changed."]);
        return LocalRedirect("/account");
    }
}
