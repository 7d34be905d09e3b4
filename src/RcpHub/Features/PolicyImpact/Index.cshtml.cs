using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.PolicyImpact;

/// <summary>/processes/{slug}/impact: the regional view of the laws, policies and practices the member states changed in
/// connection with the process: which states changed what, under which theme and GCM objective, year by year. Members
/// of the process see every change; everyone else only those answering public outputs (<see cref="PolicyChangeAccess"/>).</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public string Slug { get; private set; } = "";
    public string ProcessName { get; private set; } = "";
    public Convergence View { get; private set; } = null!;
    public ConvergenceFilter Filter { get; private set; } = new(null, null, null);
    public bool MayRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? theme, int? objective, PolicyChangeKind? kind, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        (Slug, ProcessName) = (process.Slug, process.Name);
        var readsFollowUp = await authorization.MayAsync(HttpContext, Operation.ViewFollowUp);
        MayRecord = await authorization.MayAsync(HttpContext, Operation.RecordPolicyChanges);
        Filter = new ConvergenceFilter(string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(), objective is >= 1 and <= 23 ? objective : null, kind);
        View = await Convergence.LoadAsync(db, process.Id, readsFollowUp, Filter, ct);
        return Page();
    }
}
