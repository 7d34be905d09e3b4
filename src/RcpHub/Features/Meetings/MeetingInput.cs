using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure;
using RcpHub.Features.Processes;

namespace RcpHub.Features.Meetings;

/// <summary>A field and what is wrong with it, in the reader's language.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What the secretariat gives when it schedules or changes a meeting (form and API alike). Times are the
/// venue's wall-clock times in <see cref="TimeZone"/>.</summary>
public sealed class MeetingInput
{
    [Display(Name = "Title")]
    [Required(ErrorMessage = "Enter the title of the meeting.")]
    [StringLength(300, ErrorMessage = "The title is too long (300 characters at most).")]
    public string? Title { get; set; }

    [Display(Name = "Level")]
    public MeetingLevel Level { get; set; }

    [Display(Name = "Format")]
    public MeetingFormat Format { get; set; }

    [Display(Name = "Status")]
    public MeetingStatus Status { get; set; }

    [Display(Name = "Body of the process")]
    public int? BodyId { get; set; }

    [Display(Name = "Host state")]
    public string? HostStateCode { get; set; }

    [Display(Name = "Venue")]
    [StringLength(300, ErrorMessage = "The venue is too long (300 characters at most).")]
    public string? Venue { get; set; }

    [Display(Name = "Online link")]
    [StringLength(1000, ErrorMessage = "The online link is too long (1,000 characters at most).")]
    public string? OnlineUrl { get; set; }

    [Display(Name = "Time zone of the venue")]
    [Required(ErrorMessage = "Choose the time zone of the venue.")]
    public string? TimeZone { get; set; } = TimeZones.Utc;

