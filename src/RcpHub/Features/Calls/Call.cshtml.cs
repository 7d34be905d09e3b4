using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}: a call as published (its terms, method and every change with its date and
/// reason); the secretariat publishes a draft here.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class CallModel(CallDesk desk, MeetingReaders readers, IStringLocalizer<CallsText> t) : PageModel
{
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall Call { get; private set; } = null!;
    public CallReader Reader { get; private set; } = null!;
    public int Applications { get; private set; }
    public DateTimeOffset Now => desk.Now;

    /// <summary>The reader's time zone, for the deadline and other moments (TimeZones.ReaderZone).</summary>
    public string Zone { get; private set; } = TimeZones.Utc;

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken ct) =>
        await LoadAsync(callId, ct) ? Page() : NotFound();

    [HandlerRequires(Operation.ManageCalls)]
    public async Task<IActionResult> OnPostPublishAsync(int callId, CancellationToken ct)
    {
        var outcome = await desk.PublishAsync(Process.Id, callId, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            this.Tell(t["The call is published: it takes applications until its deadline."]);
            return Redirect($"/processes/{Process.Slug}/calls/{callId}");
        }
        outcome.Errors.CopyTo(ModelState, "");
        await LoadAsync(callId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int callId, CancellationToken ct)
    {
        Reader = await desk.ReaderAsync(User, Process.Id, callId, ct);
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        if (await desk.FindAsync(Process.Id, callId, Reader.IsSecretariat, ct) is not { } call)
        {
            return false;
        }
        Call = call;
        Applications = await desk.ApplicationCountAsync(callId, ct);
        return true;
    }
}
