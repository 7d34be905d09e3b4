using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Accountability;

/// <summary>Marker for the accountability feature's resources (AccountabilityText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class AccountabilityText;

/// <summary>The names of the implementation statuses. Stand-in until Features/FollowUp/StatusLabels.cs (a process's own
/// labels) is merged: the merge replaces <see cref="Label"/> by it.</summary>
public static class StatusNames
{
    public static string Label(this IStringLocalizer<AccountabilityText> t, ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => t["Not started"],
        ImplementationStatus.Planned => t["Planned"],
        ImplementationStatus.InProgress => t["In progress"],
        ImplementationStatus.Implemented => t["Implemented"],
        ImplementationStatus.NotApplicable => t["Not applicable"],
        _ => status.ToString(),
    };
}
