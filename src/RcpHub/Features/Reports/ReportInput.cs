using System.ComponentModel.DataAnnotations;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Reports;

/// <summary>A session report as the form gives it: key points and recommendations one per line.</summary>
public sealed class SessionReportInput
{
    [Display(Name = "Summary")]
    [MultiLine]
    public string? Summary { get; set; }

    [Display(Name = "Discussion")]
    [MultiLine]
    public string? Discussion { get; set; }

    [Display(Name = "Key points (one per line)")]
    [MultiLine]
    public string? KeyPoints { get; set; }

    [Display(Name = "Recommendations raised (one per line)")]
    [MultiLine]
    public string? Recommendations { get; set; }

    public ReportDraft ToDraft() => new(Summary, Discussion, ReportDraft.Lines(KeyPoints), ReportDraft.Lines(Recommendations));

    public static SessionReportInput From(SessionReportView? report) => report is null ? new() : new()
    {
        Summary = report.Summary,
        Discussion = report.Discussion,
        KeyPoints = string.Join('\n', report.KeyPoints.Select(p => p.Text)),
        Recommendations = string.Join('\n', report.Recommendations.Select(p => p.Text)),
    };
}

/// <summary>A session report as the API gives it, and as both the form and the API check it.</summary>
public sealed record ReportDraft([property: MultiLine] string? Summary, [property: MultiLine] string? Discussion, IReadOnlyList<string>? KeyPoints, IReadOnlyList<string>? Recommendations)
{
    /// <summary>The non-empty lines of a text, trimmed, in order: one numbered point each.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

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
        else if (Summary.Trim().Length > ReportLimits.Summary)
        {
            errors.Add(new(nameof(Summary), "The summary is too long (4,000 characters at most)."));
        }
        if ((Discussion?.Trim().Length ?? 0) > ReportLimits.Discussion)
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

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? points) =>
        (points ?? []).SelectMany(p => Lines(p)).ToList();
}
