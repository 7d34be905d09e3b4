using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.DataRequests;

/// <summary>The compilation of a request's submitted answers: a bar chart per number question, drawn on the server as
/// SVG like the evaluation report's (one labelled image, no script, the table of the same figures beside it), and the
/// rows of the CSV and XLSX files, one per state and question with the answer's source.</summary>
public static class DataRequestCompilation
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>One bar per state that gave a figure, longest first; negative figures are drawn as empty bars (their
    /// value is in the label and the table).</summary>
    public static string Chart(QuestionRow question, IEnumerable<ResponseRow> submitted, string title, string description) =>
        Chart(question.Number.ToString(CultureInfo.InvariantCulture), submitted.Select(r => (r.StateName, Answer: r.To(question.Id)))
            .Where(x => x.Answer?.Number is not null)
            .Select(x => (x.StateName, x.Answer!.Number!.Value, RequestView.Show(question, x.Answer))), title, description);

    /// <summary>A table's number column: one bar per state, its rows' total in the column.</summary>
    public static string Chart(QuestionRow question, int column, IEnumerable<ResponseRow> submitted, string title, string description) =>
        Chart($"{question.Number.ToString(CultureInfo.InvariantCulture)}-{column.ToString(CultureInfo.InvariantCulture)}", submitted
            .Select(r => (r.StateName, Figures: QuestionRow.Figures(r.To(question.Id)?.Rows ?? [], column).ToList()))
            .Where(x => x.Figures.Count > 0)
            .Select(x => (x.StateName, x.Figures.Sum(), $"{x.Figures.Sum().ToString("#,0.######", CultureInfo.CurrentCulture)} {question.Columns[column].Unit}".TrimEnd())),
            title, description);

    private static string Chart(string key, IEnumerable<(string StateName, decimal Value, string Label)> values, string title, string description)
    {
        const double Left = 170, Width = 640, Row = 26, Bar = 16;
        var figures = values.OrderByDescending(x => x.Value).ToList();
        var plot = Width - Left - 150;
        var max = figures.Count == 0 ? 0 : figures.Max(f => f.Value);
        var id = $"data-chart-{key}";
        var bars = figures.Select((f, i) =>
        {
            var y = 4 + (i * Row);
            var w = max <= 0 || f.Value <= 0 ? 0 : (double)(f.Value / max) * plot;
            return new XElement(Svg + "g",
                Text(Left - 8, y + 13, "end", f.StateName),
                new XElement(Svg + "rect", new XAttribute("x", N(Left)), new XAttribute("y", N(y)), new XAttribute("width", N(w)), new XAttribute("height", N(Bar)),
                    new XAttribute("fill", "#2f6f9f"), new XElement(Svg + "title", $"{f.StateName}: {f.Label}")),
                Text(Left + w + 6, y + 13, "start", f.Label));
        });
        var root = new XElement(Svg + "svg",
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N((Row * Math.Max(1, figures.Count)) + 8)}"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), description),
            bars);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Text(double x, double y, string anchor, string content) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", 13), new XAttribute("fill", "#333"), content);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The table of the CSV and XLSX files: a row per question and state asked, numbers as numbers, each with
    /// its source (the state, who submitted, when); a state that has not submitted has an empty answer. A table
    /// question gives a row per cell of each state's rows, named by its row number and column.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(RequestView request, IStringLocalizer<DataRequestsText> t)
    {
        yield return [t["Question"].Value, t["Question asked"].Value, t["State code"].Value, t["State"].Value, t["Number"].Value, t["Unit"].Value,
            t["Year"].Value, t["Answer"].Value, t["Submitted by"].Value, t["Submitted at (UTC)"].Value, t["Row"].Value, t["Column"].Value, t["Requested by"].Value];
        // The state that proposed the request, on every line (empty when the secretariat wrote it): a line read alone still says it.
        var requestedBy = request.Proposal?.StateName;
        foreach (var q in request.Questions)
        {
            foreach (var r in request.Responses)
            {
                var a = r.SubmittedAt is null ? null : r.To(q.Id);
                var by = r.SubmittedAt is null ? null : r.SubmittedBy;
                var at = r.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                if (q.Kind == DataQuestionKind.Table && a is { Rows.Count: > 0 })
                {
                    for (var row = 0; row < a.Rows.Count; row++)
                    {
                        for (var c = 0; c < q.Columns.Count; c++)
                        {
                            var column = q.Columns[c];
                            decimal? number = column.Kind == DataQuestionKind.Figure ? QuestionRow.Figures([a.Rows[row]], c).Cast<decimal?>().FirstOrDefault() : null;
                            yield return [q.Number, q.Text, r.StateCode, r.StateName, number, column.Unit, null, q.Cell(c, a.Rows[row]), by, at, row + 1, column.Name, requestedBy];
                        }
                    }
                    continue;
                }
                yield return [q.Number, q.Text, r.StateCode, r.StateName, a?.Number, q.Kind == DataQuestionKind.Figure ? q.Unit : null, a?.Year,
                    a is null ? null : RequestView.Show(q, a), by, at, null, null, requestedBy];
            }
        }
    }
}
