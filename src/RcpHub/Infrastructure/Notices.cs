using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace RcpHub.Infrastructure;

/// <summary>The one line that tells a person what their action did ("The meeting is scheduled"). It travels to the
/// next page in TempData (a cookie, so any instance shows it) and the layout shows it above the page's content.</summary>
public static class Notices
{
    private const string Key = "Notice";
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static void Tell(this PageModel page, string notice) => page.TempData[Key] = notice;

    /// <summary>The notice left for this page, if any. TempData is only touched when its cookie came with the
    /// request: reading it otherwise marks the response as personal and keeps public pages out of the cache.</summary>
    public static string? Take(HttpContext http, ITempDataDictionary tempData) =>
        http.Request.Cookies.ContainsKey(TempDataCookie) ? tempData[Key] as string : null;
}
