using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>Corrects or removes one chair term.</summary>
[Requires(Operation.ManageChairs)]
public sealed class ChairTermModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t), IChairTermForm
{
    private readonly ChairCommands _chairs = new(db, t, clock);

    [BindProperty]
    public ChairTermInput Term { get; set; } = new();

    public ChairTermRow Current { get; private set; } = null!;
    public HolderChoices Holders { get; private set; } = new([], [], []);

    public IEnumerable<SelectListItem> StateOptions => Options(WithCurrent(Holders.States, Current.StateCode), T["No state"]);
    public IEnumerable<SelectListItem> OrganizationOptions => Options(
        WithCurrent(Holders.Organizations, Current.OrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), T["No organisation"]);

    // A term may be held by a state or organisation no longer (or never) listed in the membership: keep it selectable.
    private IEnumerable<Choice> WithCurrent(IReadOnlyList<Choice> choices, string? value) =>
        value is null || choices.Any(c => c.Value == value) ? choices : choices.Prepend(new Choice(value, Current.Holder));

    /// <summary>Set (?remove=true) when the secretariat asked to remove the term: the page asks first.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")]
    public bool Removing { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Term = new ChairTermInput
        {
            StateCode = Current.StateCode,
            OrganizationId = Current.OrganizationId,
            StartYear = Current.StartYear,
            StartsOn = Current.StartsOn,
            EndYear = Current.EndYear,
            EndsOn = Current.EndsOn,
            Note = Current.Note,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await LoadAsync(id)
            ? await SubmitAsync(nameof(Term), () => _chairs.UpdateTermAsync(Process.Id, id, Term), _ => ManageUrl("chairs"), () => T["The chair term is saved."])
            : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        return await SubmitAsync("", () => _chairs.RemoveTermAsync(Process.Id, id), _ => ManageUrl("chairs"), () => T["The chair term is removed."]);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var terms = await _chairs.TermsAsync(Process.Id, id);
        if (terms.Count == 0)
        {
            return false;
        }
        Current = terms[0];
        Holders = await _chairs.HolderChoicesAsync(Process.Id, []);
        return true;
    }
}
