using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.SavedSearches;

/// <summary>/my/saved-searches/new: saves a search of /search under a name. The search page posts here; the page opened
/// by its address (?q=...&amp;process=...) shows the same form, and a refused one shows why next to its fields.</summary>
[Requires(Operation.ManageOwnAccount)]
public sealed class NewModel(SavedSearchDesk desk, IStringLocalizer<SavedSearchesText> t) : PageModel
{
    [BindProperty]
    public SavedSearchInput Input { get; set; } = new();

    public void OnGet(string? q, string? process, string? kind, int? year, string? region, string? level, string? language, int? theme, int? objective) =>
        Input = new SavedSearchInput
        {
            Q = q, Name = q?.Trim(), Process = process, Kind = kind, Year = year, Region = region, Level = level, Language = language, Theme = theme, Objective = objective,
        };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await desk.SaveAsync(ProcessAccess.UserIdOf(User)!, Input, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        if (outcome.Saved is not { } saved)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            return Page();
        }
        this.Tell(t["The search “{0}” is saved: its new results will be mailed to you once a week.", saved.Name]);
        return Redirect(IndexModel.Address);
    }
}
