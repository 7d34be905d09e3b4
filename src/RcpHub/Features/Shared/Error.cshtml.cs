using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Shared;

/// <summary>The page shown for 404 and other error statuses (re-executed by the status code pages middleware).</summary>
[Requires(Operation.ViewPublicRegistry)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedText> s) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // From the query the middleware writes, never from the re-executed request's form: a form field named "status"
    // (a document version's translation status) would otherwise turn a 404 into a 500.
    public void OnGet([FromQuery] int? status) => Describe(status);

    public void OnPost([FromQuery] int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? 500;
        (Title, Explanation) = code switch
        {
            404 => (s["Page not found"].Value, s["There is nothing at this address. It may have moved, or the link may be mistyped."].Value),
            403 => (s["Not allowed"].Value, s["Your account does not give access to this page."].Value),
            400 => (s["Bad request"].Value, s["The request could not be understood."].Value),
            _ => (s["Something went wrong"].Value, s["The error has been logged. Please try again later."].Value),
        };
        Response.StatusCode = code;
    }
}
