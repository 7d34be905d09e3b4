using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Account;

/// <summary>Signing out is a POST (the layout's button) so that a link on another site cannot sign people out;
/// the GET page offers the same button.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IMemoryCache stamps, Microsoft.Extensions.Localization.IStringLocalizer<AccountText> t) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting this browser's cookie is not enough: a copy taken from it (another device, a stolen one) must stop too.
        if (await users.GetUserAsync(User) is { } user)
        {
            await SessionStamps.EndSessionsAsync(users, stamps, user);
        }
        await signIn.SignOutAsync();
        this.Tell(t["You are signed out."]);
        return LocalRedirect("/");
    }
}
