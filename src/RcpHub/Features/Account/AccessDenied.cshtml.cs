using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Account;

/// <summary>Where the cookie handler sends a signed-in person who may not open a page. Answers 403 so that
/// the refusal is visible to tools as well as to people.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
