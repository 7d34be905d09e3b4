using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.SavedSearches;

/// <summary>/saved-searches/stop/{token}: the stop link of a saved search's weekly mail, which works without signing in.
/// Opening it asks (a mail scanner following links stops nothing); the button stops the mail.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class StopModel(SavedSearchDesk desk, IStringLocalizer<SavedSearchesText> t) : PageModel
{
    public string Name { get; private set; } = "";

    /// <summary>Set once the mail is stopped.</summary>
    public string? Stopped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await desk.NameByTokenAsync(token, ct) is not { } name)
        {
            return NotFound();
        }
        Name = name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await desk.StopAsync(token, ct) is not { } name)
        {
            return NotFound();
        }
        Name = name;
        Stopped = t["The weekly mail of “{0}” is stopped. You can start it again from your saved searches.", name];
        return Page();
    }
}
