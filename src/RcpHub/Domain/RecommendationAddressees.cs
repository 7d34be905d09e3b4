namespace RcpHub.Domain;

/// <summary>Which member states a recommendation asks to act, and so which states report on it: the states it names,
/// and, when it is addressed to all members, every state that is a member of its process on the day asked (the one
/// membership rule, <see cref="Membership.CurrentOn"/>). A recommendation addressed only to the secretariat or to civil
/// society asks no state to report.</summary>
public static class RecommendationAddressees
{
    /// <summary>The states that are members (not observers) of <paramref name="processId"/> on <paramref name="today"/>.</summary>
    public static IQueryable<string> MemberStatesOf(this IQueryable<Membership> memberships, int processId, DateOnly today) =>
        memberships.CurrentOn(today)
            .Where(m => m.ProcessId == processId && m.Role == MembershipRole.Member && m.StateCode != null)
            .Select(m => m.StateCode!)
            .Distinct();

    /// <summary>Whether <paramref name="recommendation"/> (its <see cref="Recommendation.States"/> loaded) asks
    /// <paramref name="stateCode"/> to act.</summary>
    public static bool IsAddressedTo(Recommendation recommendation, string stateCode, IReadOnlySet<string> memberStates) =>
        recommendation.States.Any(s => s.StateCode == stateCode) || (recommendation.ToAllMembers && memberStates.Contains(stateCode));

    /// <summary>Every state <paramref name="recommendation"/> asks to act, in code order.</summary>
    public static IReadOnlyList<string> StatesOf(Recommendation recommendation, IReadOnlySet<string> memberStates) =>
        recommendation.States.Select(s => s.StateCode)
            .Concat(recommendation.ToAllMembers ? memberStates : [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
