using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Reports;

/// <summary>The meeting report as one self-contained HTML document: served as the printable page and handed to
/// headless Chromium for the PDF, so that both show exactly the same text. Everything is HTML-encoded here.</summary>
public static class ReportDocument
{
    public static string Html(ReportMeeting meeting, MeetingReportView report, string audience, IStringLocalizer<ReportsText> t, string stylesheet)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        var language = Cultures.Current;
        var title = t["Meeting report: {0}", meeting.Title].Value;
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language}\" dir=\"{(Cultures.IsRightToLeft ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{e.Encode(title)}</title><link rel=\"stylesheet\" href=\"{e.Encode(stylesheet)}\"></head>");
        html.Append("<body class=\"report-print\"><main>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{e.Encode(title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"report-meta\"><bdi>{e.Encode(meeting.ProcessName)}</bdi> · {e.Encode(t["Who may see this report: {0}", audience].Value)}</p>");
        var state = report.AdoptedAt is { } adopted
            ? t["Adopted: version {0}, by {1} on {2}.", report.Number!, report.SavedBy!, Dates.Moment(adopted)].Value
            : report.Number is { } number
                ? t["Draft: version {0}, saved by {1} on {2}.", number, report.SavedBy!, Dates.Moment(report.SavedAt!.Value)].Value
                : t["Current draft: the latest report of every session."].Value;
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"report-meta\">{e.Encode(state)}</p>");
        if (report.Introduction is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{e.Encode(t["Introduction"].Value)}</h2>");
            Paragraphs(html, report.Introduction, e);
        }
        foreach (var s in report.Sessions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section><h2>{e.Encode(t["Session {0}: {1}", s.SessionPosition, s.SessionTitle].Value)}</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<h3>{e.Encode(t["Summary"].Value)}</h3>");
            Paragraphs(html, s.Summary, e);
            if (s.Discussion is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{e.Encode(t["Discussion"].Value)}</h3>");
                Paragraphs(html, s.Discussion, e);
            }
            List(html, t["Key points"].Value, s.KeyPoints, e);
            List(html, t["Recommendations raised"].Value, s.Recommendations, e);
            html.Append("</section>");
        }
        if (report.Sessions.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(t["No session report has been written yet."].Value)}</p>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Paragraphs(StringBuilder html, string text, HtmlEncoder e)
    {
        foreach (var p in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p dir=\"auto\">{e.Encode(p)}</p>");
        }
    }

    private static void List(StringBuilder html, string heading, IReadOnlyList<ReportPointView> points, HtmlEncoder e)
    {
        if (points.Count == 0)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<h3>{e.Encode(heading)}</h3><ol>");
        foreach (var p in points)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li dir=\"auto\">{e.Encode(p.Text)}</li>");
        }
        html.Append("</ol>");
    }
}
