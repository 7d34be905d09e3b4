using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Caucus;

/// <summary>/processes/{slug}/caucus: the civil society caucus of a process, its joint positions (drafts first), and for
/// its civil society participants the form that starts one. Read by them and the secretariat (decision 0025).</summary>
[Requires(Operation.ViewCaucus)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<CaucusText> t) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public IReadOnlyList<PositionListItem> Positions { get; private set; } = [];
    public bool MayTakePart { get; private set; }

    [BindProperty]
    public PositionForm Create { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        return Page();
    }

    [HandlerRequires(Operation.TakePartInCaucus)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var reader = await readers.CurrentAsync(User);
        var outcome = await CaucusCommands.CreateAsync(db, clock, process.Id, reader.UserId!, Create.ToInput(), ct);
        if (!outcome.Done)
        {
            CaucusLabels.AddTo(ModelState, nameof(Create), outcome.Errors, t);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await ShowAsync(ct);
            return Page();
        }
        this.Tell(t["The position is started: its text is version 1."]);
        return LocalRedirect($"/processes/{process.Slug}/caucus/{outcome.Value}");
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        var reader = await readers.CurrentAsync(User);
        MayTakePart = AccessRules.Allows(Operation.TakePartInCaucus, reader.IsPlatformAdministrator, reader.RolesIn(Process.Id));
        Positions = await CaucusQueries.ListAsync(db, Process.Id, ct);
    }
}
