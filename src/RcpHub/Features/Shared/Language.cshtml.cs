using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Shared;

/// <summary>The language picker's target: remembers the choice in a cookie and returns to the page. Visitors choose
/// with a GET, which changes nothing on the server and keeps public pages free of antiforgery tokens. Signed-in people
/// choose with a POST (their pages are never cached), which also saves the choice as their
/// <see cref="AppUser.PreferredLanguage"/>, so that their mail follows (decision 0045).</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class LanguageModel(UserManager<AppUser> users, IStringLocalizer<SharedText> t) : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        if (culture is not null && Cultures.Supported.Contains(culture))
        {
            Cultures.Choose(HttpContext, culture);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        if (culture is null || !Cultures.Supported.Contains(culture))
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        Cultures.Choose(HttpContext, culture);
        if (await users.GetUserAsync(User) is { } me)
        {
            if (me.PreferredLanguage != culture)
            {
                me.PreferredLanguage = culture;
                await users.UpdateAsync(me);
            }
            this.Tell(t["Pages and mail to you are now in {0}.", Cultures.Endonyms[culture]]);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
