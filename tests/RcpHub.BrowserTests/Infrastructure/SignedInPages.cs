using Microsoft.Playwright;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Infrastructure;

public static class SignedInPages
{
    /// <summary>A fresh browser page carrying <paramref name="user"/>'s sign-in cookies for <paramref name="server"/>.</summary>
    public static async Task<IPage> NewSignedInPageAsync(this Chromium chromium, LiveServer server, AppUser user, string locale = "en-GB", bool javaScript = true, string? timeZone = null)
    {
        var page = await chromium.NewPageAsync(javaScript, locale, timeZone);
        foreach (var header in await TestSignIn.CookiesAsync(server.Factory, user))
        {
            var nameValue = header.Split(';')[0];
            var separator = nameValue.IndexOf('=', StringComparison.Ordinal);
            await page.Context.AddCookiesAsync([new Cookie { Name = nameValue[..separator], Value = nameValue[(separator + 1)..], Url = server.Url("/") }]);
        }
        return page;
    }
}
