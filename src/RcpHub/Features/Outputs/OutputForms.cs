using RcpHub.Domain;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Outputs;

/// <summary>The forms of the outputs pages, as posted; each gives the input the commands check.</summary>
public sealed class CreateForm
{
    public OutputKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? OriginalLanguage { get; set; } = "en";
    public MeetingAudience? Audience { get; set; } = MeetingAudience.MembersOnly;
    public int? MeetingId { get; set; }

    [MultiLine]
    public string? Text { get; set; }

    public NewOutput ToInput() => new(Kind, Title, OriginalLanguage, Audience, MeetingId, Text);
}

public sealed class AdoptForm
{
    public DateOnly? On { get; set; }
    public int? MeetingId { get; set; }

    public Adoption ToInput() => new(On, MeetingId);
}

public sealed class PositionForm
{
    public string? StateCode { get; set; }
    public StatePositionKind? Kind { get; set; }

    [MultiLine]
    public string? ReservationText { get; set; }
    public DateOnly? On { get; set; }

    /// <summary>Ticked to change a position already recorded: changing one asks first (decision 0014).</summary>
    public bool Replace { get; set; }

    public PositionInput ToInput() => new(Kind, ReservationText, On);
}
