using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Outputs;

/// <summary>A new output as the form and the API give it. Its first text becomes version 1.</summary>
public sealed record NewOutput(
    OutputKind? Kind, string? Title, string? OriginalLanguage, MeetingAudience? Audience, int? MeetingId, [property: MultiLine] string? Text)
{
    /// <summary>What is wrong, as English message keys per field (empty when it may be saved). The meeting is checked
    /// against the process by the command.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (Kind is null)
        {
            errors.Add(new(nameof(Kind), "Choose the kind of output."));
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new(nameof(Title), "Enter the title."));
        }
        else if (Title.Trim().Length > OutputLimits.Title)
        {
            errors.Add(new(nameof(Title), "The title is too long (300 characters at most)."));
        }
        if (OriginalLanguage is null || !Cultures.Supported.Contains(OriginalLanguage))
        {
            errors.Add(new(nameof(OriginalLanguage), "Choose the language the output is drafted in."));
        }
        if (Audience is not { } audience || !OutputAccess.Audiences.Contains(audience))
        {
            errors.Add(new(nameof(Audience), "Choose who may read the output: members only or everyone."));
        }
        OutputText.Check(nameof(Text), Text, errors);
        return errors;
    }
}

/// <summary>A new version of an output's text, with a note saying what changed.</summary>
public sealed record NewVersion([property: MultiLine] string? Text, string? Note)
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        OutputText.Check(nameof(Text), Text, errors);
        if ((Note?.Trim().Length ?? 0) > OutputLimits.Note)
        {
            errors.Add(new(nameof(Note), "The note is too long (1,000 characters at most)."));
        }
        return errors;
    }
}

/// <summary>A comment on one paragraph of one version of a draft.</summary>
public sealed record NewComment(int? Version, int? Paragraph, [property: MultiLine] string? Text)
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (Version is null or < 1)
        {
            errors.Add(new(nameof(Version), "Choose the version you comment on."));
        }
        if (Paragraph is null or < 1)
        {
            errors.Add(new(nameof(Paragraph), "Choose the paragraph you comment on."));
        }
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new(nameof(Text), "Enter your comment."));
        }
        else if (OutputText.Lf(Text).Trim().Length > OutputLimits.Comment)
        {
            errors.Add(new(nameof(Text), "The comment is too long (4,000 characters at most)."));
        }
        return errors;
    }
}

/// <summary>The adoption of an output: the day and the meeting of the process at which it was adopted.</summary>
public sealed record Adoption(DateOnly? On, int? MeetingId)
{
    public IReadOnlyList<FieldError> Check(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (On is not { } on)
        {
            errors.Add(new(nameof(On), "Enter the date of adoption."));
        }
        else if (on > today)
        {
            errors.Add(new(nameof(On), "The date of adoption cannot be in the future."));
        }
        if (MeetingId is null)
        {
            errors.Add(new(nameof(MeetingId), "Choose the meeting at which the output was adopted."));
        }
        return errors;
    }
}

/// <summary>A member state's position on an adopted output.</summary>
public sealed record PositionInput(StatePositionKind? Kind, [property: MultiLine] string? ReservationText, DateOnly? On)
{
    public IReadOnlyList<FieldError> Check(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (Kind is null)
        {
            errors.Add(new(nameof(Kind), "Choose the position: signed, endorsed or a reservation."));
        }
        var text = OutputText.Lf(ReservationText).Trim();
        if (Kind == StatePositionKind.Reservation && text.Length == 0)
        {
            errors.Add(new(nameof(ReservationText), "Enter the text of the reservation."));
        }
        else if (Kind is not null and not StatePositionKind.Reservation && text.Length > 0)
        {
            errors.Add(new(nameof(ReservationText), "Only a reservation has a text: leave it empty or choose \"reservation\"."));
        }
        else if (text.Length > OutputLimits.Reservation)
        {
            errors.Add(new(nameof(ReservationText), "The reservation is too long (4,000 characters at most)."));
        }
        if (On is not { } on)
        {
            errors.Add(new(nameof(On), "Enter the date of the position."));
        }
        else if (on > today)
        {
            errors.Add(new(nameof(On), "The date cannot be in the future."));
        }
        return errors;
    }
}

/// <summary>An output's text as stored: paragraphs separated by a blank line, numbered from 1.</summary>
public static class OutputText
{
    public static string Lf(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The text as saved: line ends made LF, paragraphs trimmed and separated by exactly one blank line.</summary>
    public static string Stored(string? text) => string.Join("\n\n", Paragraphs(text));

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        System.Text.RegularExpressions.Regex.Split(Lf(text), @"\n[ \t]*\n")
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();

    public static void Check(string field, string? text, List<FieldError> errors)
    {
        var stored = Stored(text);
        if (stored.Length == 0)
        {
            errors.Add(new(field, "Enter the text."));
        }
        else if (stored.Length > OutputLimits.Text)
        {
            errors.Add(new(field, "The text is too long (100,000 characters at most)."));
        }
    }
}
