using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Caucus;

/// <summary>The forms of the caucus and statements pages, as posted; each gives the input the commands check.</summary>
public sealed class PositionForm
{
    public string? Title { get; set; }

    [MultiLine]
    public string? Text { get; set; }

    public NewPosition ToInput() => new(Title, Text);
}

public sealed class StanceForm
{
    public int? OrganizationId { get; set; }
    public CaucusStanceKind? Kind { get; set; }

    [MultiLine]
    public string? DissentText { get; set; }

    public NewStance ToInput() => new(OrganizationId, Kind, DissentText);
}

public sealed class SubmissionForm
{
    public int? MeetingId { get; set; }

    public NewSubmission ToInput() => new(MeetingId);
}

public sealed class StatementForm
{
    public int? OrganizationId { get; set; }
    public string? Title { get; set; }

    [MultiLine]
    public string? Text { get; set; }

    /// <summary>The language of the position paper, when one is attached.</summary>
    public string? Language { get; set; } = "en";

    public NewStatement ToInput() => new(OrganizationId, Title, Text);
}

/// <summary>The words of the caucus vocabulary in the reader's language, and the commands' messages on the forms.</summary>
public static class CaucusLabels
{
    public static string Stance(IStringLocalizer t, CaucusStanceKind kind) => kind switch
    {
        CaucusStanceKind.Endorsed => t["Endorsed"],
        CaucusStanceKind.Dissented => t["Dissent"],
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
