using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Representation;

/// <summary>Per year of a process's meetings, how many delegates came from each kind of ministry or agency.</summary>
public sealed record RepresentationTable(IReadOnlyList<int> Years, IReadOnlyDictionary<(int Year, MinistryCategory Category), int> Counts)
{
    public static readonly MinistryCategory[] Categories = Enum.GetValues<MinistryCategory>();

    public int Count(int year, MinistryCategory category) => Counts.GetValueOrDefault((year, category));

    public int Total(int year) => Categories.Sum(c => Count(year, c));

    public int Largest => Years.Count == 0 ? 0 : Years.Max(Total);

    /// <summary>The delegates of registered and confirmed delegations (returned ones await correction) to the meetings
    /// of the process that <paramref name="reader"/> may see; with the states that sent any, for the filter.</summary>
    public static async Task<(RepresentationTable Table, IReadOnlyList<string> StateCodes)> LoadAsync(
        AppDbContext db, MeetingReader reader, int processId, string? stateCode, CancellationToken ct)
    {
        var meetings = db.Meetings.Where(MeetingAccess.VisibleTo(reader))
            .Where(m => m.ProcessId == processId || m.ParticipatingProcesses.Any(p => p.ProcessId == processId))
            .Select(m => m.Id);
        // From the delegates' side: plain joins, which SQLite translates (it has no APPLY for a SelectMany).
        var delegates = await db.Delegates.AsNoTracking()
            .Where(x => x.Delegation!.Status != DelegationStatus.Returned && meetings.Contains(x.Delegation.MeetingId))
            .Select(x => new { x.Delegation!.StateCode, x.Delegation.Meeting!.StartsAtUtc, x.Ministry })
            .ToListAsync(ct);
        var chosen = delegates.Where(d => stateCode is null || d.StateCode == stateCode)
            .Select(d => (d.StartsAtUtc.UtcDateTime.Year, Category: MinistryClassifier.Classify(d.Ministry)))
            .ToList();
        var table = new RepresentationTable(
            chosen.Select(d => d.Year).Distinct().Order().ToList(),
            chosen.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count()));
        return (table, delegates.Select(d => d.StateCode).Distinct().ToList());
    }
}

/// <summary>The table drawn on the server as stacked bars, one per year, with a legend: an SVG image (role img, with a
/// title and description) whose accessible equivalent is the table printed below it. Built with XElement, which
/// escapes the labels.</summary>
public static class RepresentationChart
{
    public const int Width = 640, Height = 300, Left = 48, Bottom = 32, Top = 12;

    /// <summary>Okabe–Ito colours, told apart with colour-vision deficiencies, in the order of <see cref="RepresentationTable.Categories"/>.</summary>
    public static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#6E6E6E"];

    public sealed record Bar(int Year, double X, double Width, IReadOnlyList<Segment> Segments);

    public sealed record Segment(MinistryCategory Category, int Count, double Y, double Height, string Colour);

    public static IReadOnlyList<Bar> Bars(RepresentationTable table)
    {
        var plotHeight = Height - Bottom - Top;
        var slot = (Width - Left) / (double)Math.Max(1, table.Years.Count);
        var scale = table.Largest == 0 ? 0 : plotHeight / (double)table.Largest;
        return table.Years.Select((year, i) =>
        {
            var y = (double)(Height - Bottom);
            var segments = new List<Segment>();
            foreach (var (category, index) in RepresentationTable.Categories.Select((c, k) => (c, k)))
            {
                var count = table.Count(year, category);
                var h = count * scale;
                y -= h;
                if (count > 0)
                {
                    segments.Add(new Segment(category, count, y, h, Colours[index]));
                }
            }
            return new Bar(year, Left + (i * slot) + (slot * 0.2), slot * 0.6, segments);
        }).ToList();
    }

    public static HtmlString Svg(RepresentationTable table, Func<MinistryCategory, string> label, string title, string description)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var categories = RepresentationTable.Categories;
        var baseline = Height - Bottom;
        XElement Text(double x, double y, string anchor, object content) =>
            new(svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor),
                new XAttribute("font-size", 13), new XAttribute("fill", "#333"), content);
        var root = new XElement(svg + "svg",
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "chart-title chart-desc"),
            new XAttribute("viewBox", $"0 0 {Width} {Height + (24 * categories.Length)}"),
            new XElement(svg + "title", new XAttribute("id", "chart-title"), title),
            new XElement(svg + "desc", new XAttribute("id", "chart-desc"), description),
            new XElement(svg + "line", new XAttribute("x1", Left), new XAttribute("y1", baseline), new XAttribute("x2", Width), new XAttribute("y2", baseline), new XAttribute("stroke", "#333")),
            Text(Left - 6, Top + 10, "end", table.Largest),
            Text(Left - 6, baseline, "end", 0),
            Bars(table).Select(bar => new XElement(svg + "g",
                bar.Segments.Select(s => new XElement(svg + "rect",
                    new XAttribute("x", N(bar.X)), new XAttribute("y", N(s.Y)), new XAttribute("width", N(bar.Width)), new XAttribute("height", N(s.Height)),
                    new XAttribute("fill", s.Colour),
                    new XElement(svg + "title", $"{bar.Year}, {label(s.Category)}: {s.Count}"))),
                Text(bar.X + (bar.Width / 2), baseline + 18, "middle", bar.Year))),
            categories.Select((c, i) => new[]
            {
                new XElement(svg + "rect", new XAttribute("x", Left), new XAttribute("y", Height + (24 * i)), new XAttribute("width", 14), new XAttribute("height", 14), new XAttribute("fill", Colours[i])),
                Text(Left + 22, Height + (24 * i) + 12, "start", label(c)),
            }));
        return new HtmlString(root.ToString(SaveOptions.DisableFormatting));
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
