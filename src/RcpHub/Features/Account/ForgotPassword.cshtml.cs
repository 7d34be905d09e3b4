using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Account;

/// <summary>Sends a password-reset link. The answer is the same whether or not an account has the address,
/// so that the form cannot be used to find out who has an account.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class ForgotPasswordModel(
    UserManager<AppUser> users, EmailSender mail, IConfiguration configuration, SharedCounters counters, SharedLimits limits,
    IStringLocalizer<AccountText> t, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Counted whether or not an account has the address, like the answer: one mailbox cannot be flooded, and the
        // limit tells nothing about who has an account.
        if (await counters.HitAsync(limits.ResetMailsPerAddress, RateLimits.AddressOf(HttpContext), ct) is { } addressWait)
        {
            return RateLimits.TooManyRequests(Response, addressWait);
        }
        if (await counters.HitAsync(limits.ResetMailsPerEmail, Input.Email.Trim().ToUpperInvariant(), ct) is { } emailWait)
        {
            return RateLimits.TooManyRequests(Response, emailWait);
        }
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { Email: { } email } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = PublicLinks.To(configuration, $"/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");
            // In the account holder's language, whoever asked in whatever language.
            using var language = MailLanguage.Use(user.PreferredLanguage);
            var body = string.Join("\n\n",
                t["Hello {0},", user.DisplayName],
                t["Someone, probably you, asked to reset the password of your RcpHub account. To choose a new password, open this link within 24 hours:"],
                link,
                t["If you did not ask for this, ignore this email: your password stays as it is."]);
            try
            {
                await mail.SendAsync(email, t["Reset your RcpHub password"], body, ct);
            }
            catch (MailNotSentException e)
            {
                // Saying so would tell the visitor that the account exists; the log tells the operator.
                logger.LogError(e, "The password-reset email to user {UserId} could not be sent", user.Id);
            }
        }
        Sent = true;
        return Page();
    }
}
