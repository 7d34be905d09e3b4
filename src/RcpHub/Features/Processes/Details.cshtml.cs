using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Processes;

/// <summary>Everything the registry knows about one process, with its sources.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, TimeProvider time, IAuthorizationService authorization, ProcessAccess access) : PageModel
{
    public ProcessDetails Details { get; private set; } = null!;

    /// <summary>Whether to offer the link to the secretariat's management page.</summary>
    public bool CanManage { get; private set; }

    /// <summary>The follow-up a reader of it (the process's members) is offered: a focal point's own state's grid, else
    /// every state's; null for others, who are offered neither it nor the evaluation rounds.</summary>
    public string? FollowUpAddress { get; private set; }

    /// <summary>Whether to offer the directory of the process's officials (to its officials).</summary>
    public bool ShowsDirectory { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var details = await ProcessDetailsQuery.LoadAsync(db, HttpContext.AddressedProcess(), Cultures.Current, time.Today(), ct);
        if (details is null)
        {
            return NotFound();
        }
        Details = details;
        CanManage = await authorization.MayAsync(HttpContext, Operation.EditProcessProfile);
        if (await authorization.MayAsync(HttpContext, Operation.ViewFollowUp))
        {
            var own = (await access.ForProcessAsync(User, details.Id)).FocalPointStates.Order(StringComparer.Ordinal).FirstOrDefault();
            FollowUpAddress = $"/processes/{details.Slug}/follow-up" + (own is null ? "" : "/" + own.ToLowerInvariant());
        }
        ShowsDirectory = await authorization.MayAsync(HttpContext, Operation.ViewDirectory);
        return Page();
    }
}
