using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>The process's bodies, and the form to set up a new one.</summary>
[Requires(Operation.ManageBodies)]
public sealed class BodiesModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t), IBodyForm
{
    private readonly BodyCommands _bodies = new(db, t, clock);

    [BindProperty]
    public BodyInput Body { get; set; } = new() { Kind = BodyKind.WorkingGroup };

    public IReadOnlyList<BodyRow> Bodies { get; private set; } = [];

    public IEnumerable<SelectListItem> KindOptions => Options<BodyKind>(T.Label);

    public async Task<IActionResult> OnGetAsync()
    {
        Bodies = await _bodies.ListAsync(Process.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync() =>
        await SubmitAsync(nameof(Body), () => _bodies.AddAsync(Process.Id, Body), saved => ManageUrl($"bodies/{saved.Id}"),
                () => T["The body is set up. Add its members below."], async () => Bodies = await _bodies.ListAsync(Process.Id));
}

/// <summary>A page with the body fields (_BodyFields.cshtml).</summary>
public interface IBodyForm
{
    BodyInput Body { get; }
    IEnumerable<SelectListItem> KindOptions { get; }
}
