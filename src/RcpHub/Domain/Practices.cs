using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>Where a practice stands: submitted and waiting for the secretariat, returned to its submitter with a note,
/// published to its audience, or withdrawn by its submitter before publication (who may submit it again).</summary>
public enum PracticeStatus
{
    Submitted,
    Returned,
    Published,
    Withdrawn,
}

/// <summary>A good practice a state, an organisation or the secretariat shares with a process (issue 12, decision 0032):
/// what was done in which country, over which years, with what results, under which themes and GCM objectives. The
/// process's secretariat reviews it and publishes it to the members or to everyone; members comment on it, and a member
/// state that adapted it says so (<see cref="PracticeAdaptation"/>). Who reads it: <see cref="PracticeAccess"/>.</summary>
public sealed class Practice : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }

    public required string Title { get; set; }

    /// <summary>The title as the duplicate rule compares it (<see cref="PracticeRules.TitleKey"/>).</summary>
    public required string TitleKey { get; set; }

    /// <summary>Who submitted it, as the duplicate rule compares it: "state:MAR", "organization:12".</summary>
    public required string SubmitterKey { get; set; }

    public required string Summary { get; set; }

    /// <summary>The country where the practice was carried out (ISO 3166 alpha-3).</summary>
    public required string StateCode { get; set; }
    public State? State { get; set; }

    /// <summary>The organisation that submitted it, when it came from one rather than from a state or the secretariat.</summary>
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public int FromYear { get; set; }
    public int? ToYear { get; set; }
    public string? Results { get; set; }
    public string? Contact { get; set; }

    /// <summary>The languages the practice is documented in (ISO 639-1 codes, space-separated).</summary>
    public string Languages { get; set; } = "en";

    public PracticeStatus Status { get; set; }
    public MeetingAudience Audience { get; set; } = MeetingAudience.MembersOnly;

    /// <summary>The secretariat's note when it returned the practice (kept after publication as the last word).</summary>
    public string? ReviewNote { get; set; }

    public required string SubmittedByUserId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public List<PracticeTheme> Themes { get; set; } = [];
    public List<PracticeObjective> Objectives { get; set; } = [];
    public List<PracticeComment> Comments { get; set; } = [];
    public List<PracticeAdaptation> Adaptations { get; set; } = [];
    public List<PracticeAttachment> Attachments { get; set; } = [];
}

/// <summary>A document attached to a practice (a report, an evaluation, a leaflet). It passed the document checks before it
/// was stored and is read by whoever may read the practice (<see cref="PracticeAccess"/>); listing a practice's files never
/// loads their bytes (a projection).</summary>
public sealed class PracticeAttachment : IBelongsToProcess
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public Practice? Practice { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Bytes { get; set; }
    public required string AddedByUserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    int IBelongsToProcess.ProcessId => Practice?.ProcessId ?? 0;
}

public sealed class PracticeTheme
{
    public int PracticeId { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>A GCM objective a practice serves (its number, 1 to 23: <see cref="GlobalFrameworks"/>).</summary>
public sealed class PracticeObjective
{
    public int PracticeId { get; set; }
    public int Objective { get; set; }
}

/// <summary>A member's comment on a published practice.</summary>
public sealed class PracticeComment
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>"We adapted this": a member state says it took the practice over, with a note on how. Links the practice's
/// country to the adapting state; one per state and practice (a second mark corrects the note).</summary>
public sealed class PracticeAdaptation
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public Practice? Practice { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }
    public required string Note { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class PracticeLimits
{
    public const int Title = 300;
    public const int Summary = 4000;
    public const int Results = 4000;
    public const int Contact = 300;
    public const int Note = 2000;
    public const int Comment = 4000;
    public const int Attachments = 5;
    public const int FirstYear = 1950;
}

public static class PracticeRules
{
    /// <summary>The title as two submissions are compared: letters and digits only, folded, single-spaced, so that
    /// "Job-matching  portal" and "job matching portal" are the same practice.</summary>
    public static string TitleKey(string title)
    {
        var key = string.Join(' ', SearchFolding.Words(SearchFolding.Fold(title)));
        return key.Length > PracticeLimits.Title ? key[..PracticeLimits.Title] : key;
    }

    /// <summary>Whether its submitter may change it and submit it again: once returned by the secretariat, or withdrawn.</summary>
    public static bool MaySubmitAgain(PracticeStatus status) => status is PracticeStatus.Returned or PracticeStatus.Withdrawn;

    /// <summary>Whether its submitter may withdraw it: until it is published.</summary>
    public static bool MayWithdraw(PracticeStatus status) => status is PracticeStatus.Submitted or PracticeStatus.Returned;

    public static string StateSubmitter(string stateCode) => "state:" + stateCode;

    public static string OrganizationSubmitter(int organizationId) => "organization:" + organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Who reads a practice (decision 0032). Published: a public one everyone, a members-only one the members of its
/// process as <see cref="MeetingAccess.MemberProcesses"/> counts them (the audience rule of outputs). Not yet published:
/// its submitter and the process's secretariat. Platform administrators read everything. The list, the page, the API
/// and the library search all filter with this one expression.</summary>
public static class PracticeAccess
{
    /// <summary>The processes where the reader is a member, those where they review submissions (the secretariat's), and
    /// who they are (an anonymous reader matches no submitter: no row has an empty user id).</summary>
    public sealed record Facts(List<int> Members, List<int> Reviews, string UserId);

    /// <summary>The rule, for a reader who is not a platform administrator (those read every practice).</summary>
    public static readonly Expression<Func<Practice, Facts, bool>> Rule = (p, f) =>
        (p.Status == PracticeStatus.Published && (p.Audience == MeetingAudience.Public || f.Members.Contains(p.ProcessId)))
        || f.Reviews.Contains(p.ProcessId)
        || p.SubmittedByUserId == f.UserId;

    public static Expression<Func<Practice, bool>> VisibleTo(MeetingReader reader) =>
        reader.IsPlatformAdministrator ? p => true : Rule.For(FactsOf(reader));

    /// <summary>What the rule needs to know of <paramref name="reader"/>.</summary>
    public static Facts FactsOf(MeetingReader reader) => new(
        MeetingAccess.MemberProcesses(reader),
        reader.Roles.Where(r => r.Role == ProcessRole.Secretariat).Select(r => r.ProcessId).Distinct().ToList(),
        reader.UserId ?? "");

    /// <summary>Only published practices reach the library's index: a submission is read by its reviewers on its own page.</summary>
    public static Expression<Func<Practice, bool>> Listed => p => p.Status == PracticeStatus.Published;
}
