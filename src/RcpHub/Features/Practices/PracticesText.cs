using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Practices;

/// <summary>Marker for the good practices feature's resources (PracticesText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class PracticesText;

public static class PracticeLabels
{
    public static string Label(this IStringLocalizer<PracticesText> t, PracticeStatus status) => status switch
    {
        PracticeStatus.Submitted => t["Waiting for review"],
        PracticeStatus.Returned => t["Returned to its submitter"],
        PracticeStatus.Withdrawn => t["Withdrawn by its submitter"],
        _ => t["Published"],
    };

    public static string Label(this IStringLocalizer<PracticesText> t, MeetingAudience audience) =>
        audience == MeetingAudience.Public ? t["Everyone"] : t["Members of the process"];
}
