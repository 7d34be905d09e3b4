using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace RcpHub.Infrastructure.Localization;

/// <summary>The interface languages. English is the fallback: its text is the resource key.</summary>
public static class Cultures
{
    public static readonly string[] Supported = ["en", "fr", "es", "ru", "ar"];

    /// <summary>Each language's name in that language, for the picker.</summary>
    public static readonly IReadOnlyDictionary<string, string> Endonyms = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["fr"] = "Français",
        ["es"] = "Español",
        ["ru"] = "Русский",
        ["ar"] = "العربية",
    };

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && Supported.Contains(l) ? l : "en";

    /// <summary>The language if it is one of <see cref="Supported"/>, English otherwise.</summary>
    public static string OrDefault(string? language) => language is not null && Supported.Contains(language) ? language : "en";

    /// <summary>Remembers <paramref name="language"/> in the picker's cookie and uses it for the rest of this request, so
    /// that a notice told now is already in it. Signing in does this with the account's <c>PreferredLanguage</c>: the
    /// cookie, not a database read on every request, carries a person's language (decision 0045).</summary>
    public static void Choose(HttpContext http, string? language)
    {
        var chosen = OrDefault(language);
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(chosen);
    }

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static IServiceCollection AddRcpHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Query string (?culture=fr, for shared links), then the picker's cookie, then Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
