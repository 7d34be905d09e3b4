namespace RcpHub.Domain;

/// <summary>The floor of one session: how long a turn lasts, and a revision that every change to the floor
/// increments. Live pages compare revisions to know whether anything changed; the revision is also the
/// concurrency token, so that two people changing the floor at once cannot both win.</summary>
public sealed class SessionFloor
{
    public const int DefaultMinutesPerTurn = 3;

    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public long Revision { get; set; }
    public int MinutesPerTurn { get; set; } = DefaultMinutesPerTurn;
}

/// <summary>A participant's request for the floor, on behalf of a state or an organisation (exactly one of the
/// two). Pending until given or withdrawn; a turn runs from <see cref="GivenAt"/> until <see cref="EndedAt"/>.</summary>
public sealed class FloorRequest
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public string? StateCode { get; set; }
    public int? OrganizationId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? GivenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public bool IsPending => GivenAt is null && WithdrawnAt is null;
    public bool IsSpeaking => GivenAt is not null && EndedAt is null;
}

/// <summary>The speaking timer: computed from the instant the floor was given, so that every instance and every
/// page agrees on it.</summary>
public static class SpeakingTimer
{
    /// <summary>Seconds left in a turn (negative once the time is up).</summary>
    public static int RemainingSeconds(DateTimeOffset givenAt, int minutesPerTurn, DateTimeOffset now) =>
        (int)Math.Ceiling((givenAt.AddMinutes(minutesPerTurn) - now).TotalSeconds);
}
