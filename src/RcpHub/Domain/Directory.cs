namespace RcpHub.Domain;

/// <summary>What a person says of themselves in the directory of officials (issue 12, decision 0035): ministry, position,
/// the files (themes) they handle, the languages they work in, and whether they stay in the directory at all. Their name,
/// processes, states and bodies are not stored here: they come from the roles they hold in force
/// (<see cref="RolesInForce"/>). A person without a row is listed with what their roles say.</summary>
public sealed class DirectoryProfile
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public string? Ministry { get; set; }
    public string? Position { get; set; }

    /// <summary>The languages the person works in (ISO 639-1 codes of the interface languages, space-separated).</summary>
    public string Languages { get; set; } = "";

    /// <summary>The person chose to be left out of the directory: nobody finds, counts or reads them there.</summary>
    public bool LeftOut { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<DirectoryProfileTheme> Themes { get; set; } = [];
}

/// <summary>A file (theme) a person handles; keyed by the person, so that the directory reads it with their name.</summary>
public sealed class DirectoryProfileTheme
{
    public required string UserId { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

public enum ContactRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>One official asks another to be in contact. Neither address is shown to the other until the person asked
/// accepts (<see cref="ContactRequestStatus.Accepted"/>).</summary>
public sealed class ContactRequest
{
    public int Id { get; set; }
    public required string FromUserId { get; set; }
    public AppUser? From { get; set; }
    public required string ToUserId { get; set; }
    public AppUser? To { get; set; }
    public string? Message { get; set; }
    public ContactRequestStatus Status { get; set; }

    /// <summary>"from to" while the request waits for its answer, null once answered: unique, so that a second request
    /// between the same two people cannot be stored while one is pending, even when two are sent at the same moment.</summary>
    public string? PendingKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    public static string PendingKeyOf(string fromUserId, string toUserId) => fromUserId + " " + toUserId;
}

public static class DirectoryLimits
{
    public const int Ministry = 300;
    public const int Position = 300;
    public const int Message = 1000;
    public const int Shown = 50;
}

/// <summary>Who is in the directory and who sees whom (decision 0035). The officials of a process are those who may
/// <see cref="Operation.ViewDirectory"/> there (its secretariat, chair and member-state focal points, roles in force); an
/// official's profile is seen by the officials of the processes they share, and by platform administrators, unless they
/// chose to be left out. Nobody else finds, counts or reads it.</summary>
public static class DirectoryAccess
{
    /// <summary>The roles that put a person in a process's directory.</summary>
    public static ProcessRole[] Roles => AccessRules.ProcessOperations[Operation.ViewDirectory];

    /// <summary>The processes whose directory the reader reads (their roles are in force: <see cref="Features.Meetings.MeetingReaders"/>).</summary>
    public static List<int> ProcessesOf(MeetingReader reader) =>
        reader.Roles.Where(r => Roles.Contains(r.Role)).Select(r => r.ProcessId).Distinct().ToList();

    /// <summary>The role assignments (in force) that place a person in the directory of a process the reader reads.</summary>
    public static IQueryable<ProcessRoleAssignment> SharedWith(IQueryable<ProcessRoleAssignment> assignments, IQueryable<Membership> memberships,
        MeetingReader reader, DateOnly today)
    {
        var roles = Roles;
        var inForce = assignments.Where(RolesInForce.InForce(memberships, today)).Where(a => roles.Contains(a.Role));
        if (reader.IsPlatformAdministrator)
        {
            return inForce;
        }
        var processes = ProcessesOf(reader);
        return inForce.Where(a => processes.Contains(a.ProcessId));
    }

    /// <summary>The people the reader finds in the directory: officials of a process they share, not left out.</summary>
    public static IQueryable<AppUser> Listed(IQueryable<AppUser> users, IQueryable<ProcessRoleAssignment> shared, IQueryable<DirectoryProfile> profiles) =>
        users.Where(u => shared.Any(a => a.UserId == u.Id) && !profiles.Any(p => p.UserId == u.Id && p.LeftOut));
}

