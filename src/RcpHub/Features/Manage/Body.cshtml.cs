using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>One body: its mandate and dates, who sits on it now and who did, and the form to add a member.</summary>
[Requires(Operation.ManageBodies)]
public sealed class BodyModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t), IBodyForm
{
    private readonly BodyCommands _bodies = new(db, t, clock);

    [BindProperty]
    public BodyInput Body { get; set; } = new();

    [BindProperty]
    public BodyMemberInput Member { get; set; } = new();

    public BodyDetail Detail { get; private set; } = null!;
    public IReadOnlyList<Choice> States { get; private set; } = [];
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    public IEnumerable<SelectListItem> KindOptions => Options<BodyKind>(T.Label);
    public IEnumerable<SelectListItem> StateOptions => Options(States, T["No state"]);
    public IEnumerable<SelectListItem> OrganizationOptions => Options(Organizations, T["No organisation"]);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Body = new BodyInput
        {
            Kind = Detail.Kind,
            Name = Detail.Name,
            Mandate = Detail.Mandate,
            EstablishedOn = Detail.EstablishedOn,
            DissolvedOn = Detail.DissolvedOn,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id) =>
        ActAsync(id, nameof(Body), () => _bodies.UpdateAsync(Process.Id, id, Body), () => T["The body is saved."]);

    public Task<IActionResult> OnPostAddMemberAsync(int id) =>
        ActAsync(id, nameof(Member), () => _bodies.AddMemberAsync(Process.Id, id, Member), () => T["The member is added."]);

    private async Task<IActionResult> ActAsync(int id, string prefix, Func<Task<Outcome>> act, Func<string> notice) =>
        await LoadAsync(id) ? await SubmitAsync(prefix, act, _ => ManageUrl($"bodies/{id}"), notice) : NotFound();

    private async Task<bool> LoadAsync(int id)
    {
        if (await _bodies.FindAsync(Process.Id, id) is not { } detail)
        {
            return false;
        }
        Detail = detail;
        States = await Choices.StatesAsync(Db);
        Organizations = await Choices.OrganizationsAsync(Db);
        return true;
    }
}
