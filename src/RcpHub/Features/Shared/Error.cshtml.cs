using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Shared;

/// <summary>The page shown for 404 and other error statuses (re-executed by the status code pages middleware).</summary>
[Requires(Operation.ViewPublicRegistry)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedText> s) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // The status is the one the middleware re-executes for, read without model binding: binding would read the
    // re-executed request's form, which may be the very thing that could not be read (a 400 would show as 500), and
    // a form field named "status" (a document version's translation status) would turn a 404 into a 500.
    public void OnGet() => Describe(StatusOf(HttpContext));

    public void OnPost() => Describe(StatusOf(HttpContext));

    // Visited directly, the address shows the error its query names, if it names one.
    private static int? StatusOf(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
        ?? (int.TryParse(context.Request.Query["status"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            && status is >= 400 and <= 599 ? status : null);

    private void Describe(int? status)
    {
        var code = status ?? 500;
        (Title, Explanation) = code switch
        {
            404 => (s["Page not found"].Value, s["There is nothing at this address. It may have moved, or the link may be mistyped."].Value),
            403 => (s["Not allowed"].Value, s["Your account does not give access to this page."].Value),
            400 => (s["Bad request"].Value, s["The request could not be understood."].Value),
            429 => (s["Too many requests"].Value, s.Plural(RetryAfterSeconds(), "Too many requests came from you in a short time. Try again in {0} second.", "Too many requests came from you in a short time. Try again in {0} seconds.").Value),
            _ => (s["Something went wrong"].Value, s["The error has been logged. Please try again later."].Value),
        };
        Response.StatusCode = code;
    }

    // Set by the rate limiter or the page that answered 429; a re-executed request keeps the original response headers.
    private int RetryAfterSeconds() => Response.Headers.RetryAfter is [{ } seconds]
        && int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 60;
}
