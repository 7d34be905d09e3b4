using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>Who takes part in the process now and who did before, and the forms to add a state or an organisation.</summary>
[Requires(Operation.ManageMembership)]
public sealed class MembershipModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t)
{
    private readonly MembershipCommands _memberships = new(db, t, clock);

    [BindProperty]
    public MembershipInput AddState { get; set; } = new() { Role = MembershipRole.Member };

    [BindProperty]
    public MembershipInput AddOrganization { get; set; } = new() { Role = MembershipRole.Member };

    public IReadOnlyList<MembershipRow> Rows { get; private set; } = [];
    public IReadOnlyList<Choice> States { get; private set; } = [];
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    public IEnumerable<MembershipRow> Current(MembershipRole role) => Rows.Where(r => !r.HasEnded && r.StateCode != null && r.Role == role);
    public IEnumerable<MembershipRow> CurrentOrganizations => Rows.Where(r => !r.HasEnded && r.OrganizationId != null);
    public IEnumerable<MembershipRow> Former => Rows.Where(r => r.HasEnded).OrderByDescending(r => r.LeftOn);

    public IEnumerable<SelectListItem> StateOptions => Options(States, T["Choose a state"]);
    public IEnumerable<SelectListItem> OrganizationOptions => Options(Organizations, T["Choose an organisation"]);
    public IEnumerable<SelectListItem> StateRoles => Options([MembershipRole.Member, MembershipRole.Observer], T.Label);
    public IEnumerable<SelectListItem> OrganizationRoles => Options(Enum.GetValues<MembershipRole>(), T.Label);

    private static IEnumerable<SelectListItem> Options(IEnumerable<MembershipRole> roles, Func<MembershipRole, string> label) =>
        roles.Select(r => new SelectListItem(label(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAddStateAsync()
    {
        AddState.OrganizationId = null;
        return AddAsync(AddState, nameof(AddState));
    }

    public Task<IActionResult> OnPostAddOrganizationAsync()
    {
        AddOrganization.StateCode = null;
        return AddAsync(AddOrganization, nameof(AddOrganization));
    }

    private async Task<IActionResult> AddAsync(MembershipInput input, string prefix) =>
        await SubmitAsync(prefix, () => _memberships.AddAsync(Process.Id, input), _ => ManageUrl("membership"), () => T["The membership is added."], LoadAsync);

    private async Task LoadAsync()
    {
        Rows = await _memberships.ListAsync(Process.Id);
        States = await Choices.StatesAsync(Db);
        Organizations = await Choices.OrganizationsAsync(Db);
    }
}

/// <summary>One table of the membership page (_MembershipTable.cshtml).</summary>
public sealed record MembershipList(string Id, string Caption, IEnumerable<MembershipRow> Rows, bool ShowRole, bool Past, string Slug);
