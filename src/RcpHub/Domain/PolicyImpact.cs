namespace RcpHub.Domain;

/// <summary>What a state changed at home: a law, a regulation, a policy, a practice, an institution.</summary>
public enum PolicyChangeKind
{
    Law,
    Regulation,
    Policy,
    Practice,
    Institution,
    Programme,
    Agreement,
}

/// <summary>A law, policy or practice a member state changed in connection with a process, with the recommendations of
/// the process's adopted outputs it answers (each addressed to that state, <see cref="RecommendationAddressees"/>) and
/// its themes. Recorded by a focal point for their own state or by the secretariat. Who reads it:
/// <see cref="PolicyChangeAccess"/>.</summary>
public sealed class PolicyChange : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }

    public required string Title { get; set; }
    public PolicyChangeKind Kind { get; set; }

    /// <summary>When the change was adopted or took effect (not in the future).</summary>
    public DateOnly On { get; set; }

    /// <summary>An http or https address where the text can be read.</summary>
    public string? Link { get; set; }
    public string? Description { get; set; }

    public List<PolicyChangeRecommendation> Recommendations { get; set; } = [];
    public List<PolicyChangeTheme> Themes { get; set; } = [];

    public required string RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class PolicyChangeRecommendation
{
    public int PolicyChangeId { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
}

public sealed class PolicyChangeTheme
{
    public int PolicyChangeId { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>Who reads a policy change (docs/decisions/0022-policy-changes-members-only-unless-all-public.md): those who
/// may read the process's follow-up (secretariat, chair, member-state focal points) read all of them; anyone else only
/// a change that answers at least one recommendation and only recommendations of adopted public outputs. A change tied to
/// a members-only output, or to none, says something the members have not made public.</summary>
public static class PolicyChangeAccess
{
    public static IQueryable<PolicyChange> VisibleTo(this IQueryable<PolicyChange> changes, bool readsFollowUp) =>
        readsFollowUp
            ? changes
            : changes.Where(c => c.Recommendations.Any()
                && c.Recommendations.All(r => r.Recommendation!.Output!.Audience == MeetingAudience.Public && r.Recommendation.Output.AdoptedOn != null));
}

public static class PolicyImpactLimits
{
    public const int Title = 300;
    public const int Link = 2000;
    public const int Description = 4000;
    public const int Recommendations = 50;
}
