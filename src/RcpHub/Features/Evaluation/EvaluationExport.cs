using RcpHub.Domain;

namespace RcpHub.Features.Evaluation;

/// <summary>The evaluation report as one table for CSV and XLSX (written by TableExport): a row per recommendation,
/// state, theme and GCM objective, and one for the whole round, each with the same figures as the page; then the whole
/// grid, a row per state and recommendation asked (its status counted as 1), which the page shows whole only for small
/// rounds (<see cref="EvaluationFigures.WholeGridPairs"/>).</summary>
public static class EvaluationExport
{
    public static IEnumerable<IReadOnlyList<object?>> Rows(EvaluationReport report, EvaluationLabels labels)
    {
        var t = labels.Text;
        var current = report.Current;
        var previous = report.Previous;
        var header = new List<object?> { t["Figures by"].Value, t["Code"].Value, t["Name"].Value, t["Asked"].Value, t["Reported"].Value };
        header.AddRange(EvaluationReport.Statuses.Select(s => (object?)labels.Status(s)));
        header.AddRange([labels.NotReported, t["Implemented share (%)"].Value, t["Previous round: implemented share (%)"].Value]);
        yield return header;

        IReadOnlyList<object?> Row(string by, string code, string name, Tally tally, Tally? before)
        {
            var row = new List<object?> { by, code, name, tally.Asked, tally.Reported };
            row.AddRange(EvaluationReport.Statuses.Select(s => (object?)tally.Count(s)));
            row.AddRange([tally.NotReported, Percent(tally.ShareImplemented), Percent(before?.ShareImplemented)]);
            return row;
        }

        yield return Row(t["Round"], current.Round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), current.Round.Title, current.Overall, previous?.Overall);
        foreach (var r in current.Recommendations)
        {
            yield return Row(t["Recommendation"], $"{r.OutputId}.{r.Number}", $"{r.OutputTitle}: {labels.Recommendation(r)}",
                current.ByRecommendation.GetValueOrDefault(r.Id) ?? new Tally(), previous?.ByRecommendation.GetValueOrDefault(r.Id));
        }
        foreach (var code in current.States)
        {
            yield return Row(t["State"], code, report.StateName(code), current.ByState[code], previous?.ByState.GetValueOrDefault(code));
        }
        foreach (var (id, name) in report.Themes)
        {
            yield return Row(t["Theme"], id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, current.ByTheme[id], previous?.ByTheme.GetValueOrDefault(id));
        }
        foreach (var o in report.GcmObjectives)
        {
            yield return Row(t["Objective"], o.ToString(System.Globalization.CultureInfo.InvariantCulture), EvaluationLabels.Objective(o), current.ByGcmObjective[o], previous?.ByGcmObjective.GetValueOrDefault(o));
        }
        if (!current.WholeGrid)
        {
            yield break;
        }
        var statuses = current.Statuses!;
        foreach (var code in current.States)
        {
            foreach (var r in current.Recommendations.Where(r => r.AskedStates.Contains(code)))
            {
                var pair = new Addressed(r.Id, code);
                yield return Row(t["State and recommendation"], $"{code} {r.OutputId}.{r.Number}", $"{report.StateName(code)}: {r.OutputTitle}: {labels.Recommendation(r)}",
                    FollowUpProgress.Overall([pair], statuses), null);
            }
        }
    }

    /// <summary>A whole percentage, or an empty cell when no recommendation applies.</summary>
    private static object? Percent(double? share) => share is { } s ? (int)Math.Round(s * 100, MidpointRounding.AwayFromZero) : null;
}
