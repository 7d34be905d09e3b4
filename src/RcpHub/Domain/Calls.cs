using System.Globalization;
using System.Security.Cryptography;

namespace RcpHub.Domain;

/// <summary>How a call turns scores into a selection (published with the call, see docs/selection-methods.md).</summary>
public enum SelectionMethod
{
    ScoreOptimal,
    FairLottery,
}

/// <summary>The gender of an application's proposed representative, one of the call's balance traits.</summary>
public enum RepresentativeGender
{
    Female,
    Male,
    NonBinary,
    Undisclosed,
}

/// <summary>Where an application stands, as its applicant sees it.</summary>
public enum ApplicationOutcome
{
    Pending,
    Selected,
    NotSelected,
}

public static class CallLimits
{
    public const int Title = 200;
    public const int Text = 4000;
    public const int Reason = 1000;
    public const int Name = 200;
    public const int Trait = 40;
    public const int Value = 80;
    public const int Countries = 1000;
    public const int MaxScore = 10;
    public const int MaxCriteria = 12;
    public const int MaxTargets = 40;
    public const int Attachments = 5;
}

/// <summary>A call for participation of civil society organisations in a process (or one of its meetings): places,
/// eligibility, weighted criteria, balance targets, the method, all fixed when it is published and changed after that
/// only with a reason (<see cref="CallChange"/>) told to the applicants.</summary>
public sealed class ParticipationCall : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }

    /// <summary>The meeting the selected organisations are invited to; none for a call for the process as a whole.</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public required string Title { get; set; }
    public required string Eligibility { get; set; }
    public int Places { get; set; }
    public bool TravelFunded { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public SelectionMethod Method { get; set; }

    /// <summary>For a lottery: the weighted score an application needs to enter the draw.</summary>
    public decimal? LotteryThreshold { get; set; }

    /// <summary>Days after the report's publication during which an applicant may appeal.</summary>
    public int AppealDays { get; set; } = 14;

    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The engine's proposal, as JSON (keys, scores, what each target cost, or which targets conflict).</summary>
    public string? Proposal { get; set; }
    public DateTimeOffset? ProposedAt { get; set; }

    /// <summary>A lottery's seed, kept secret until the draw; its SHA-256 commitment is published before.</summary>
    public string? Seed { get; set; }
    public string? SeedCommitment { get; set; }
    public DateTimeOffset? DrawnAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? ReportPublishedAt { get; set; }

    public List<CallCriterion> Criteria { get; set; } = [];
    public List<CallTarget> Targets { get; set; } = [];
    public List<CallRegion> Regions { get; set; } = [];
    public List<CallChange> Changes { get; set; } = [];
    public List<CallPanelMember> Panel { get; set; } = [];

    public bool IsPublished => PublishedAt is not null;

    public bool AcceptsApplicationsAt(DateTimeOffset now) => PublishedAt is not null && now < Deadline;

    /// <summary>The routes places are split between (a route target fixes its share exactly); empty for one open call.</summary>
    public IReadOnlyList<string> Routes => [.. Targets.Where(t => t.Trait == CallTraits.Route).Select(t => t.Value).Distinct()];
}

public sealed class CallCriterion : IBelongsToProcess
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public ParticipationCall? Call { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public int Weight { get; set; }

    int IBelongsToProcess.ProcessId => Call?.ProcessId ?? 0;
}

/// <summary>At least <see cref="Min"/> and at most <see cref="Max"/> selected applications whose trait has this value.</summary>
public sealed class CallTarget : IBelongsToProcess
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public ParticipationCall? Call { get; set; }
    public required string Trait { get; set; }
    public required string Value { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }

    int IBelongsToProcess.ProcessId => Call?.ProcessId ?? 0;
}

/// <summary>A region as the call defines it: a named group of countries (ISO alpha-3, space separated).</summary>
public sealed class CallRegion : IBelongsToProcess
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public ParticipationCall? Call { get; set; }
    public required string Name { get; set; }
    public required string Countries { get; set; }

    public IEnumerable<string> CountryCodes => Countries.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    int IBelongsToProcess.ProcessId => Call?.ProcessId ?? 0;
}

/// <summary>A change to a published call, shown on it with its date and reason.</summary>
public sealed class CallChange : IBelongsToProcess
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public ParticipationCall? Call { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedByUserId { get; set; }
    public required string Reason { get; set; }

    int IBelongsToProcess.ProcessId => Call?.ProcessId ?? 0;
}

/// <summary>A person on a call's selection panel: secretariat staff, or civil society members themselves.</summary>
public sealed class CallPanelMember : IBelongsToProcess
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public ParticipationCall? Call { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    int IBelongsToProcess.ProcessId => Call?.ProcessId ?? 0;
}

