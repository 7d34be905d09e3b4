using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Organizations;

/// <summary>/organizations/{slug}/edit: its contact people (or a secretariat) correct a civil society organisation's
/// registry entry. A verified entry stays verified; the secretariats see the changes on its page.</summary>
[Requires(Operation.RegisterOrganization)]
public sealed class EditModel(AppDbContext db, MeetingReaders readers, IStringLocalizer<OrganizationsText> t) : PageModel, IRegistryForm
{
    public string Slug { get; private set; } = "";
    public IReadOnlyList<RegistryChoice> States { get; private set; } = [];
    public IReadOnlyList<RegistryChoice> Themes { get; private set; } = [];

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is { } refused)
        {
            return refused;
        }
        Input = await OrganizationRegistry.InputOfAsync(db, _organizationId, ct);
        (States, Themes) = await RegistryForm.ChoicesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is { } refused)
        {
            return refused;
        }
        if (ModelState.IsValid)
        {
            var outcome = await OrganizationRegistry.EditAsync(db, t, _organizationId, Input, ct);
            if (outcome.Saved)
            {
                this.Tell(t["The entry is saved."]);
                return Redirect($"/organizations/{Slug}");
            }
            foreach (var (field, messages) in outcome.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", messages[0]);
            }
        }
        (States, Themes) = await RegistryForm.ChoicesAsync(db, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private int _organizationId;

    /// <summary>Null when the reader may edit the entry; otherwise the answer (404 for no such entry, 403 for anyone but
    /// its contact people and the secretariats).</summary>
    private async Task<IActionResult?> FindAsync(string slug, CancellationToken ct)
    {
        if (await CivilSocietyDirectory.FactsAsync(db, slug.ToLowerInvariant(), ct) is not { } registry)
        {
            return NotFound();
        }
        if (!await OrganizationRegistry.MayLookAfterAsync(db, await readers.CurrentAsync(User), registry.Id, ct))
        {
            return Forbid();
        }
        (_organizationId, Slug) = (registry.Id, slug.ToLowerInvariant());
        return null;
    }
}