    [Display(Name = "Starts (venue time)")]
    [Required(ErrorMessage = "Enter when the meeting starts.")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Ends (venue time)")]
    [Required(ErrorMessage = "Enter when the meeting ends.")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Working languages")]
    public List<string> WorkingLanguages { get; set; } = [];

    [Display(Name = "Who may see it")]
    public MeetingAudience Audience { get; set; } = MeetingAudience.MembersOnly;

    [Display(Name = "Other participating processes")]
    public List<int> ParticipatingProcessIds { get; set; } = [];

    [Display(Name = "Public summary")]
    [StringLength(8000, ErrorMessage = "The summary is too long (8,000 characters at most).")]
    [MultiLine]
    public string? PublicSummary { get; set; }

    [Display(Name = "Publish the summary")]
    public bool SummaryPublished { get; set; }

    /// <summary>The ids of the themes the meeting is about (from the themes list).</summary>
    [Display(Name = "Themes")]
    public List<int> ThemeIds { get; set; } = [];

    /// <summary>The GCM objectives it serves (1 to 23).</summary>
    [Display(Name = "GCM objectives")]
    public List<int> GcmObjectives { get; set; } = [];

    public static MeetingInput From(Meeting m) => new()
    {
        Title = m.Title,
        Level = m.Level,
        Format = m.Format,
        Status = m.Status,
        BodyId = m.BodyId,
        HostStateCode = m.HostStateCode,
        Venue = m.Venue,
        OnlineUrl = m.OnlineUrl,
        TimeZone = m.TimeZoneId,
        StartsAt = TimeZones.InZone(m.StartsAtUtc, m.TimeZoneId).DateTime,
        EndsAt = TimeZones.InZone(m.EndsAtUtc, m.TimeZoneId).DateTime,
        WorkingLanguages = [.. m.WorkingLanguages],
        Audience = m.Audience,
        ParticipatingProcessIds = m.ParticipatingProcesses.Select(p => p.ProcessId).ToList(),
        PublicSummary = m.PublicSummary,
        SummaryPublished = m.SummaryPublished,
        ThemeIds = [.. m.ThemeIds],
        GcmObjectives = [.. m.GcmObjectives],
    };

    /// <summary>The checks that need the database or more than one field (the attributes above are checked by the
    /// caller). Returns the errors, and the UTC instants of the start and end when the times are valid.</summary>
    public async Task<(List<FieldError> Errors, DateTimeOffset Starts, DateTimeOffset Ends)> CheckAsync(
        AppDbContext db, int processId, IStringLocalizer<MeetingsText> t, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string message) => errors.Add(new FieldError(field, message));

        if (!string.IsNullOrWhiteSpace(HostStateCode) && !await db.States.AnyAsync(s => s.Code == HostStateCode.ToUpperInvariant(), ct))
        {
            Fail(nameof(HostStateCode), t["There is no state with this code."]);
        }
        if (BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.ProcessId == processId, ct))
        {
            Fail(nameof(BodyId), t["Choose a body of this process."]);
        }
        if (string.IsNullOrWhiteSpace(Venue) && string.IsNullOrWhiteSpace(OnlineUrl))
        {
            Fail(nameof(Venue), t["Give a venue, an online link, or both."]);
        }
        if (!string.IsNullOrWhiteSpace(OnlineUrl) && !(Uri.TryCreate(OnlineUrl.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            Fail(nameof(OnlineUrl), t["Enter a full web address, starting with https://."]);
        }
        if (WorkingLanguages.Count == 0)
        {
            Fail(nameof(WorkingLanguages), t["Choose at least one working language."]);
        }
        else if (WorkingLanguages.Any(l => !Cultures.Supported.Contains(l)))
        {
            Fail(nameof(WorkingLanguages), t["Choose working languages from the list."]);
        }
        var others = ParticipatingProcessIds.Where(id => id != processId).Distinct().ToList();
        if (others.Count > 0 && Format != MeetingFormat.GlobalRcpMeeting)
        {
            Fail(nameof(ParticipatingProcessIds), t["Only a Global RCP Meeting has other participating processes."]);
        }
        else if (others.Count > 0 && await db.Processes.CountAsync(p => others.Contains(p.Id), ct) != others.Count)
        {
            Fail(nameof(ParticipatingProcessIds), t["Choose processes from the list."]);
        }

        var themes = ThemeIds.Distinct().ToList();
        if (!await ThemeTags.AreChosenWellAsync(db, themes, ct))
        {
            Fail(nameof(ThemeIds), t["Choose themes from the list."]);
        }
        if (GcmObjectives.Any(o => GlobalFrameworks.Objective(o) is null))
        {
            Fail(nameof(GcmObjectives), t["Choose GCM objectives from the list (1 to 23)."]);
        }

        DateTimeOffset starts = default, ends = default;
        if (!TimeZones.IsKnown(TimeZone))
        {
            Fail(nameof(TimeZone), t["Choose a time zone from the list."]);
        }
        else if (StartsAt is { } s && EndsAt is { } e)
        {
            var (startsUtc, endsUtc) = (VenueClock.Read(s, TimeZone!, nameof(StartsAt), t, errors), VenueClock.Read(e, TimeZone!, nameof(EndsAt), t, errors));
            if (startsUtc is { } a && endsUtc is { } b)
            {
                (starts, ends) = (a, b);
                if (b <= a)
                {
                    Fail(nameof(EndsAt), t["The meeting must end after it starts."]);
                }
            }
        }
        return (errors, starts, ends);
    }

    /// <summary>Copies the checked input onto the meeting.</summary>
    public void ApplyTo(Meeting m, int processId, DateTimeOffset starts, DateTimeOffset ends)
    {
        m.Title = Title!.Trim();
        m.Level = Level;
        m.Format = Format;
        m.Status = Status;
        m.BodyId = BodyId;
        m.HostStateCode = string.IsNullOrWhiteSpace(HostStateCode) ? null : HostStateCode.Trim().ToUpperInvariant();
        m.Venue = string.IsNullOrWhiteSpace(Venue) ? null : Venue.Trim();
        m.OnlineUrl = string.IsNullOrWhiteSpace(OnlineUrl) ? null : OnlineUrl.Trim();
        m.TimeZoneId = TimeZone!;
        m.StartsAtUtc = starts;
        m.EndsAtUtc = ends;
        m.WorkingLanguages = Cultures.Supported.Where(WorkingLanguages.Contains).ToList();
        m.Audience = Audience;
        m.PublicSummary = string.IsNullOrWhiteSpace(PublicSummary) ? null : PublicSummary.Trim();
        m.SummaryPublished = SummaryPublished && m.PublicSummary is not null;
        m.ThemeIds = [.. ThemeIds.Distinct().Order()];
        m.GcmObjectives = [.. GcmObjectives.Distinct().Order()];
        var wanted = ParticipatingProcessIds.Where(id => id != processId).ToHashSet();
        m.ParticipatingProcesses.RemoveAll(p => !wanted.Contains(p.ProcessId));
        foreach (var id in wanted.Where(id => m.ParticipatingProcesses.All(p => p.ProcessId != id)))
        {
            m.ParticipatingProcesses.Add(new MeetingProcess { ProcessId = id });
        }
    }
}
