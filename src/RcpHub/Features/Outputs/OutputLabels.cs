using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Outputs;

/// <summary>The words of the outputs vocabulary in the reader's language.</summary>
public static class OutputLabels
{
    public static string Kind(IStringLocalizer t, OutputKind kind) => kind switch
    {
        OutputKind.Declaration => t["Declaration"],
        OutputKind.Recommendations => t["Recommendations"],
        OutputKind.ActionPlan => t["Action plan"],
        OutputKind.Conclusions => t["Conclusions"],
        OutputKind.JointStatement => t["Joint statement"],
        _ => kind.ToString(),
    };

    public static string Position(IStringLocalizer t, StatePositionKind kind) => kind switch
    {
        StatePositionKind.Signed => t["Signed"],
        StatePositionKind.Endorsed => t["Endorsed"],
        StatePositionKind.Reservation => t["Reservation"],
        _ => kind.ToString(),
    };

    /// <summary>Puts the commands' field errors on the form named <paramref name="prefix"/>, in the reader's language.</summary>
    public static void AddTo(ModelStateDictionary state, string prefix, IReadOnlyList<FieldError> errors, IStringLocalizer t)
    {
        foreach (var error in errors)
        {
            state.AddModelError($"{prefix}.{error.Field}", t[error.Message]);
        }
    }
}
