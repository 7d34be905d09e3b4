using System.Globalization;
using System.Xml.Linq;
using RcpHub.Domain;

namespace RcpHub.Features.ParticipationMetrics;

/// <summary>The participation charts, drawn on the server as SVG like the evaluation charts: no script, one labelled
/// image each (role="img", a title and a description), and always a table of the same figures beside them.</summary>
public static class ParticipationCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>One shade per type of organisation (Okabe-Ito, told apart by people with colour-blindness).</summary>
    public static readonly IReadOnlyDictionary<CivilSocietyType, string> Shades = new Dictionary<CivilSocietyType, string>
    {
        [CivilSocietyType.Ngo] = "#0072B2",
        [CivilSocietyType.MigrantOrDiasporaAssociation] = "#E69F00",
        [CivilSocietyType.TradeUnion] = "#009E73",
        [CivilSocietyType.FaithBased] = "#CC79A7",
        [CivilSocietyType.Academic] = "#56B4E9",
        [CivilSocietyType.EmployersBody] = "#D55E00",
        [CivilSocietyType.Network] = "#F0E442",
    };

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static XElement Root(string id, double width, double height, string title, string description, params object[] content) =>
        new(Svg + "svg",
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), description),
            content);

    private static XElement Text(double x, double y, string anchor, object content) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", 12), new XAttribute("fill", "#333"), content);

    private static XElement Rect(double x, double y, double w, double h, string fill, string tooltip) =>
        new(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(w)), new XAttribute("height", N(h)),
            new XAttribute("fill", fill), new XAttribute("stroke", "#fff"), new XAttribute("stroke-width", "0.5"), new XElement(Svg + "title", tooltip));

    /// <summary>A column per year, stacked by the type of organisation, with a legend below.</summary>
    public static string Years(IReadOnlyList<YearPlaces> years, Func<CivilSocietyType, string> typeName, string title, string description)
    {
        const double Left = 36, Top = 16, Plot = 160, Slot = 48;
        var largest = Math.Max(1, years.Count == 0 ? 1 : years.Max(y => y.Places));
        var width = Math.Max(300, Left + (Slot * years.Count) + 10);
        var baseline = Top + Plot;
        var columns = years.Select((y, i) =>
        {
            var x = Left + (i * Slot) + 8;
            var top = baseline;
            var parts = new List<XElement>();
            foreach (var (type, shade) in Shades)
            {
                var count = y.ByType.GetValueOrDefault(type);
                if (count == 0)
                {
                    continue;
                }
                var h = Plot * count / largest;
                top -= h;
                parts.Add(Rect(x, top, Slot - 16, h, shade, $"{y.Year}, {typeName(type)}: {count.ToString(CultureInfo.CurrentCulture)}"));
            }
            parts.Add(Text(x + ((Slot - 16) / 2), baseline - (Plot * y.Places / largest) - 4, "middle", y.Places.ToString(CultureInfo.CurrentCulture)));
            parts.Add(Text(x + ((Slot - 16) / 2), baseline + 16, "middle", y.Year.ToString(CultureInfo.InvariantCulture)));
            return new XElement(Svg + "g", parts);
        });
        var legendTop = baseline + 30;
        var legend = Shades.Select((s, i) => new XElement(Svg + "g",
            Rect(10, legendTop + (20 * i), 14, 14, s.Value, typeName(s.Key)),
            Text(30, legendTop + (20 * i) + 12, "start", typeName(s.Key))));
        var root = Root("participation-years", width, legendTop + (20 * Shades.Count) + 6, title, description,
            new XElement(Svg + "line", new XAttribute("x1", Left), new XAttribute("y1", N(baseline)), new XAttribute("x2", N(width)), new XAttribute("y2", N(baseline)), new XAttribute("stroke", "#333")),
            Text(Left - 6, Top + 4, "end", largest.ToString(CultureInfo.CurrentCulture)),
            Text(Left - 6, baseline, "end", "0"),
            columns, legend);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A bar per group, its migrant-led part shaded darker.</summary>
    public static string Bars(string id, IReadOnlyList<PlaceCount> groups, string migrantLed, string title, string description)
    {
        const double Label = 150, Width = 480, Row = 24, Bar = 16;
        var largest = Math.Max(1, groups.Count == 0 ? 1 : groups.Max(g => g.Places));
        var plot = Width - Label - 40;
        var rows = groups.Select((g, i) =>
        {
            var y = 4 + (i * Row);
            var all = plot * g.Places / largest;
            var led = plot * g.MigrantLed / largest;
            var name = g.Label.Length > 24 ? g.Label[..23] + "…" : g.Label;
            return new XElement(Svg + "g",
                Text(Label - 6, y + 12, "end", name),
                Rect(Label, y, all, Bar, "#56B4E9", $"{g.Label}: {g.Places.ToString(CultureInfo.CurrentCulture)}"),
                Rect(Label, y, led, Bar, "#0072B2", $"{g.Label}, {migrantLed}: {g.MigrantLed.ToString(CultureInfo.CurrentCulture)}"),
                Text(Label + all + 4, y + 12, "start", g.Places.ToString(CultureInfo.CurrentCulture)));
        });
        var height = (Row * groups.Count) + 30;
        var root = Root(id, Width, height, title, description, rows,
            Rect(Label, height - 20, 14, 14, "#0072B2", migrantLed), Text(Label + 20, height - 8, "start", migrantLed));
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
