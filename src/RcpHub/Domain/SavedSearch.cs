namespace RcpHub.Domain;

/// <summary>A search a signed-in person keeps under a name: the words and filters of /search, run again from their list,
/// and, while <see cref="Weekly"/>, mailed to them once a week with the results entered since the last mail
/// (Features/SavedSearches).</summary>
public sealed class SavedSearch
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The words as typed (checked by <c>SiteSearch.Problem</c>).</summary>
    public required string Query { get; set; }

    /// <summary>The process searched within, if any; the saved search goes with its process.</summary>
    public int? ProcessId { get; set; }
    public Process? Process { get; set; }
    public SearchKind? Kind { get; set; }
    public int? Year { get; set; }

    /// <summary>The region of the results' processes, as the search's region facet names it.</summary>
    public string? Region { get; set; }
    public MeetingLevel? Level { get; set; }

    /// <summary>The language of the results (ISO 639-1).</summary>
    public string? Language { get; set; }

    /// <summary>A theme the results are about (<see cref="Domain.Theme"/> id).</summary>
    public int? Theme { get; set; }

    /// <summary>A GCM objective the results serve (1-23).</summary>
    public int? Objective { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the weekly mail of new results goes out.</summary>
    public bool Weekly { get; set; } = true;

    /// <summary>The last index entry the person has been told about (or that existed when the search was saved): newer
    /// entries are the new results. Moved on by the weekly mail only.</summary>
    public int SeenUpTo { get; set; }

    /// <summary>When the weekly mail is next looked at.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The secret of the mail's stop link, which works without signing in. Kept as is, not hashed: every weekly
    /// mail carries it again, and it can do nothing but stop that mail.</summary>
    public required string StopToken { get; set; }
}

public static class SavedSearchLimits
{
    public const int Name = 100;

    /// <summary>The longest region a saved search keeps (the regions of processes are short names).</summary>
    public const int Region = 200;

    /// <summary>Saved searches a person may keep: each one is a weekly search run for them.</summary>
    public const int PerPerson = 20;

    public static readonly TimeSpan Every = TimeSpan.FromDays(7);
}
