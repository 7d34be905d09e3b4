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

    /// <summary>Applications the panel selects beyond the proposal: "pseudonym | reason" per line. The decision form lists
    /// the proposal's applications, not all of a call's thousands, so the others are named.</summary>
    [BindProperty(Name = nameof(Added))]
    [MultiLine]
    public string? Added { get; set; }

    /// <summary>The page of the applications' list, as ?p= (as on the meeting list).</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall Call { get; private set; } = null!;
    public CallReader Reader { get; private set; } = null!;

    /// <summary>One page of the call's applications, with how far each is scored.</summary>
    public CallDesk.ApplicationPage Applications { get; private set; } = new([], 0, 1);

    /// <summary>The applications the proposal selects (the decision form's list), while the panel has not decided.</summary>
    public IReadOnlyList<CallApplication> Proposed { get; private set; } = [];
    public IReadOnlyList<(string UserId, string Name, string Email)> Panel { get; private set; } = [];
    public ProposalJson? Proposal { get; private set; }
    public DateTimeOffset Now => desk.Now;

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
        {
            return NotFound();
        }
        Selected = [.. Proposed.Select(a => a.Id)];
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
        RunAsync(callId, async () =>
        {
            var selected = new HashSet<int>(Selected ?? []);
            var reasons = new Dictionary<int, string?>(Reasons ?? []);
            var errors = new FieldErrors();
            var lines = (Added ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var named = await desk.NamedAsync(callId, [.. lines.Select(l => l.Split('|', 2)[0].Trim())], ct);
            foreach (var line in lines)
            {
                var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
                if (named.FirstOrDefault(a => a.Pseudonym == parts[0]) is not { } application)
                {
                    errors.Add(nameof(Added), t["There is no application {0} in this call.", parts[0]]);
                    continue;
                }
                selected.Add(application.Id);
                reasons[application.Id] = parts.Length > 1 ? parts[1] : null;
            }
            return errors.Any ? Outcome.Refused(errors) : await selection.DecideAsync(Process.Id, callId, selected, reasons, ct);
        }, t["The selection is decided: the applicants are told, the selected organisations invited."], ct);

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
        // The panel first, so that whether the reader is on it needs no query of its own.
        Panel = await desk.PanelAsync(callId, ct);
        Reader = await desk.ReaderWithPanelAsync(User, Process.Id, Panel, ct);
        if (!(Reader.IsPanel || Reader.IsSecretariat) || await desk.FindAsync(Process.Id, callId, withDrafts: true, ct) is not { } call)
        {
            return false;
        }
        Call = call;
        Applications = await desk.ApplicationPageAsync(callId, P, ct);
        Proposal = ProposalJson.Read(call.Proposal);
        if (Proposal is { IsInfeasible: false } && call.DecidedAt is null)
        {
            Proposed = await desk.NamedAsync(callId, Proposal.Selected, ct);
        }
        return true;
    }
}
