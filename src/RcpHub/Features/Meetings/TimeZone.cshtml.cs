using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>/time-zone: where an anonymous visitor chooses the zone to read times in (meeting pages link here rather
/// than carry the list). With <c>?tz=</c> it remembers the choice in a cookie and returns to the page.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class TimeZoneModel : PageModel
{
    public string Current { get; private set; } = TimeZones.Utc;
    public string ReturnUrl { get; private set; } = "/";

    public IActionResult OnGet(string? tz, string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (TimeZones.IsKnown(tz))
        {
            Response.Cookies.Append(TimeZones.CookieName, tz!,
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return LocalRedirect(ReturnUrl);
        }
        Current = TimeZones.ReaderZone(HttpContext, MeetingReader.Anonymous);
        return Page();
    }
}
