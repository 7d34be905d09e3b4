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
        DraftInput.CheckText(nameof(Text), Text, errors);
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
        var text = DraftText.Lf(ReservationText).Trim();
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
