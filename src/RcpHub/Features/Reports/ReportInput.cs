using System.ComponentModel.DataAnnotations;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Reports;

/// <summary>A session report as the form gives it, pasted as the rapporteur has it (<see cref="ReportText"/>): wrapped
/// lines make paragraphs, numbered lines make points.</summary>
public sealed class SessionReportInput
{
    [Display(Name = "Summary")]
    [MultiLine]
    public string? Summary { get; set; }

    [Display(Name = "Discussion")]
    [MultiLine]
    public string? Discussion { get; set; }

    [Display(Name = "Key points (numbered, or one per line)")]
    [MultiLine]
    public string? KeyPoints { get; set; }

    [Display(Name = "Recommendations raised (numbered, or one per line)")]
    [MultiLine]
    public string? Recommendations { get; set; }

    public ReportDraft ToDraft() => new(ReportText.Stored(Summary), ReportText.Stored(Discussion), ReportText.Points(KeyPoints), ReportText.Points(Recommendations));

    /// <summary>The form as it will be saved (paragraphs joined, points numbered): what the preview gives back to edit.</summary>
    public static SessionReportInput From(ReportDraft draft) => new()
    {
        Summary = ReportText.Editable(draft.Summary),
        Discussion = ReportText.Editable(draft.Discussion),
        KeyPoints = ReportText.Numbered(draft.CleanKeyPoints),
        Recommendations = ReportText.Numbered(draft.CleanRecommendations),
    };

    public static SessionReportInput From(SessionReportView? report) => report is null ? new() : new()
    {
        Summary = ReportText.Editable(report.Summary),
        Discussion = ReportText.Editable(report.Discussion),
        KeyPoints = ReportText.Numbered(report.KeyPoints.Select(p => p.Text)),
        Recommendations = ReportText.Numbered(report.Recommendations.Select(p => p.Text)),
    };
}

/// <summary>A session report as the API gives it, and as both the form and the API check it.</summary>
public sealed record ReportDraft([property: MultiLine] string? Summary, [property: MultiLine] string? Discussion, IReadOnlyList<string>? KeyPoints, IReadOnlyList<string>? Recommendations)
{
    public IReadOnlyList<string> CleanKeyPoints => Clean(KeyPoints);
    public IReadOnlyList<string> CleanRecommendations => Clean(Recommendations);

    /// <summary>What is wrong with the draft, as English message keys per field (empty when it may be saved).</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Summary))
        {
            errors.Add(new(nameof(Summary), "Enter the summary of the session."));
        }
        else if (ReportText.Lf(Summary).Trim().Length > ReportLimits.Summary)
        {
            errors.Add(new(nameof(Summary), "The summary is too long (4,000 characters at most)."));
        }
        if (ReportText.Lf(Discussion).Trim().Length > ReportLimits.Discussion)
        {
            errors.Add(new(nameof(Discussion), "The discussion is too long (20,000 characters at most)."));
        }
        CheckPoints(nameof(KeyPoints), CleanKeyPoints, errors);
        CheckPoints(nameof(Recommendations), CleanRecommendations, errors);
        return errors;
    }

    private static void CheckPoints(string field, IReadOnlyList<string> points, List<FieldError> errors)
    {
        if (points.Count > ReportLimits.PointsPerKind)
        {
            errors.Add(new(field, "There are too many lines (100 at most)."));
        }
        if (points.Any(p => p.Length > ReportLimits.Point))
        {
            errors.Add(new(field, "A line is too long (1,000 characters at most)."));
        }
    }

    /// <summary>Each point as stored: line ends made LF, trimmed, empty ones left out. A point may hold paragraphs
    /// separated by a blank line.</summary>
    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? points) =>
        (points ?? []).Select(p => ReportText.Lf(p).Trim()).Where(p => p.Length > 0).ToList();
}
