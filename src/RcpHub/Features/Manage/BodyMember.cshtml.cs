using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>One seat on a body: whether it chairs, and when it joined and left. A member who leaves keeps its row.</summary>
[Requires(Operation.ManageBodies)]
public sealed class BodyMemberModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t)
{
    private readonly BodyCommands _bodies = new(db, t, clock);

    [BindProperty]
    public BodyMemberUpdate Seat { get; set; } = new();

    public BodyDetail Body { get; private set; } = null!;
    public BodyMemberRow Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int memberId)
    {
        if (!await LoadAsync(id, memberId))
        {
            return NotFound();
        }
        Seat = new BodyMemberUpdate { IsChair = Member.IsChair, JoinedOn = Member.JoinedOn, LeftOn = Member.LeftOn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId) =>
        await LoadAsync(id, memberId)
            ? await SubmitAsync(nameof(Seat), () => _bodies.UpdateMemberAsync(Process.Id, id, memberId, Seat), _ => ManageUrl($"bodies/{id}"),
                () => T["The seat of {0} is saved.", Member.Holder])
            : NotFound();

    private async Task<bool> LoadAsync(int id, int memberId)
    {
        if (await _bodies.FindAsync(Process.Id, id) is not { } body
            || body.Members.FirstOrDefault(m => m.Id == memberId) is not { } member)
        {
            return false;
        }
        Body = body;
        Member = member;
        return true;
    }
}
