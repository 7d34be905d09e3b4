using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using RcpHub.Domain;
using RcpHub.Features.FollowUp;
using RcpHub.Features.Map;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Evaluation;

/// <summary>The evaluation report as HTML: the round's page shows <see cref="Body"/>, and the PDF is headless Chromium's
/// print of <see cref="Html"/>, which wraps the same body, so that page and PDF show the same figures. Everything is
/// HTML-encoded here.</summary>
public static class EvaluationDocument
{
    private static readonly HtmlEncoder E = HtmlEncoder.Default;

    public static string Html(EvaluationReport report, EvaluationLabels labels, string processName, string zone, DateTimeOffset now, string stylesheet, string linkBase,
        FollowUpCountCache? held = null)
    {
        var t = labels.Text;
        var html = new StringBuilder();
        var title = t["Evaluation report: {0}", report.Current.Round.Title].Value;
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{Cultures.Current}\" dir=\"{(Cultures.IsRightToLeft ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E.Encode(title)}</title><link rel=\"stylesheet\" href=\"{E.Encode(stylesheet)}\"></head>");
        html.Append("<body class=\"report-print\"><main>");
        html.Append(CultureInfo.InvariantCulture, $"<h1 dir=\"auto\">{E.Encode(title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"report-meta\"><bdi>{E.Encode(processName)}</bdi></p>");
        html.Append(Facts(report.Current.Round, labels, zone, now));
        html.Append(Body(report, labels, now, linkBase, printed: true, held: held));
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>What the round covers and when it runs.</summary>
    public static string Facts(RoundRow round, EvaluationLabels labels, string zone, DateTimeOffset now)
    {
        var t = labels.Text;
        var html = new StringBuilder("<dl class=\"facts round-facts\">");
        void Fact(string name, string value, bool userText = false) =>
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E.Encode(name)}</dt><dd{(userText ? " dir=\"auto\"" : "")}>{E.Encode(value)}</dd>");
        Fact(t["Recommendations of"], round.OutputTitle ?? t["Every adopted output"], round.OutputTitle is not null);
        Fact(t["Opens"], Moment(round.OpensAt, zone));
        Fact(t["Deadline"], Moment(round.DeadlineAt, zone));
        Fact(t["State of the round"], round.IsClosedAt(now) ? t["Closed on {0}", Moment(round.ClosesAt, zone)] : labels.Round(round, now));
        html.Append("</dl>");
        return html.ToString();
    }

    private static string Moment(DateTimeOffset utc, string zone) => Meetings.TimeZones.Moment(utc, zone);

    /// <param name="printed">For the PDF: tables folded under a picture are printed open.</param>
    /// <param name="pickAction">Where the form that picks a part of a large round's grid sends the reader (the round's
    /// page); null prints no form.</param>
    /// <param name="linkBase">The process's address (<c>/processes/{slug}</c>, absolute for the PDF): a large round's table
    /// links each recommendation there instead of quoting its text.</param>
    /// <param name="held">Where the body of a counted round is held once drawn (<see cref="HeldKey"/>): a view of an
    /// unchanged round writes it again without drawing it.</param>
    public static IHtmlContent Body(EvaluationReport report, EvaluationLabels labels, DateTimeOffset now, string linkBase, bool printed = false, string? pickAction = null,
        FollowUpCountCache? held = null)
    {
        if (held is null || HeldKey(report, labels, now, linkBase, printed, pickAction) is not { } key)
        {
            return new HtmlString(Drawn(report, labels, linkBase, printed, pickAction));
        }
        if (held.Made<string>(key) is not { } body)
        {
            body = Drawn(report, labels, linkBase, printed, pickAction);
            // Sized in rows of counts, as the cache counts (a row is a few dozen bytes): about 6,000 for the report of the
            // world's largest process.
            held.Keep(key, body, body.Length / 64);
        }
        return new HtmlString(body);
    }

    /// <summary>The key a report's body is held under: that of every round it shows (<see cref="RoundFigures.HeldUnder"/>:
    /// their reports' versions, recommendations, members and picked state) and everything else it is drawn from (the
    /// language, the states' names and shapes, the process's status labels, the rounds' titles, dates and states, where
    /// it links and whether it is printed). Null when a round was read whole (a small round, drawn each time).</summary>
    private static string? HeldKey(EvaluationReport report, EvaluationLabels labels, DateTimeOffset now, string linkBase, bool printed, string? pickAction)
    {
        if (report.Trend.Any(f => f.HeldUnder is null) || report.Previous is { HeldUnder: null })
        {
            return null;
        }
        IEnumerable<string> Parts()
        {
            yield return CultureInfo.CurrentCulture.Name;
            yield return CultureInfo.CurrentUICulture.Name;
            yield return report.Current.HeldUnder!;
            foreach (var f in report.Trend)
            {
                yield return $"{f.HeldUnder}|{f.Round}|{labels.Round(f.Round, now)}";
            }
            yield return report.Previous?.Round.Id.ToString(CultureInfo.InvariantCulture) ?? "";
            foreach (var state in report.States.Values.OrderBy(s => s.Code, StringComparer.Ordinal))
            {
                yield return $"{state.Code}:{state.Numeric}:{state.Name(Cultures.Current)}";
            }
            foreach (var status in EvaluationReport.Statuses)
            {
                yield return labels.Status(status);
            }
            yield return labels.NotReported;
            yield return $"{report.Pick}|{linkBase}|{printed}|{pickAction}";
        }
        return "evaluation-body|" + FollowUpCountCache.Digest(Parts());
    }

    private static string Drawn(EvaluationReport report, EvaluationLabels labels, string linkBase, bool printed, string? pickAction)
    {
        var t = labels.Text;
        var current = report.Current;
        var html = new StringBuilder("<div class=\"evaluation-report\">");
        var open = printed ? " open" : "";

        // Progress as it comes in.
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"progress\">{E.Encode(t["Progress"].Value)}</h2>");
        var overall = current.Overall;
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"overall\">{E.Encode(t["Reports received: {0} of {1}. Implemented: {2}.", overall.Reported, overall.Asked, EvaluationLabels.Share(overall.ShareImplemented)].Value)}</p>");
        if (current.Asked.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E.Encode(t["This round asks no state to report on a recommendation you may read."].Value)}</p></div>");
            return html.ToString();
        }
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"progress-by-state-caption\"><table id=\"progress-by-state\" class=\"rows\">");
        html.Append(CultureInfo.InvariantCulture, $"<caption id=\"progress-by-state-caption\">{E.Encode(t["Reports per state"].Value)}</caption><thead><tr><th scope=\"col\">{E.Encode(t["State"].Value)}</th>");
        foreach (var h in new[] { t["Asked"].Value, t["Reported"].Value, t["Validated"].Value, t["Implemented share"].Value })
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E.Encode(h)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var code in current.States)
        {
            var tally = current.ByState[code];
            var validated = current.ValidatedByState.GetValueOrDefault(code)?.Reported ?? 0;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-state=\"{E.Encode(code)}\"><th scope=\"row\">{E.Encode(report.StateName(code))}</th>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\" data-figure=\"asked\">{tally.Asked}</td><td class=\"number\" data-figure=\"reported\">{tally.Reported}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\" data-figure=\"validated\">{validated}</td><td class=\"number\" data-figure=\"share\">{E.Encode(EvaluationLabels.Share(tally.ShareImplemented))}</td></tr>");
        }
        html.Append("</tbody></table></div>");

        // Per recommendation, with its bars.
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"recommendations\">{E.Encode(t["Accomplishment per recommendation"].Value)}</h2>");
        html.Append("<figure class=\"evaluation-chart\">");
        var barsDescription = t["One bar per recommendation, divided by the status each state asked reported; the table below gives the same numbers."];
        // A large round's bars and table are drawn lighter (one path per status; a link to each recommendation instead of
        // its text, under its output's title): the page stays within its weight however many recommendations there are.
        html.Append(current.WholeGrid
            ? EvaluationCharts.ProgressBars(report, labels, t["Accomplishment per recommendation"], barsDescription)
            : EvaluationCharts.ProgressPaths(report, labels, t["Accomplishment per recommendation"], barsDescription));
        html.Append("</figure>");
        var previous = report.Previous;
        TallyTable(html, "by-recommendation", t["Accomplishment per recommendation"], t["Recommendation"], labels,
            current.Recommendations.Select(r => new TallyRow("recommendation", r.Id.ToString(CultureInfo.InvariantCulture),
                $"{labels.Recommendation(r)}", current.WholeGrid ? r.Text : null, current.ByRecommendation.GetValueOrDefault(r.Id) ?? new Tally(),
                previous?.ByRecommendation.GetValueOrDefault(r.Id))
            {
                Link = current.WholeGrid ? null : $"{linkBase}/outputs/{r.OutputId}/recommendations/{r.Number}",
                Group = current.WholeGrid ? null : r.OutputTitle,
            }),
            previous is not null);

        // Heat map: states by recommendations, whole while the round is small enough to draw; above that, the part picked.
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"heat\">{E.Encode(t["States by recommendations"].Value)}</h2>");
        if (!current.WholeGrid)
        {
            GridPart(html, report, labels, pickAction);
        }
        else
        {
            html.Append("<figure class=\"evaluation-chart\">");
            html.Append(EvaluationCharts.HeatMap(report, labels, t["States by recommendations"],
                t["One row per state and one column per recommendation; each cell shows the status the state reported, by shade and by mark; the table below gives the same."]));
            html.Append(CultureInfo.InvariantCulture, $"</figure><details{open}><summary>{E.Encode(t["The same as a table"].Value)}</summary>");
            html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"heat-table-caption\"><table id=\"heat-table\" class=\"rows\">");
            html.Append(CultureInfo.InvariantCulture, $"<caption id=\"heat-table-caption\">{E.Encode(t["States by recommendations"].Value)}</caption><thead><tr><th scope=\"col\">{E.Encode(t["State"].Value)}</th>");
            foreach (var r in current.Recommendations)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E.Encode(labels.Recommendation(r))}</th>");
            }
            html.Append("</tr></thead><tbody>");
            foreach (var code in current.States)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-state=\"{E.Encode(code)}\"><th scope=\"row\">{E.Encode(report.StateName(code))}</th>");
                foreach (var r in current.Recommendations)
                {
                    var status = current.StatusOf(r.Id, code);
                    var cell = !r.AskedStates.Contains(code) ? t["Not asked"].Value : status is { } s ? labels.Status(s) : labels.NotReported;
                    html.Append(CultureInfo.InvariantCulture, $"<td data-recommendation=\"{r.Id}\">{E.Encode(cell)}</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</tbody></table></div></details>");
        }

        // Per state, with the map.
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"states\">{E.Encode(t["Accomplishment per state"].Value)}</h2>");
        var map = MapView.Of(t["States by their implemented share"], report.States.Values,
            code => current.ByState.TryGetValue(code, out var tally) && EvaluationCharts.BandOf(tally.ShareImplemented) is { Length: > 0 } band ? band : null);
        html.Append("<figure class=\"map evaluation-map\">");
        html.Append(EvaluationCharts.Map(map, t["Each state asked is shaded by the share of its recommendations implemented, darker for more; the table below gives each state's share."]));
        html.Append(CultureInfo.InvariantCulture, $"<figcaption><ul class=\"legend\" aria-label=\"{E.Encode(t["Legend"].Value)}\">");
        foreach (var (band, range) in new[] { ("band-1", "0–19 %"), ("band-2", "20–39 %"), ("band-3", "40–59 %"), ("band-4", "60–79 %"), ("band-5", "80–100 %") })
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"{band}\" aria-hidden=\"true\"></span>\u2068{range}\u2069</li>");
        }
        html.Append("</ul></figcaption></figure>");
        TallyTable(html, "by-state", t["Accomplishment per state"], t["State"], labels,
            current.States.Select(code => new TallyRow("state", code, report.StateName(code), null, current.ByState[code], previous?.ByState.GetValueOrDefault(code))),
            previous is not null);

        // Per theme and per GCM objective.
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"themes\">{E.Encode(t["Accomplishment per theme"].Value)}</h2>");
        if (report.Themes.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E.Encode(t["No recommendation of this round has a theme."].Value)}</p>");
        }
        else
        {
            TallyTable(html, "by-theme", t["Accomplishment per theme"], t["Theme"], labels,
                report.Themes.Select(x => new TallyRow("theme", x.Id.ToString(CultureInfo.InvariantCulture), x.Name, null, current.ByTheme[x.Id], previous?.ByTheme.GetValueOrDefault(x.Id))),
                previous is not null, userText: true);
        }
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"gcm\">{E.Encode(t["Accomplishment per objective of the Global Compact for Migration"].Value)}</h2>");
        if (report.GcmObjectives.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E.Encode(t["No recommendation of this round is linked to an objective."].Value)}</p>");
        }
        else
        {
            TallyTable(html, "by-gcm", t["Accomplishment per objective of the Global Compact for Migration"], t["Objective"], labels,
                report.GcmObjectives.Select(o =>
                {
                    var title = GlobalFrameworks.Objective(o)?.Title(Cultures.Current);
                    return new TallyRow("objective", o.ToString(CultureInfo.InvariantCulture), labels.ObjectiveNumber(o), title?.Text, current.ByGcmObjective[o],
                        previous?.ByGcmObjective.GetValueOrDefault(o)) { TextLanguage = title?.Language };
                }),
                previous is not null);
        }

        // The change since the previous round, and the trend.
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"change\">{E.Encode(t["Change since the previous round"].Value)}</h2>");
        if (previous is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E.Encode(t["This is the process's first round: there is nothing to compare with yet."].Value)}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p dir=\"auto\">{E.Encode(t["Compared with: {0}", previous.Round.Title].Value)}</p>");
            html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"change-table-caption\"><table id=\"change-table\" class=\"rows\">");
            html.Append(CultureInfo.InvariantCulture, $"<caption id=\"change-table-caption\">{E.Encode(t["Change since the previous round"].Value)}</caption><thead><tr><th scope=\"col\"></th>");
            foreach (var h in new[] { t["Previous round"].Value, t["This round"].Value, t["Change"].Value })
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E.Encode(h)}</th>");
            }
            html.Append("</tr></thead><tbody>");
            void Row(string key, string name, string before, string after, string change) =>
                html.Append(CultureInfo.InvariantCulture, $"<tr data-figure=\"{key}\"><th scope=\"row\">{E.Encode(name)}</th><td class=\"number\">{E.Encode(before)}</td><td class=\"number\">{E.Encode(after)}</td><td class=\"number\">{E.Encode(change)}</td></tr>");
            var (b, a) = (previous.Overall, current.Overall);
            Row("share", t["Implemented share (points)"], EvaluationLabels.Share(b.ShareImplemented), EvaluationLabels.Share(a.ShareImplemented),
                EvaluationLabels.Points(a.ShareImplemented, b.ShareImplemented));
            foreach (var s in EvaluationReport.Statuses)
            {
                Row(s.ToString(), labels.Status(s), Number(b.Count(s)), Number(a.Count(s)), EvaluationLabels.Signed(a.Count(s) - b.Count(s)));
            }
            Row("NotReported", labels.NotReported, Number(b.NotReported), Number(a.NotReported), EvaluationLabels.Signed(a.NotReported - b.NotReported));
            html.Append("</tbody></table></div>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"trend\">{E.Encode(t["Implemented share across rounds"].Value)}</h2><figure class=\"evaluation-chart trend\">");
        html.Append(EvaluationCharts.Trend(report, t["Implemented share across rounds"],
            t["One column per round, oldest first, as tall as the share of asked recommendations implemented; the table gives the same."]));
        html.Append(CultureInfo.InvariantCulture, $"</figure><details{open}><summary>{E.Encode(t["The same as a table"].Value)}</summary>");
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"trend-table-caption\"><table id=\"trend-table\" class=\"rows\">");
        html.Append(CultureInfo.InvariantCulture, $"<caption id=\"trend-table-caption\">{E.Encode(t["Implemented share across rounds"].Value)}</caption><thead><tr>");
        foreach (var h in new[] { "#", t["Round"].Value, t["Asked"].Value, t["Reported"].Value, labels.Status(ImplementationStatus.Implemented), t["Implemented share"].Value })
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E.Encode(h)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var (f, i) in report.Trend.Select((f, i) => (f, i)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-round=\"{f.Round.Id}\"><td>{i + 1}</td><th scope=\"row\" dir=\"auto\">{E.Encode(f.Round.Title)}</th>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{f.Overall.Asked}</td><td class=\"number\">{f.Overall.Reported}</td><td class=\"number\">{f.Overall.Count(ImplementationStatus.Implemented)}</td><td class=\"number\">{E.Encode(EvaluationLabels.Share(f.Overall.ShareImplemented))}</td></tr>");
        }
        html.Append("</tbody></table></div></details></div>");
        return html.ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.CurrentCulture);

    /// <summary>A large round's grid (above <see cref="EvaluationFigures.WholeGridPairs"/> pairs): a form to pick one state
    /// (GET, no script), and the picked state's row as a table, one line per recommendation. The whole grid is in the CSV
    /// and XLSX files.</summary>
    private static void GridPart(StringBuilder html, EvaluationReport report, EvaluationLabels labels, string? pickAction)
    {
        var t = labels.Text;
        var current = report.Current;
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"grid-too-large\">{E.Encode(t["This round asks {0} states about {1} recommendations: too many to show each pair here. Pick a state to see its status on every recommendation; the CSV and XLSX downloads hold the whole grid.", current.States.Count, current.Recommendations.Count].Value)}</p>");
        var state = report.PickedState;
        if (pickAction is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"{E.Encode(pickAction)}#heat\" id=\"pick-grid\" class=\"filters\" role=\"search\" aria-label=\"{E.Encode(t["Row of the grid to show"].Value)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"pick-state\">{E.Encode(t["State"].Value)}</label><select id=\"pick-state\" name=\"state\">");
            foreach (var code in current.States.OrderBy(report.StateName, StringComparer.CurrentCulture))
            {
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E.Encode(code)}\"{(code == state ? " selected" : "")}>{E.Encode(report.StateName(code))}</option>");
            }
            html.Append(CultureInfo.InvariantCulture, $"</select></div><div class=\"actions\"><button type=\"submit\">{E.Encode(t["Show"].Value)}</button></div></form>");
        }
        if (report.Pick is not null && state is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"grid-pick-unknown\" role=\"status\">{E.Encode(t["This round asks no such state anything you may read."].Value)}</p>");
            return;
        }
        if (state is null)
        {
            return;
        }
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"grid-part-caption\"><table id=\"grid-part\" class=\"rows\">");
        html.Append(CultureInfo.InvariantCulture, $"<caption id=\"grid-part-caption\">{E.Encode(t["{0}: status on each recommendation", report.StateName(state)].Value)}</caption><thead><tr><th scope=\"col\">{E.Encode(t["Recommendation"].Value)}</th><th scope=\"col\">{E.Encode(t["Status"].Value)}</th></tr></thead><tbody>");
        foreach (var r in current.Recommendations)
        {
            var asked = r.AskedStates.Contains(state);
            var status = current.StatusOf(r.Id, state);
            var cell = !asked ? t["Not asked"].Value : status is { } st ? labels.Status(st) : labels.NotReported;
            // The mark tells the status apart at a glance, as in the heat map; the words are what a screen reader reads.
            var mark = asked ? $"<span aria-hidden=\"true\">{EvaluationLabels.Mark(status)}</span> " : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr data-state=\"{E.Encode(state)}\" data-recommendation=\"{r.Id}\"><th scope=\"row\">{E.Encode(labels.Recommendation(r))}</th><td>{mark}{E.Encode(cell)}</td></tr>");
        }
        html.Append("</tbody></table></div>");
    }

    /// <summary>A row of a tally table: its name, and under it a recommendation's text (user-written) or an objective's
    /// official title (in its own language).</summary>
    private sealed record TallyRow(string Kind, string Key, string Name, string? Text, Tally Tally, Tally? Before)
    {
        public string? TextLanguage { get; init; }

        /// <summary>Where the name links to (a recommendation, when its text is left out).</summary>
        public string? Link { get; init; }

        /// <summary>The title of the group the row belongs to (a recommendation's output), heading its rows.</summary>
        public string? Group { get; init; }
    }

    private static void TallyTable(StringBuilder html, string id, string caption, string first, EvaluationLabels labels, IEnumerable<TallyRow> rows,
        bool withPrevious, bool userText = false)
    {
        var t = labels.Text;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-caption\"><table id=\"{id}\" class=\"rows tally\"><caption id=\"{id}-caption\">{E.Encode(caption)}</caption><thead><tr>");
        var headers = new List<string> { first, t["Asked"] };
        headers.AddRange(EvaluationReport.Statuses.Select(labels.Status));
        headers.Add(labels.NotReported);
        headers.Add(t["Implemented share"]);
        if (withPrevious)
        {
            headers.Add(t["Change (points)"]);
        }
        foreach (var h in headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E.Encode(h)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        string? group = null;
        foreach (var row in rows)
        {
            if (row.Group is not null && row.Group != group)
            {
                if (group is not null)
                {
                    html.Append("</tbody><tbody>");
                }
                group = row.Group;
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"{headers.Count}\" dir=\"auto\">{E.Encode(group)}</th></tr>");
            }
            var name = row.Link is { } link ? $"<a href=\"{E.Encode(link)}\">{E.Encode(row.Name)}</a>" : E.Encode(row.Name);
            html.Append(CultureInfo.InvariantCulture, $"<tr data-{row.Kind}=\"{E.Encode(row.Key)}\"><th scope=\"row\"{(userText ? " dir=\"auto\"" : "")}>{name}");
            if (row.Text is not null)
            {
                var lang = row.TextLanguage is { } l ? $" lang=\"{E.Encode(l)}\"" : "";
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"status-note\" dir=\"auto\"{lang}>{E.Encode(row.Text)}</span>");
            }
            // Bare cells: a large round's tables hold thousands of them (200 recommendations and 174 themes at the scale of
            // the world), and a class and a name per cell weighed 2 KB of the compressed page; the column's header names
            // each figure, and the table's class aligns them (site.css, table.tally).
            html.Append(CultureInfo.InvariantCulture, $"</th><td>{row.Tally.Asked}</td>");
            foreach (var s in EvaluationReport.Statuses)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{row.Tally.Count(s)}</td>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<td>{row.Tally.NotReported}</td><td>{E.Encode(EvaluationLabels.Share(row.Tally.ShareImplemented))}</td>");
            if (withPrevious)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E.Encode(EvaluationLabels.Points(row.Tally.ShareImplemented, row.Before?.ShareImplemented))}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }
}
