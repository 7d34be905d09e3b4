using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Caucus;

/// <summary>A new joint position: its title and first text (version 1).</summary>
public sealed record NewPosition(string? Title, [property: MultiLine] string? Text)
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        CaucusChecks.Title(nameof(Title), Title, errors);
        DraftInput.CheckText(nameof(Text), Text, errors);
        return errors;
    }
}

/// <summary>An organisation's stance on a position: an endorsement, or a dissent with its text.</summary>
public sealed record NewStance(int? OrganizationId, CaucusStanceKind? Kind, [property: MultiLine] string? DissentText)
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (OrganizationId is null)
        {
            errors.Add(new(nameof(OrganizationId), "Choose the organisation you act for."));
        }
        if (Kind is null)
        {
            errors.Add(new(nameof(Kind), "Choose: endorse the position, or record a dissent."));
        }
        var text = DraftText.Lf(DissentText).Trim();
        if (Kind == CaucusStanceKind.Dissented && text.Length == 0)
        {
            errors.Add(new(nameof(DissentText), "Enter the text of the dissent."));
        }
        else if (Kind == CaucusStanceKind.Endorsed && text.Length > 0)
        {
            errors.Add(new(nameof(DissentText), "Only a dissent has a text: leave it empty or choose \"dissent\"."));
        }
        else if (text.Length > CaucusLimits.Dissent)
        {
            errors.Add(new(nameof(DissentText), "The dissent is too long (4,000 characters at most)."));
        }
        return errors;
    }
}

/// <summary>The submission of a position to a meeting of its process.</summary>
public sealed record NewSubmission(int? MeetingId)
{
    public IReadOnlyList<FieldError> Check() =>
        MeetingId is null ? [new(nameof(MeetingId), "Choose the meeting the position is submitted to.")] : [];
}

/// <summary>A statement to a meeting for an invited organisation: a title and a text, a position paper, or both.</summary>
public sealed record NewStatement(int? OrganizationId, string? Title, [property: MultiLine] string? Text)
{
    public IReadOnlyList<FieldError> Check(bool withPaper)
    {
        var errors = new List<FieldError>();
        if (OrganizationId is null)
        {
            errors.Add(new(nameof(OrganizationId), "Choose the organisation the statement is made for."));
        }
        CaucusChecks.Title(nameof(Title), Title, errors);
        var text = DraftText.Stored(Text);
        if (text.Length == 0 && !withPaper)
        {
            errors.Add(new(nameof(Text), "Enter the statement's text, or attach a position paper."));
        }
        else if (text.Length > CaucusLimits.Text)
        {
            errors.Add(new(nameof(Text), "The text is too long (100,000 characters at most)."));
        }
        return errors;
    }
}

internal static class CaucusChecks
{
    public static void Title(string field, string? title, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new(field, "Enter the title."));
        }
        else if (title.Trim().Length > CaucusLimits.Title)
        {
            errors.Add(new(field, "The title is too long (300 characters at most)."));
        }
    }
}

/// <summary>The multipart form of a position paper sent through the API, as the OpenAPI document tells it. The endpoint
/// reads the form itself, so that a file too large or of the wrong kind is answered before anything is bound.</summary>
public sealed class PositionPaperForm
{
    [System.ComponentModel.DataAnnotations.Required]
    public required IFormFile File { get; init; }

    [System.ComponentModel.DataAnnotations.Required]
    public int? OrganizationId { get; init; }

    [System.ComponentModel.DataAnnotations.Required]
    public string? Title { get; init; }

    /// <summary>"en" when left out: one of the document languages.</summary>
    public string? Language { get; init; }

    /// <summary>A text to go with the paper, if any.</summary>
    public string? Text { get; init; }
}
