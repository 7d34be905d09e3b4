using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}/applications/{applicationId}: where an application stands, for the people of
/// its organisation, the call's panel and its secretariat (anyone else: not found). A panel member scores it here,
/// or declares a conflict with it; the others' scores show once every member without a conflict has scored.</summary>
[Requires(Operation.ApplyToCalls)]
public sealed class ApplicationModel(CallDesk desk, IStringLocalizer<CallsText> t) : PageModel
{
    // Nullable so that a form without scores (the conflict form) is not refused as missing them. Named, so that when
    // they are not posted the binder does not fall back to reading every other field of the form as a score's key.
    [BindProperty(Name = nameof(Scores))]
    public Dictionary<int, int?>? Scores { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall Call { get; private set; } = null!;
    public CallApplication Entry { get; private set; } = null!;
    public CallReader Reader { get; private set; } = null!;
    public IReadOnlyList<(string UserId, string Name, string Email)> Panel { get; private set; } = [];

    public bool Conflicted => Entry.Conflicts.Any(c => c.UserId == Reader.UserId);
    public bool Scored => Entry.Scores.Any(s => s.UserId == Reader.UserId);
    public bool AllScored => CallScoring.AllScored(Panel.Select(p => p.UserId), Entry);
    public bool MayScore => Reader.IsPanel && !Conflicted && !Scored && Call.ProposedAt is null;

    public async Task<IActionResult> OnGetAsync(int callId, int applicationId, CancellationToken ct) =>
        await LoadAsync(callId, applicationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(int callId, int applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, applicationId, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await desk.ScoreAsync(Process.Id, callId, applicationId, Reader.UserId!, Scores ?? [], ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(t["Your scores are recorded."]);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/applications/{applicationId}");
            }
            outcome.Errors.CopyTo(ModelState, "");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConflictAsync(int callId, int applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, applicationId, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await desk.DeclareConflictAsync(Process.Id, callId, applicationId, Reader.UserId!, Note, ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(t["Your conflict of interest is recorded: you do not score this application."]);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/applications/{applicationId}");
            }
            outcome.Errors.CopyTo(ModelState, "");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int callId, int applicationId, CancellationToken ct)
    {
        Reader = await desk.ReaderAsync(User, Process.Id, callId, ct);
        if (await desk.FindAsync(Process.Id, callId, withDrafts: false, ct) is not { } call
            || await desk.ApplicationAsync(Process.Id, callId, applicationId, Reader, ct) is not { } application)
        {
            return false;
        }
        (Call, Entry) = (call, application);
        if (Reader.IsPanel || Reader.IsSecretariat)
        {
            Panel = await desk.PanelAsync(callId, ct);
        }
        return true;
    }
}
