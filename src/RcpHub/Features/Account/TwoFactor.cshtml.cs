using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Account;

/// <summary>TOTP two-factor authentication (RFC 6238, Identity's authenticator token provider): set up with a
/// shared key, confirmed by a first code; ten single-use recovery codes shown once; turned off with the password.</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> t) : PageModel
{
    private const int RecoveryCodeCount = 10;

    public AuthenticatorCodeInput Verify { get; set; } = new();
    public PasswordConfirmationInput Confirm { get; set; } = new();

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set only on the response that creates them: they are never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? Status { get; private set; }

    /// <summary>Which form was posted, so that its field message appears beside it.</summary>
    public string? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await WithUserAsync(ShowAsync);

    public Task<IActionResult> OnPostEnableAsync() => WithUserAsync(async user =>
    {
        Posted = "enable";
        if (!await TryUpdateModelAsync(Verify, nameof(Verify)))
        {
            return await ShowAsync(user);
        }
        var code = SignInTwoFactorModel.Normalize(Verify.Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Verify)}.{nameof(Verify.Code)}", t["This code is not correct. Check that the clock of your device is right, or use a recovery code."]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        Status = t["Two-factor authentication is on. From now on, signing in asks for a code from your app."];
        return await ShowAsync(user);
    });

    public Task<IActionResult> OnPostRecoveryCodesAsync() => WithUserAsync(async user =>
    {
        Posted = "recovery-codes";
        if (!await PasswordConfirmedAsync(user) || !user.TwoFactorEnabled)
        {
            return await ShowAsync(user);
        }
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        Status = t["New recovery codes have been made. The old ones no longer work."];
        return await ShowAsync(user);
    });

    public Task<IActionResult> OnPostDisableAsync() => WithUserAsync(async user =>
    {
        Posted = "disable";
        if (!await PasswordConfirmedAsync(user))
        {
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: turning it on again later must not reuse a key that may have been seen.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Status = t["Two-factor authentication is off."];
        return await ShowAsync(user);
    });

    private async Task<bool> PasswordConfirmedAsync(AppUser user)
    {
        if (!await TryUpdateModelAsync(Confirm, nameof(Confirm)))
        {
            return false;
        }
        var check = await signIn.CheckPasswordSignInAsync(user, Confirm.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError($"{nameof(Confirm)}.{nameof(Confirm.Password)}", check.IsLockedOut
                ? t["After too many failed attempts this account is locked. Try again later."]
                : t["The password is not correct."]);
            return false;
        }
        return true;
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the account's security stamp, which ends every session (SessionStamps): this one is
            // issued again, or opening this page would sign the person out.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = FormatKey(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("RcpHub:" + user.Email)}?secret={key}&issuer=RcpHub&digits=6&period=30";
        return Page();
    }

    private async Task<IActionResult> WithUserAsync(Func<AppUser, Task<IActionResult>> action) =>
        await users.GetUserAsync(User) is { } user ? await action(user) : Challenge();

    /// <summary>Groups of four lower-case characters are easier to type into an app than one 32-character run.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }
}