/// <summary>One organisation's application to one call. The organisation's traits are copied when it applies, so that
/// a later change in the registry does not change a selection already made on them.</summary>
public sealed class CallApplication : IBelongsToProcess
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public ParticipationCall? Call { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>The name the published inputs and the report use instead of the organisation's.</summary>
    public required string Pseudonym { get; set; }

    public required string SubmittedByUserId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public string? Route { get; set; }
    public required string Motivation { get; set; }
    public required string RepresentativeName { get; set; }
    public required string RepresentativeEmail { get; set; }
    public RepresentativeGender RepresentativeGender { get; set; }
    public bool FirstTime { get; set; }

    /// <summary>What the applicant declares of its links with the process or the panel; empty when none.</summary>
    public string? ConflictOfInterest { get; set; }

    public required string CountryCode { get; set; }
    public CivilSocietyType OrganizationType { get; set; }
    public bool MigrantLed { get; set; }

    public ApplicationOutcome Outcome { get; set; }

    /// <summary>Why the panel departed from the proposal for this application; null when it followed it.</summary>
    public string? DepartureReason { get; set; }

    public List<CallScore> Scores { get; set; } = [];
    public List<CallConflict> Conflicts { get; set; } = [];
    public List<CallApplicationAttachment> Attachments { get; set; } = [];

    int IBelongsToProcess.ProcessId => Call?.ProcessId ?? 0;

    /// <summary>A pseudonym that says nothing about the organisation.</summary>
    public static string NewPseudonym() => "A-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
}

/// <summary>A file an organisation attaches to its application (a work plan, a letter of support, its latest report). It
/// passed the document checks before it was stored, and is read by whoever may read the application: the applicant's
/// people, the call's panel and its secretariat. Listing an application's files never loads their bytes (a projection).</summary>
public sealed class CallApplicationAttachment : IBelongsToProcess
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public CallApplication? Application { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Bytes { get; set; }

    int IBelongsToProcess.ProcessId => Application?.Call?.ProcessId ?? 0;
}

/// <summary>One panel member's score of one application on one criterion, recorded with who and when.</summary>
public sealed class CallScore : IBelongsToProcess
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public CallApplication? Application { get; set; }
    public int CriterionId { get; set; }
    public required string UserId { get; set; }
    public int Value { get; set; }
    public DateTimeOffset ScoredAt { get; set; }

    int IBelongsToProcess.ProcessId => Application?.Call?.ProcessId ?? 0;
}

/// <summary>A panel member's declared conflict with an application: they cannot score it.</summary>
public sealed class CallConflict : IBelongsToProcess
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public CallApplication? Application { get; set; }
    public required string UserId { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }

    int IBelongsToProcess.ProcessId => Application?.Call?.ProcessId ?? 0;
}

/// <summary>The traits balance targets name, as the selection engine reads them from an application.</summary>
public static class CallTraits
{
    public const string Route = "route";
    public const string Country = "country";
    public const string Region = "region";
    public const string Type = "type";
    public const string MigrantLed = "migrantLed";
    public const string Gender = "gender";
    public const string FirstTime = "firstTime";

    public static readonly string[] All = [Route, Country, Region, Type, MigrantLed, Gender, FirstTime];

    /// <summary>The application's traits from its snapshot; the region is the first of the call's regions holding its country.</summary>
    public static Dictionary<string, string> Of(CallApplication application, IEnumerable<CallRegion> regions)
    {
        var traits = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Country] = application.CountryCode,
            [Type] = application.OrganizationType.ToString(),
            [MigrantLed] = application.MigrantLed ? "yes" : "no",
            [Gender] = GenderValue(application.RepresentativeGender),
            [FirstTime] = application.FirstTime ? "yes" : "no",
        };
        if (application.Route is { } route)
        {
            traits[Route] = route;
        }
        if (regions.FirstOrDefault(r => r.CountryCodes.Contains(application.CountryCode, StringComparer.Ordinal)) is { } region)
        {
            traits[Region] = region.Name;
        }
        return traits;
    }

    public static string GenderValue(RepresentativeGender gender) => gender switch
    {
        RepresentativeGender.Female => "female",
        RepresentativeGender.Male => "male",
        RepresentativeGender.NonBinary => "nonBinary",
        _ => "undisclosed",
    };
}

/// <summary>How scores become an application's score: each panel member's weighted mean over the criteria, averaged over
/// the members who scored it, rounded to two decimals (the published inputs carry exactly this number).</summary>
public static class CallScoring
{
    public static decimal? WeightedScore(IEnumerable<CallCriterion> criteria, IEnumerable<CallScore> scores)
    {
        var weights = criteria.ToDictionary(c => c.Id, c => c.Weight);
        var totalWeight = weights.Values.Sum();
        if (totalWeight == 0)
        {
            return null;
        }
        var perMember = scores.Where(s => weights.ContainsKey(s.CriterionId)).GroupBy(s => s.UserId)
            .Where(g => g.Count() == weights.Count)
            .Select(g => g.Sum(s => (decimal)s.Value * weights[s.CriterionId]) / totalWeight)
            .ToList();
        return perMember.Count == 0 ? null : Math.Round(perMember.Average(), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether every panel member without a conflict has scored the application: only then may the panel see
    /// one another's scores of it.</summary>
    public static bool AllScored(IEnumerable<string> panel, CallApplication application) =>
        panel.Where(p => !application.Conflicts.Any(c => c.UserId == p)).All(p => application.Scores.Any(s => s.UserId == p));

    public static string Format(decimal score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
