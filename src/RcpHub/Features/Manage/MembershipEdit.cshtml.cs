using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>One membership: end it with a leave date, or turn an observer state into a member in one step.</summary>
[Requires(Operation.ManageMembership)]
public sealed class MembershipEditModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t)
{
    private readonly MembershipCommands _memberships = new(db, t, clock);

    [BindProperty]
    public EndMembershipInput End { get; set; } = new();

    [BindProperty]
    public ChangeToMemberInput ChangeToMember { get; set; } = new();

    public MembershipRow Membership { get; private set; } = null!;

    public string HolderName => Membership.StateName ?? Membership.OrganizationName ?? "";

    public bool CanBecomeMember => Membership is { IsCurrent: true, StateCode: not null, Role: MembershipRole.Observer };

    public async Task<IActionResult> OnGetAsync(int id) =>
        await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostEndAsync(int id) =>
        ActAsync(id, nameof(End), () => _memberships.EndAsync(Process.Id, id, End),
            () => T["{0} left on {1}.", HolderName, ManageLabels.Date(End.LeftOn)]);

    public Task<IActionResult> OnPostChangeToMemberAsync(int id) =>
        ActAsync(id, nameof(ChangeToMember), () => _memberships.ChangeToMemberAsync(Process.Id, id, ChangeToMember),
            () => T["{0} is a member from {1}.", HolderName, ManageLabels.Date(ChangeToMember.On)]);

    private async Task<IActionResult> ActAsync(int id, string prefix, Func<Task<Outcome>> act, Func<string> notice) =>
        await LoadAsync(id) ? await SubmitAsync(prefix, act, _ => ManageUrl("membership"), notice) : NotFound();

    private async Task<bool> LoadAsync(int id)
    {
        var rows = await _memberships.ListAsync(Process.Id, id);
        if (rows.Count == 0)
        {
            return false;
        }
        Membership = rows[0];
        return true;
    }
}
