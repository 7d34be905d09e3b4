using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>The time zone picker's target: remembers the reader's zone in a cookie and returns to the page.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class TimeZoneModel : PageModel
{
    public IActionResult OnGet(string? tz, string? returnUrl)
    {
        if (TimeZones.IsKnown(tz))
        {
            Response.Cookies.Append(TimeZones.CookieName, tz!,
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
