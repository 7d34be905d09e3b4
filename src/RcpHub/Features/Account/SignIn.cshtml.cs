using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Account;

[Requires(Operation.ViewPublicRegistry)]
public sealed class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<IdentityOptions> identity, IStringLocalizer<AccountText> t) : PageModel
{
    // A hash to verify against when no account has the email, so that an unknown address takes as long as a wrong password.
    private static string? _decoyHash;

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            _decoyHash ??= users.PasswordHasher.HashPassword(null!, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(null!, _decoyHash, Input.Password);
            return Failed(t["The email address or the password is not correct."]);
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalReturnUrl(Url, ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return LocalRedirect($"/account/sign-in-2fa?rememberMe={Input.RememberMe}&returnUrl={Uri.EscapeDataString(LocalReturnUrl(Url, ReturnUrl))}");
        }
        if (result.IsLockedOut)
        {
            return Failed(LockedOutMessage(t, identity.Value));
        }
        return Failed(t["The email address or the password is not correct."]);
    }

    private PageResult Failed(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    public static string LocalReturnUrl(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    public static string LockedOutMessage(IStringLocalizer<AccountText> t, IdentityOptions options) =>
        t["After too many failed attempts this account is locked for {0} minutes. Try again later, or reset your password.",
            (int)options.Lockout.DefaultLockoutTimeSpan.TotalMinutes];
}
