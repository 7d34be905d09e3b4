using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.PolicyImpact;

/// <summary>Marker for the policy impact feature's resources (PolicyImpactText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class PolicyImpactText;

public static class PolicyImpactLabels
{
    public static string Label(this IStringLocalizer<PolicyImpactText> t, PolicyChangeKind kind) => kind switch
    {
        PolicyChangeKind.Law => t["Law"],
        PolicyChangeKind.Regulation => t["Regulation"],
        PolicyChangeKind.Policy => t["Policy"],
        PolicyChangeKind.Practice => t["Practice"],
        PolicyChangeKind.Institution => t["Institution"],
        PolicyChangeKind.Programme => t["Programme"],
        PolicyChangeKind.Agreement => t["Agreement"],
        _ => kind.ToString(),
    };
}
