using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls: the process's published calls for participation; its secretariat sees drafts too.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(CallDesk desk, MeetingReaders readers) : PageModel
{
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public IReadOnlyList<ParticipationCall> Calls { get; private set; } = [];
    public bool IsSecretariat { get; private set; }
    public DateTimeOffset Now => desk.Now;

    /// <summary>The reader's time zone, for the deadline and other moments (TimeZones.ReaderZone).</summary>
    public string Zone { get; private set; } = TimeZones.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsSecretariat = (await desk.ReaderAsync(User, Process.Id, null, ct)).IsSecretariat;
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        Calls = await desk.ListAsync(Process.Id, IsSecretariat, ct);
        return Page();
    }
}
