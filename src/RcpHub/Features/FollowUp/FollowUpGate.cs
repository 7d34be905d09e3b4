using System.Security.Claims;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>A state's follow-up as one reader meets it: who reads, which state, whether they may report for it
/// (a focal point of that very state) or review it (<see cref="Operation.ReviewFollowUp"/>).</summary>
public sealed record StateScope(AddressedProcess Process, string StateCode, string StateName, MeetingReader Reader, IReadOnlySet<string> Members,
    bool MayReport, bool MayReview)
{
    public string Address => $"/processes/{Process.Slug}/follow-up/{StateCode.ToLowerInvariant()}";
}

/// <summary>Resolves the state an address names within the addressed process, for pages and API alike.</summary>
public sealed class FollowUpGate(AppDbContext db, MeetingReaders readers, TimeProvider clock)
{
    /// <summary>Null when the address names no state with a grid in the process (not a member, named by no recommendation).</summary>
    public async Task<StateScope?> StateAsync(ClaimsPrincipal user, AddressedProcess process, string? state, CancellationToken ct)
    {
        if (state is not { Length: 3 } || !state.All(char.IsAsciiLetter))
        {
            return null;
        }
        var code = state.ToUpperInvariant();
        var members = await FollowUpQueries.MemberStatesAsync(db, process.Id, clock.Today(), ct);
        if (!await FollowUpQueries.IsAskedStateAsync(db, process.Id, code, members, ct))
        {
            return null;
        }
        var reader = await readers.CurrentAsync(user);
        var name = await FollowUpQueries.StateNameAsync(db, code, Cultures.Current, ct) ?? code;
        return new StateScope(process, code, name, reader, members, MayReport(reader, process.Id, code),
            AccessRules.Allows(Operation.ReviewFollowUp, reader.IsPlatformAdministrator, reader.RolesIn(process.Id)));
    }

    /// <summary>Only a focal point of the state itself reports for it.</summary>
    public static bool MayReport(MeetingReader reader, int processId, string stateCode) =>
        reader.Roles.Any(r => r.ProcessId == processId && r.Role == ProcessRole.FocalPoint && r.StateCode == stateCode);

    /// <summary>The states the reader is a focal point of in the process.</summary>
    public static IEnumerable<string> OwnStates(MeetingReader reader, int processId) =>
        reader.Roles.Where(r => r.ProcessId == processId && r.Role == ProcessRole.FocalPoint && r.StateCode != null).Select(r => r.StateCode!).Distinct();
}

public static class FollowUpServices
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services) =>
        services.AddScoped<FollowUpGate>().AddSingleton<FollowUpCountCache>();
}
