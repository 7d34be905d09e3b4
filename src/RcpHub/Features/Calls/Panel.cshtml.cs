using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}/panel: the panel's work for its members and the call's secretariat (anyone
/// else: not found): the applications and how far they are scored, the engine's proposal, the lottery, the decision
/// with a reason for each departure, and the report's publication. The secretariat names the panel here.</summary>
[Requires(Operation.ApplyToCalls)]
public sealed class PanelModel(CallDesk desk, CallProposals proposals, CallSelection selection, IStringLocalizer<CallsText> t) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    // Nullable so that the panel's other forms are not refused as missing the decision's fields; named, so that when
    // they are not posted the binder does not fall back to reading every other field of the form as their items.
    [BindProperty(Name = nameof(Selected))]
    public List<int>? Selected { get; set; }

    [BindProperty(Name = nameof(Reasons))]
    public Dictionary<int, string?>? Reasons { get; set; }

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall Call { get; private set; } = null!;
    public CallReader Reader { get; private set; } = null!;
    public IReadOnlyList<CallApplication> Applications { get; private set; } = [];
    public IReadOnlyList<(string UserId, string Name, string Email)> Panel { get; private set; } = [];
    public ProposalJson? Proposal { get; private set; }
    public DateTimeOffset Now => desk.Now;

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
        {
            return NotFound();
        }
        if (Proposal is not null)
        {
            Selected = [.. Applications.Where(a => Call.DecidedAt is null ? Proposal.Selected.Contains(a.Pseudonym) : a.Outcome == ApplicationOutcome.Selected).Select(a => a.Id)];
        }
        return Page();
    }

    [HandlerRequires(Operation.ManageCalls)]
    public Task<IActionResult> OnPostAddMemberAsync(int callId, CancellationToken ct) =>
        RunAsync(callId, () => desk.AddPanelMemberAsync(Process.Id, callId, Email, ct), t["The person is on the panel."], ct);

    [HandlerRequires(Operation.ManageCalls)]
    public Task<IActionResult> OnPostRemoveMemberAsync(int callId, string? userId, CancellationToken ct) =>
        RunAsync(callId, () => desk.RemovePanelMemberAsync(Process.Id, callId, userId, ct), t["The person is no longer on the panel."], ct);

    [HandlerRequires(Operation.ManageCalls)]
    public Task<IActionResult> OnPostProposeAsync(int callId, CancellationToken ct) =>
        RunAsync(callId, () => proposals.ProposeAsync(Process.Id, callId, ct), t["The proposal is computed and published with the inputs."], ct);

    [HandlerRequires(Operation.ManageCalls)]
    public Task<IActionResult> OnPostDrawAsync(int callId, CancellationToken ct) =>
        RunAsync(callId, () => proposals.DrawAsync(Process.Id, callId, ct), t["The lottery is drawn; its seed is revealed."], ct);

    /// <summary>The panel decides (its members, or the secretariat on its behalf).</summary>
    public Task<IActionResult> OnPostDecideAsync(int callId, CancellationToken ct) =>
        RunAsync(callId, () => selection.DecideAsync(Process.Id, callId, Selected ?? [], Reasons ?? [], ct), t["The selection is decided: the applicants are told, the selected organisations invited."], ct);

    [HandlerRequires(Operation.ManageCalls)]
    public Task<IActionResult> OnPostPublishReportAsync(int callId, CancellationToken ct) =>
        RunAsync(callId, () => selection.PublishReportAsync(Process.Id, callId, ct), t["The selection report is published; the appeal window is open."], ct);

    private async Task<IActionResult> RunAsync(int callId, Func<Task<Outcome>> command, string done, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await command();
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(done);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/panel");
            }
            outcome.Errors.CopyTo(ModelState, "");
            await LoadAsync(callId, ct);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int callId, CancellationToken ct)
    {
        Reader = await desk.ReaderAsync(User, Process.Id, callId, ct);
        if (!(Reader.IsPanel || Reader.IsSecretariat) || await desk.FindAsync(Process.Id, callId, withDrafts: true, ct) is not { } call)
        {
            return false;
        }
        Call = call;
        Applications = await desk.ApplicationsAsync(callId, ct);
        Panel = await desk.PanelAsync(callId, ct);
        Proposal = ProposalJson.Read(call.Proposal);
        return true;
    }
}
