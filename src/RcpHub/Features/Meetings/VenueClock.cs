using Microsoft.Extensions.Localization;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Meetings;

/// <summary>Reads times given on the venue's clock (forms and API), with the field messages for what cannot be read.</summary>
public static class VenueClock
{
    /// <summary>The UTC instant of a venue time, or null with an error for <paramref name="field"/>.</summary>
    public static DateTimeOffset? Read(DateTime local, string zoneId, string field, IStringLocalizer<MeetingsText> t, List<FieldError> errors)
    {
        // The API could send "2026-03-01T09:00Z": the venue's clock is asked for, so an offset is refused rather than guessed.
        if (local.Kind != DateTimeKind.Unspecified)
        {
            errors.Add(new FieldError(field, t["Give the time as the venue's clock shows it, without a time zone."]));
            return null;
        }
        var utc = TimeZones.ToUtc(local, zoneId);
        if (utc is null)
        {
            errors.Add(new FieldError(field, t["This time does not exist in the venue's time zone (the clocks change)."]));
        }
        return utc;
    }

    /// <summary>A time typed on a form's clock (a datetime-local field), as the instant it names; null when none was
    /// given or it cannot be read, the refusal then added to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static DateTimeOffset? Read(DateTime? local, string zoneId, string field, IStringLocalizer<MeetingsText> t, FieldErrors errors)
    {
        if (local is not { } typed)
        {
            return null;
        }
        var refused = new List<FieldError>();
        var utc = Read(typed, zoneId, field, t, refused);
        foreach (var error in refused)
        {
            errors.Add(error.Field, error.Message);
        }
        return utc;
    }

    /// <summary>An optional span (agenda item, session): both ends optional, but an end needs a start and comes after it.</summary>
    public static (DateTimeOffset? Starts, DateTimeOffset? Ends) ReadOptionalSpan(
        DateTime? startsAt, DateTime? endsAt, string zoneId, string startField, string endField, IStringLocalizer<MeetingsText> t, List<FieldError> errors)
    {
        var starts = startsAt is { } s ? Read(s, zoneId, startField, t, errors) : null;
        var ends = endsAt is { } e ? Read(e, zoneId, endField, t, errors) : null;
        if (endsAt is not null && startsAt is null)
        {
            errors.Add(new FieldError(startField, t["Give the start too."]));
        }
        else if (starts is { } a && ends is { } b && b <= a)
        {
            errors.Add(new FieldError(endField, t["The end must come after the start."]));
        }
        return (starts, ends);
    }
}
