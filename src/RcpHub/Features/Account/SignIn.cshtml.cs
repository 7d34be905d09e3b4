using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Account;

[Requires(Operation.ViewPublicRegistry)]
public sealed class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<IdentityOptions> identity, SharedCounters counters, SharedLimits limits,
    IStringLocalizer<AccountText> t) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Counted by the address typed, whether or not an account has it: the limit must not tell which exist.
        var email = Input.Email.Trim();
        var account = email.ToUpperInvariant();
        if (await counters.HitAsync(limits.SignInPerAddress, RateLimits.AddressOf(HttpContext), ct) is { } addressWait)
        {
            return RateLimits.TooManyRequests(Response, addressWait);
        }
        if (await counters.HitAsync(limits.SignInPerAccount, account, ct) is { } accountWait)
        {
            return RateLimits.TooManyRequests(Response, accountWait);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            _decoyHash ??= users.PasswordHasher.HashPassword(null!, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(null!, _decoyHash, Input.Password);
            // An unknown address "locks" after as many failures as an account does, with the same message, and at the
            // cost of one write like the account's failure count.
            var lockout = identity.Value.Lockout;
            var failures = await counters.CountAsync(new RateLimit("SignInFailures", lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan), account, ct);
            return Failed(failures >= lockout.MaxFailedAccessAttempts ? LockedOutMessage(t, identity.Value) : t["The email address or the password is not correct."]);
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Cultures.Choose(HttpContext, user.PreferredLanguage);
            this.Tell(t["You are signed in."]);
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

    /// <summary>Where a person goes once signed in: back where they came from, or else to their own page.</summary>
    public static string LocalReturnUrl(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl : "/my";

    public static string LockedOutMessage(IStringLocalizer<AccountText> t, IdentityOptions options) =>
        t.Plural((int)options.Lockout.DefaultLockoutTimeSpan.TotalMinutes,
            "After too many failed attempts this account is locked for {0} minute. Try again later, or reset your password.",
            "After too many failed attempts this account is locked for {0} minutes. Try again later, or reset your password.");
}
