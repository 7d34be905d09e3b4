using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Evaluation;
using RcpHub.Features.FollowUp;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Accountability;

/// <summary>/processes/{slug}/accountability: what the process's public outputs recommended and how far it was
/// implemented, in aggregate for everyone; state by state only for those who may read the follow-up
/// (<see cref="Operation.ViewFollowUp"/>). The page is public, so anonymous visitors get it from the public page cache;
/// a signed-in reader carries the sign-in cookie, and such requests are never served from nor stored in that cache
/// (<see cref="Infrastructure.PublicPageCache"/>), so the state-by-state detail cannot reach an anonymous visitor.
/// Above <see cref="EvaluationFigures.WholeGridPairs"/> pairs, as for a large round's report, the detail is one picked
/// state's (<c>?state=MAR</c>, a form without script): every pair would put the page far above its 50 KB.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<FollowUpText> statusText) : PageModel
{
    public string Slug { get; private set; } = "";
    public string ProcessName { get; private set; } = "";
    public AccountabilityReport Report { get; private set; } = null!;
    public IReadOnlyDictionary<int, IReadOnlyList<StateProgress>>? Detail { get; private set; }

    /// <summary>True when the detail has more pairs than a page shows: only <see cref="Picked"/>'s are shown.</summary>
    public bool DetailTooLarge { get; private set; }

    /// <summary>The states asked, by name, to pick from when the detail is too large.</summary>
    public IReadOnlyList<(string Code, string Name)> DetailStates { get; private set; } = [];

    /// <summary>The state picked (<c>?state=</c>), when it is one of <see cref="DetailStates"/>.</summary>
    public (string Code, string Name)? Picked { get; private set; }

    /// <summary>A state was asked for that the outputs ask nothing of.</summary>
    public bool PickUnknown { get; private set; }

    public int RecommendationCount => Report.Outputs.Sum(o => o.Recommendations.Count);

    /// <summary>The statuses as the process names them (<see cref="StatusLabels"/>).</summary>
    public IReadOnlyDictionary<ImplementationStatus, string> Labels { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? state, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        (Slug, ProcessName) = (process.Slug, process.Name);
        var stateByState = await authorization.MayAsync(HttpContext, Operation.ViewFollowUp);
        (Report, Detail) = await AccountabilityReport.LoadAsync(db, process.Id, clock.Today(), stateByState, ct);
        if (Detail is not null && Detail.Values.Sum(states => states.Count) > EvaluationFigures.WholeGridPairs)
        {
            DetailTooLarge = true;
            DetailStates = [.. Detail.Values.SelectMany(states => states).Select(s => (s.StateCode, s.StateName)).Distinct()
                .OrderBy(s => s.StateName, StringComparer.CurrentCulture)];
            if (!string.IsNullOrWhiteSpace(state))
            {
                var code = state.Trim().ToUpperInvariant();
                Picked = DetailStates.Where(s => s.Code == code).Select(s => ((string, string)?)s).FirstOrDefault();
                PickUnknown = Picked is null;
            }
        }
        Labels = await StatusLabels.ForAsync(db, statusText, process.Id, Cultures.Current, ct);
        return Page();
    }
}
