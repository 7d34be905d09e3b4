using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Delegations;

/// <summary>Delegations arranged directly in the database, as focal points would have registered them.</summary>
internal static class ArrangeDelegations
{
    public static DelegationMember Delegate(string name, string ministry, Gender gender, bool head = false, string? function = null) =>
        new() { Name = name, Ministry = ministry, Gender = gender, IsHead = head, Function = function };

    public static async Task<int> DelegationAsync(RcpHubFactory factory, int meetingId, string stateCode, string registeredBy,
        DelegationStatus status, params DelegationMember[] delegates)
    {
        await using var scope = factory.Scope();
        var meeting = await scope.Db.Meetings.FindAsync(meetingId);
        var delegation = new Delegation
        {
            Meeting = meeting,
            StateCode = stateCode,
            Status = status,
            RegisteredByUserId = registeredBy,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        for (var i = 0; i < delegates.Length; i++)
        {
            delegates[i].Position = i + 1;
            delegation.Delegates.Add(delegates[i]);
        }
        scope.Db.Delegations.Add(delegation);
        await scope.Db.SaveChangesAsync();
        return delegation.Id;
    }
}
