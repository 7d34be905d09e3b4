using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>/processes/{slug}/follow-up: the member states asked to act on the process's adopted recommendations, each
/// with how far it has reported and implemented, for those who read follow-up state by state.</summary>
[Requires(Operation.ViewFollowUp)]
public sealed class IndexModel(AppDbContext db, FollowUpCountCache counts, MeetingReaders readers, TimeProvider clock) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public IReadOnlyList<StateProgress> States { get; private set; } = [];
    public IReadOnlyList<string> OwnStates { get; private set; } = [];
    public bool MayReview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        var reader = await readers.CurrentAsync(User);
        var members = await FollowUpQueries.MemberStatesAsync(db, Process.Id, clock.Today(), ct);
        States = await FollowUpQueries.StatesAsync(db, counts, Process.Id, reader, members, Cultures.Current, ct);
        OwnStates = FollowUpGate.OwnStates(reader, Process.Id).ToList();
        MayReview = AccessRules.Allows(Operation.ReviewFollowUp, reader.IsPlatformAdministrator, reader.RolesIn(Process.Id));
    }
}
