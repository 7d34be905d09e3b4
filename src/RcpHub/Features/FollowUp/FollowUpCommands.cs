using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;

namespace RcpHub.Features.FollowUp;

/// <summary>What a focal point enters for one report, on the page or through the API.</summary>
public sealed class ReportInput
{
    public ImplementationStatus? Status { get; set; }

    /// <summary>What was done.</summary>
    [MultiLine]
    public string? Action { get; set; }
    public string? ResponsibleMinistry { get; set; }

    [MultiLine]
    public string? EvidenceText { get; set; }

    /// <summary>Web addresses of evidence, one per line.</summary>
    [MultiLine]
    public string? Links { get; set; }
    public DateOnly? On { get; set; }

    /// <summary>The sequence of the report in force when the form was opened (0: none), so that a save made in between
    /// is noticed rather than silently followed.</summary>
    public int BasedOn { get; set; }

    /// <summary>The round the form was opened in (0: outside any round).</summary>
    public int RoundKey { get; set; }

    public List<string> LinkList() =>
        (Links ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static ReportInput From(ReportView? current, int roundKey) => new()
    {
        Status = current?.Status,
        Action = current?.Action,
        ResponsibleMinistry = current?.ResponsibleMinistry,
        EvidenceText = current?.EvidenceText,
        Links = current is null ? null : string.Join("\n", current.EvidenceLinks),
        On = current?.On,
        BasedOn = current is not null && current.RoundKey == roundKey ? current.Sequence : 0,
        RoundKey = roundKey,
    };
}

/// <summary>The outcome of a save.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>Another report was saved since the form was opened (or at the same instant): nothing was stored.</summary>
    Conflict,

    /// <summary>The round the form was opened in has closed (or another opened): nothing was stored.</summary>
    RoundChanged,
}

/// <summary>Saving follow-up, shared by the pages, the spreadsheet import and the API. A report is never changed by the
/// state: each save adds the next sequence and moves "in force" to it, in one save.</summary>
public static class FollowUpCommands
{
    /// <summary>The rules a report must meet, as (field, English message, argument) for the caller to translate.</summary>
    public static List<FieldError> Check(ReportInput input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(new(nameof(ReportInput.Status), "Choose a status from the list."));
        }
        if (input.On is not { } on)
        {
            errors.Add(new(nameof(ReportInput.On), "Give the date the situation was reached."));
        }
        else if (on > today)
        {
            errors.Add(new(nameof(ReportInput.On), "The date cannot be in the future."));
        }
        Length(errors, nameof(ReportInput.Action), input.Action, FollowUpLimits.Action);
        Length(errors, nameof(ReportInput.ResponsibleMinistry), input.ResponsibleMinistry, FollowUpLimits.Ministry);
        Length(errors, nameof(ReportInput.EvidenceText), input.EvidenceText, FollowUpLimits.EvidenceText);
        var links = input.LinkList();
        if (links.Count > FollowUpLimits.Links)
        {
            errors.Add(new(nameof(ReportInput.Links), "Give at most 20 links."));
        }
        else if (links.Any(l => l.Length > FollowUpLimits.Link || !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(new(nameof(ReportInput.Links), "Give full web addresses starting with http:// or https://, one per line."));
        }
        return errors;
    }

