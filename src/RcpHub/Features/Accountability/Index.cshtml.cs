using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.FollowUp;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Accountability;

/// <summary>/processes/{slug}/accountability: what the process's public outputs recommended and how far it was
/// implemented, in aggregate for everyone; state by state only for those who may read the follow-up
/// (<see cref="Operation.ViewFollowUp"/>). The page is public, so anonymous visitors get it from the public page cache;
/// a signed-in reader carries the sign-in cookie, and such requests are never served from nor stored in that cache
/// (<see cref="Infrastructure.PublicPageCache"/>), so the state-by-state detail cannot reach an anonymous visitor.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<FollowUpText> statusText) : PageModel
{
    public string Slug { get; private set; } = "";
    public string ProcessName { get; private set; } = "";
    public AccountabilityReport Report { get; private set; } = null!;
    public IReadOnlyDictionary<int, IReadOnlyList<StateProgress>>? Detail { get; private set; }

    /// <summary>The statuses as the process names them (<see cref="StatusLabels"/>).</summary>
    public IReadOnlyDictionary<ImplementationStatus, string> Labels { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        (Slug, ProcessName) = (process.Slug, process.Name);
        var stateByState = await authorization.MayAsync(HttpContext, Operation.ViewFollowUp);
        (Report, Detail) = await AccountabilityReport.LoadAsync(db, process.Id, clock.Today(), stateByState, ct);
        Labels = await StatusLabels.ForAsync(db, statusText, process.Id, Cultures.Current, ct);
        return Page();
    }
}
