using System.Globalization;
using System.Text;
using System.Xml.Linq;
using RcpHub.Domain;
using RcpHub.Features.Map;

namespace RcpHub.Features.Evaluation;

/// <summary>The evaluation report's pictures, drawn on the server as SVG in the style of the representation chart and
/// the maps: no script, one labelled image each for screen readers (role="img", a title and a description), shades
/// set by attribute and told apart by a mark too, and always a table of the same figures beside them.</summary>
public static class EvaluationCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ImplementationStatus?[] Segments = [.. EvaluationReport.Statuses.Select(s => (ImplementationStatus?)s), null];

    private static XElement Root(string id, double width, double height, string title, string description, params object[] content) =>
        new(Svg + "svg",
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), description),
            content);

    private static XElement Text(double x, double y, string anchor, object content, string fill = "#333", int size = 13) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", size), new XAttribute("fill", fill), content);

    private static XElement Box(double x, double y, double w, double h, ImplementationStatus? status, string tooltip) =>
        new(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(w)), new XAttribute("height", N(h)),
            new XAttribute("fill", EvaluationLabels.Colour(status)), new XAttribute("stroke", "#777"), new XAttribute("stroke-width", "0.5"),
            new XElement(Svg + "title", tooltip));

    private static IEnumerable<XElement> Legend(double x, double y, EvaluationLabels labels) =>
        Segments.SelectMany((s, i) => new[]
        {
            Box(x, y + (22 * i), 16, 16, s, s is { } st ? labels.Status(st) : labels.NotReported),
            Text(x + 8, y + (22 * i) + 13, "middle", EvaluationLabels.Mark(s), EvaluationLabels.Ink(s), 12),
            Text(x + 24, y + (22 * i) + 13, "start", s is { } status ? labels.Status(status) : labels.NotReported),
        });

    /// <summary>One bar per recommendation, split by status in proportion to the states asked.</summary>
    public static string ProgressBars(EvaluationReport report, EvaluationLabels labels, string title, string description)
    {
        const double Left = 140, Width = 640, Row = 28, BarHeight = 18;
        var recommendations = report.Current.Recommendations;
        var plot = Width - Left - 10;
        var height = (Row * recommendations.Count) + 10;
        var bars = recommendations.Select((r, i) =>
        {
            var tally = report.Current.ByRecommendation.GetValueOrDefault(r.Id);
            var y = 5 + (i * Row);
            var x = Left;
            var parts = new List<XElement> { Text(Left - 8, y + 14, "end", labels.Recommendation(r)) };
            if (tally is null || tally.Asked == 0)
            {
                return new XElement(Svg + "g", parts);
            }
            foreach (var s in Segments)
            {
                var count = s is { } status ? tally.Count(status) : tally.NotReported;
                if (count == 0)
                {
                    continue;
                }
                var w = plot * count / tally.Asked;
                var name = s is { } st ? labels.Status(st) : labels.NotReported;
                parts.Add(Box(x, y, w, BarHeight, s, $"{labels.Recommendation(r)}, {name}: {count.ToString(CultureInfo.CurrentCulture)}"));
                if (w >= 14)
                {
                    parts.Add(Text(x + (w / 2), y + 13, "middle", EvaluationLabels.Mark(s), EvaluationLabels.Ink(s), 12));
                }
                x += w;
            }
            return new XElement(Svg + "g", parts);
        });
        var root = Root("evaluation-bars", Width, height + (22 * Segments.Length) + 10, title, description, bars, Legend(Left, height + 5, labels));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The same bars for a round too large to give each segment its own shape (above
    /// <see cref="EvaluationFigures.WholeGridPairs"/> pairs): every segment of one status is a stretch of ONE path (a
    /// line as thick as a bar), and the bars' numbers are the spans of ONE text, so that 200 bars weigh a few kilobytes
    /// instead of a rectangle with its tooltip and mark per segment. Without marks, the segments are still told apart
    /// without colour by their order, always the legend's; the numbers a tooltip gave are in the table beside it, and
    /// the picture stays one labelled image.</summary>
    public static string ProgressPaths(EvaluationReport report, EvaluationLabels labels, string title, string description)
    {
        const double Left = 140, Width = 640, Row = 28, BarHeight = 18;
        var recommendations = report.Current.Recommendations;
        var plot = Width - Left - 10;
        var height = (Row * recommendations.Count) + 10;
        var paths = Segments.ToDictionary(s => s ?? (ImplementationStatus)(-1), _ => new StringBuilder());
        var ends = new Dictionary<ImplementationStatus, (double X, double Y)>();
        var names = new XElement(Svg + "text", new XAttribute("text-anchor", "end"), new XAttribute("font-size", 13), new XAttribute("fill", "#333"));
        foreach (var (r, i) in recommendations.Select((r, i) => (r, i)))
        {
            var y = 5 + (i * Row);
            names.Add(new XElement(Svg + "tspan", new XAttribute("x", N(Left - 8)), new XAttribute("y", N(y + 14)), r.Number.ToString(CultureInfo.CurrentCulture)));
            var tally = report.Current.ByRecommendation.GetValueOrDefault(r.Id);
            if (tally is null || tally.Asked == 0)
            {
                continue;
            }
            // Whole pixels: the bars are 490 wide, and rounding every edge (not every width) keeps them flush.
            var done = 0;
            foreach (var s in Segments)
            {
                var count = s is { } status ? tally.Count(status) : tally.NotReported;
                if (count == 0)
                {
                    continue;
                }
                var from = (int)Math.Round(plot * done / tally.Asked);
                done += count;
                var to = (int)Math.Round(plot * done / tally.Asked);
                if (to > from)
                {
                    // Each stretch moves from where the status's last one ended (bars 28 apart): the same few small
                    // numbers over and over, which compress to a third of the absolute positions.
                    var key = s ?? (ImplementationStatus)(-1);
                    var (x0, y0) = (Left + from, y + (BarHeight / 2));
                    var (move, dx, dy) = ends.TryGetValue(key, out var end) ? ('m', x0 - end.X, y0 - end.Y) : ('M', x0, y0);
                    paths[key].Append(CultureInfo.InvariantCulture, $"{move}{N(dx)} {N(dy)}h{to - from}");
                    ends[key] = (x0 + to - from, y0);
                }
            }
        }
        var shapes = Segments.Select(s => paths[s ?? (ImplementationStatus)(-1)] is { Length: > 0 } d
            ? new XElement(Svg + "path", new XAttribute("d", d.ToString()), new XAttribute("fill", "none"),
                new XAttribute("stroke", EvaluationLabels.Colour(s)), new XAttribute("stroke-width", N(BarHeight)))
            : null);
        var root = Root("evaluation-bars", Width, height + (22 * Segments.Length) + 10, title, description, names, shapes, Legend(Left, height + 5, labels));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>States down, recommendations across: each cell shaded and marked by the status the state reported.</summary>
    public static string HeatMap(EvaluationReport report, EvaluationLabels labels, string title, string description)
    {
        const double Left = 150, Top = 26, Cell = 30, RowHeight = 24;
        var recommendations = report.Current.Recommendations;
        var states = report.Current.States;
        var width = Left + (Cell * Math.Max(1, recommendations.Count)) + 10;
        var height = Top + (RowHeight * states.Count) + 10;
        var header = recommendations.Select((r, j) => Text(Left + (j * Cell) + (Cell / 2), Top - 8, "middle", r.Number.ToString(CultureInfo.CurrentCulture)));
        var rows = states.Select((code, i) =>
        {
            var y = Top + (i * RowHeight);
            var name = report.StateName(code);
            var cells = recommendations.Select((r, j) =>
            {
                if (!r.AskedStates.Contains(code))
                {
                    return null;
                }
                var status = report.Current.StatusOf(r.Id, code);
                var label = status is { } s ? labels.Status(s) : labels.NotReported;
                var x = Left + (j * Cell);
                return new XElement(Svg + "g",
                    Box(x + 1, y + 1, Cell - 2, RowHeight - 2, status, $"{name}, {labels.Recommendation(r)}: {label}"),
                    Text(x + (Cell / 2), y + 17, "middle", EvaluationLabels.Mark(status), EvaluationLabels.Ink(status), 13));
            }).OfType<XElement>();
            return new XElement(Svg + "g", Text(Left - 8, y + 17, "end", name), cells);
        });
        var legendWidth = Math.Max(width, 320);
        var root = Root("evaluation-heat", legendWidth, height + (22 * Segments.Length) + 10, title, description, header, rows, Legend(10, height + 5, labels));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The implemented share of every round up to this one, as columns numbered like the table beside them.</summary>
    public static string Trend(EvaluationReport report, string title, string description)
    {
        const double Left = 44, Top = 20, Plot = 160, Slot = 60, Bottom = 24;
        var rounds = report.Trend;
        var width = Left + (Slot * rounds.Count) + 10;
        var baseline = Top + Plot;
        var columns = rounds.Select((f, i) =>
        {
            var share = f.Overall.ShareImplemented;
            var h = Plot * (share ?? 0);
            var x = Left + (i * Slot) + 12;
            return new XElement(Svg + "g",
                new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(baseline - h)), new XAttribute("width", Slot - 24), new XAttribute("height", N(h)),
                    new XAttribute("fill", EvaluationLabels.Colour(ImplementationStatus.Implemented)),
                    new XElement(Svg + "title", $"{i + 1}: {EvaluationLabels.Share(share)}")),
                Text(x + ((Slot - 24) / 2), baseline - h - 4, "middle", EvaluationLabels.Share(share)),
                Text(x + ((Slot - 24) / 2), baseline + 18, "middle", (i + 1).ToString(CultureInfo.CurrentCulture)));
        });
        var root = Root("evaluation-trend", Math.Max(width, 200), baseline + Bottom, title, description,
            new XElement(Svg + "line", new XAttribute("x1", Left), new XAttribute("y1", N(baseline)), new XAttribute("x2", N(width)), new XAttribute("y2", N(baseline)), new XAttribute("stroke", "#333")),
            Text(Left - 6, Top + 5, "end", EvaluationLabels.Share(1)),
            Text(Left - 6, baseline, "end", EvaluationLabels.Share(0)),
            columns);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The bands of implemented share that shade the map (the map's own five shades).</summary>
    public static string BandOf(double? share) => share switch
    {
        null => "",
        < 0.2 => "band-1",
        < 0.4 => "band-2",
        < 0.6 => "band-3",
        < 0.8 => "band-4",
        _ => "band-5",
    };

    /// <summary>The world map (<see cref="MapView"/>, the maps' own shapes) with each asked state shaded by its implemented share.</summary>
    public static string Map(MapView map, string description)
    {
        var root = new XElement(Svg + "svg",
            new XAttribute("class", "world"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "evaluation-map-title evaluation-map-desc"),
            new XAttribute("viewBox", $"0 0 {map.Width} {map.Height}"),
            new XElement(Svg + "title", new XAttribute("id", "evaluation-map-title"), map.Title),
            new XElement(Svg + "desc", new XAttribute("id", "evaluation-map-desc"), description),
            map.Countries.Select(c => new XElement(Svg + "path", new XAttribute("class", c.CssClass), new XAttribute("d", c.Path),
                c.Name is null ? null : new XElement(Svg + "title", c.Name))));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