    private static void Length(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, max switch
            {
                FollowUpLimits.Action => "At most 8000 characters.",
                FollowUpLimits.Ministry => "At most 300 characters.",
                _ => "At most 4000 characters.",
            }));
        }
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Adds a checked report to the tracked changes: the next sequence in its round, in force there, the previous one
    /// no longer; and, among the pair's reports in force in every round (<paramref name="inForceOfPair"/>, tracked), the
    /// one in force across rounds marked again. The one place a report is written.</summary>
    private static FollowUpReport Add(AppDbContext db, IReadOnlyList<FollowUpReport> inForceOfPair, int processId, int recommendationId, string stateCode,
        int roundKey, ReportInput input, string userId, DateTimeOffset now, IReadOnlyList<CheckedFile> files)
    {
        foreach (var previous in inForceOfPair.Where(r => r.RoundKey == roundKey))
        {
            previous.IsLatest = false;
            previous.IsLatestAcrossRounds = false;
        }
        var report = new FollowUpReport
        {
            ProcessId = processId,
            RecommendationId = recommendationId,
            StateCode = stateCode,
            RoundId = roundKey == 0 ? null : roundKey,
            RoundKey = roundKey,
            Sequence = LatestSequence(inForceOfPair, roundKey) + 1,
            IsLatest = true,
            Status = input.Status!.Value,
            Action = Clean(input.Action),
            ResponsibleMinistry = Clean(input.ResponsibleMinistry),
            EvidenceText = Clean(input.EvidenceText),
            EvidenceLinks = input.LinkList(),
            On = input.On!.Value,
            ReportedByUserId = userId,
            ReportedAt = now,
            Review = ReviewState.Submitted,
        };
        FollowUpProgress.MarkLatestAcrossRounds([.. inForceOfPair.Where(r => r.RoundKey != roundKey), report]);
        db.FollowUpReports.Add(report);
        AddFiles(db, report, files);
        return report;
    }

    /// <summary>The sequence of the pair's report in force in the round (0: none yet): each save adds the next one and moves
    /// "in force" to it, so it is also the round's highest.</summary>
    private static int LatestSequence(IEnumerable<FollowUpReport> inForceOfPair, int roundKey) =>
        inForceOfPair.Where(r => r.RoundKey == roundKey).Select(r => r.Sequence).DefaultIfEmpty(0).Max();

    /// <summary>The state's reports in force (one per round) on the recommendations, tracked, for <see cref="Add"/>.</summary>
    private static async Task<ILookup<int, FollowUpReport>> InForceAsync(AppDbContext db, int processId, string stateCode, IReadOnlyCollection<int> recommendationIds, CancellationToken ct)
    {
        var ids = recommendationIds.ToList();
        return (await db.FollowUpReports.Where(r => r.ProcessId == processId && r.StateCode == stateCode && r.IsLatest && ids.Contains(r.RecommendationId)).ToListAsync(ct))
            .ToLookup(r => r.RecommendationId);
    }

    private static void AddFiles(AppDbContext db, FollowUpReport report, IReadOnlyList<CheckedFile> files)
    {
        foreach (var file in files)
        {
            db.FollowUpEvidenceFiles.Add(new FollowUpEvidenceFile
            {
                Report = report,
                FileName = file.FileName,
                ContentType = file.Kind.ContentType,
                Length = file.Bytes.Length,
                Content = new FollowUpEvidenceContent { Bytes = file.Bytes },
            });
        }
    }

    /// <summary>Checks uploaded evidence files (the document checks, at most <see cref="FollowUpLimits.Links"/> a report
    /// with the <paramref name="already"/> it has): the files that passed, and a message for each that did not.</summary>
    public static async Task<(List<CheckedFile> Files, List<string> Errors)> CheckFilesAsync(IEnumerable<IFormFile> uploads, int already,
        IConfiguration configuration, IStringLocalizer<DocumentsText> documentText, IStringLocalizer<FollowUpText> t, ILogger logger, CancellationToken ct)
    {
        var (files, errors) = await DocumentUpload.CheckFilesAsync(uploads, configuration, documentText, logger, ct);
        if (already + files.Count > FollowUpLimits.Links)
        {
            errors.Add(t["Give at most 20 files."]);
        }
        return (files, errors);
    }

    /// <summary>Adds checked evidence files to report <paramref name="reportId"/>, if it is still the state's latest in its
    /// round and not validated (the secretariat validated what it saw); false when it is not, and nothing is stored.</summary>
    public static async Task<bool> AddEvidenceAsync(AppDbContext db, int reportId, IReadOnlyList<CheckedFile> files, CancellationToken ct)
    {
        var report = await db.FollowUpReports.SingleAsync(r => r.Id == reportId, ct);
        if (!report.IsLatest || report.Review == ReviewState.Validated)
        {
            return false;
        }
        AddFiles(db, report, files);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Saves a checked report by the state on a recommendation addressed to it, into the round open now for the
    /// recommendation's output (or outside any round). Refused, with nothing stored, when the form was opened in another
    /// round, or when another report was saved since it was opened or at the same instant.</summary>
    public static async Task<(SaveOutcome Outcome, int? ReportId)> SaveReportAsync(AppDbContext db, TimeProvider clock, int processId, AskedRecommendation recommendation,
        string stateCode, string userId, ReportInput input, IReadOnlyList<CheckedFile> files, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var round = await FollowUpQueries.OpenRoundAsync(db, processId, recommendation.OutputId, now, ct);
        var roundKey = round?.Id ?? 0;
        if (roundKey != input.RoundKey)
        {
            return (SaveOutcome.RoundChanged, null);
        }
        var inForce = (await InForceAsync(db, processId, stateCode, [recommendation.Id], ct))[recommendation.Id].ToList();
        if (LatestSequence(inForce, roundKey) != input.BasedOn)
        {
            return (SaveOutcome.Conflict, null);
        }
        var report = Add(db, inForce, processId, recommendation.Id, stateCode, roundKey, input, userId, now, files);
        return await TrySaveAsync(db, [recommendation.OutputId], [roundKey], ct) ? (SaveOutcome.Saved, report.Id) : (SaveOutcome.Conflict, null);
    }

    /// <summary>Saves one report per row in one save: all or nothing. Each row's round is the one open now for its output.
    /// The rounds and the reports in force are read once for all rows (a 3,000-row sheet: two queries, then one save).</summary>
    public static async Task<bool> SaveRowsAsync(AppDbContext db, TimeProvider clock, int processId, string stateCode, string userId,
        IReadOnlyList<(AskedRecommendation Recommendation, ReportInput Input)> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rounds = await FollowUpQueries.OpenRoundsAsync(db, processId, rows.Select(r => r.Recommendation.OutputId).ToHashSet(), now, ct);
        var inForce = await InForceAsync(db, processId, stateCode, rows.Select(r => r.Recommendation.Id).ToHashSet(), ct);
        foreach (var (recommendation, input) in rows)
        {
            var roundKey = rounds[recommendation.OutputId]?.Id ?? 0;
            Add(db, inForce[recommendation.Id].ToList(), processId, recommendation.Id, stateCode, roundKey, input, userId, now, []);
        }
        return await TrySaveAsync(db, rows.Select(r => r.Recommendation.OutputId).ToHashSet(), rounds.Values.Select(r => r?.Id ?? 0).ToHashSet(), ct);
    }

    /// <summary>False when the unique (recommendation, state, round, sequence) index refused the save: another save of
    /// the same report came first. Nothing of this save is then stored or left tracked. Saved, the versions of the
    /// reports of <paramref name="outputIds"/> and <paramref name="roundIds"/> change in the same transaction
    /// (<see cref="FollowUpCountCache.ChangedAsync"/>).</summary>
    private static async Task<bool> TrySaveAsync(AppDbContext db, IReadOnlyCollection<int> outputIds, IReadOnlyCollection<int> roundIds, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (NumberedSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
        var outputs = outputIds.ToList();
        await FollowUpCountCache.ChangedAsync(db, db.Outputs.Where(o => outputs.Contains(o.Id)), roundIds, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The secretariat's review of one report: a clarification asked (with its note) or the report validated.</summary>
    public static async Task<bool> ReviewAsync(AppDbContext db, TimeProvider clock, int processId, int reportId, ReviewState review, string? note, string userId, CancellationToken ct)
    {
        var report = await db.FollowUpReports.SingleOrDefaultAsync(r => r.Id == reportId && r.ProcessId == processId, ct);
        if (report is null)
        {
            return false;
        }
        report.Review = review;
        report.ReviewNote = Clean(note);
        report.ReviewedByUserId = userId;
        report.ReviewedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await FollowUpCountCache.ChangedAsync(db, db.Outputs.Where(o => o.Recommendations.Any(r => r.Id == report.RecommendationId)), [report.RoundKey], ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Checks a review: a known decision other than "submitted", and a note when asking for clarification.</summary>
    public static List<FieldError> CheckReview(ReviewState? review, string? note)
    {
        var errors = new List<FieldError>();
        if (review is not (ReviewState.ClarificationAsked or ReviewState.Validated))
        {
            errors.Add(new("Decision", "Choose to ask for clarification or to validate."));
        }
        if (review == ReviewState.ClarificationAsked && string.IsNullOrWhiteSpace(note))
        {
            errors.Add(new("Note", "Say what needs clarifying."));
        }
        if (note is { Length: > FollowUpLimits.ReviewNote })
        {
            errors.Add(new("Note", "At most 4000 characters."));
        }
        return errors;
    }

    /// <summary>Replaces the process's labels in one language: an empty label goes back to the platform's.</summary>
    public static async Task SaveLabelsAsync(AppDbContext db, int processId, string language, IReadOnlyDictionary<ImplementationStatus, string?> labels, CancellationToken ct)
    {
        var existing = await db.StatusLabels.Where(l => l.ProcessId == processId && l.Language == language).ToListAsync(ct);
        foreach (var status in StatusLabels.All)
        {
            var wanted = labels.GetValueOrDefault(status)?.Trim();
            var have = existing.FirstOrDefault(l => l.Status == status);
            if (string.IsNullOrEmpty(wanted))
            {
                if (have is not null)
                {
                    db.StatusLabels.Remove(have);
                }
            }
            else if (have is null)
            {
                db.StatusLabels.Add(new StatusLabel { ProcessId = processId, Status = status, Language = language, Label = wanted });
            }
            else
            {
                have.Label = wanted;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
