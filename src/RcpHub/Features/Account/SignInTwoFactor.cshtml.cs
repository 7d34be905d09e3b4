using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Account;

/// <summary>Second step of signing in for accounts with two-factor authentication: a code from the
/// authenticator app, or one of the recovery codes.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class SignInTwoFactorModel(SignInManager<AppUser> signIn, IOptions<IdentityOptions> identity, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public TwoFactorCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The first step expired (its cookie lasts a few minutes): start again.
            return LocalRedirect("/account/sign-in");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Normalize(Input.Code);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            // Recovery codes are stored as shown ("ABCDE-FGHIJ"): keep the hyphen, ignore case and spaces.
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
        if (result.Succeeded)
        {
            Cultures.Choose(HttpContext, user.PreferredLanguage);
            this.Tell(t["You are signed in."]);
            return LocalRedirect(SignInModel.LocalReturnUrl(Url, ReturnUrl));
        }
        ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", result.IsLockedOut
            ? SignInModel.LockedOutMessage(t, identity.Value)
            : t["This code is not correct. Check that the clock of your device is right, or use a recovery code."]);
        return Page();
    }

    /// <summary>Authenticator codes are often typed with a space or a hyphen in the middle.</summary>
    public static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
