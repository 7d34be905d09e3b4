using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Reports;

/// <summary>The meeting report as one self-contained HTML document: served as the printable page and handed to
/// headless Chromium for the PDF, so that both show exactly the same text; the meeting pack carries the same document.
/// A session's particulars and report are written by <see cref="Session"/> and <see cref="Content"/>, which the
/// report pages and the meeting page use too: one renderer, so that no copy of a report can lose an item. Everything
/// is HTML-encoded here.</summary>
public static class ReportDocument
{
    public static string Html(ReportMeeting meeting, MeetingReportView report, IReadOnlyList<SessionView> sessions, string audience,
        IStringLocalizer<ReportsText> t, string stylesheet)
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
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"report-meta report-state\">{e.Encode(State(report, t))}</p>");
        if (report.Introduction is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{e.Encode(t["Introduction"].Value)}</h2>");
            Paragraphs(html, report.Introduction, e);
        }
        var byId = sessions.ToDictionary(s => s.Id);
        foreach (var s in report.Sessions)
        {
            var particulars = byId.GetValueOrDefault(s.SessionId);
            html.Append(CultureInfo.InvariantCulture, $"<section><h2 dir=\"auto\">{e.Encode(Heading(particulars, s, t))}</h2>");
            if (particulars is not null)
            {
                Session(html, particulars, t, 3);
            }
            Content(html, s, t, 3);
            html.Append("</section>");
        }
        if (report.Sessions.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(t["No session report has been written yet."].Value)}</p>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>Whether the report shown is adopted (and when), an earlier draft version, or the current draft.</summary>
    public static string State(MeetingReportView report, IStringLocalizer<ReportsText> t)
    {
        return report.AdoptedAt is { } adopted
            ? t["Adopted: version {0}, by {1} on {2}.", report.Number!, report.SavedBy!, Dates.Moment(adopted)].Value
            : report.Number is { } number
                ? t["Draft: version {0}, saved by {1} on {2}.", number, report.SavedBy!, Dates.Moment(report.SavedAt!.Value)].Value
                : t["Current draft: the latest report of every session."].Value;
    }

    /// <summary>"Session 3.3: Title" with the session's own code, else "Session 2: Title" by its place in the meeting.</summary>
    public static string Heading(SessionView? session, SessionReportView report, IStringLocalizer<ReportsText> t) =>
        session?.Code is { } code ? $"{code}: {report.SessionTitle}" : t["Session {0}: {1}", report.SessionPosition, report.SessionTitle].Value;

    /// <summary>A session's particulars for a Razor page (<paramref name="level"/> is the level of its sub-headings).</summary>
    public static IHtmlContent SessionHtml(SessionView session, IStringLocalizer<ReportsText> t, int level)
    {
        var html = new StringBuilder();
        Session(html, session, t, level);
        return new HtmlString(html.ToString());
    }

    /// <summary>A session report's text and numbered points for a Razor page.</summary>
    public static IHtmlContent ContentHtml(SessionReportView report, IStringLocalizer<ReportsText> t, int level)
    {
        var html = new StringBuilder();
        Content(html, report, t, level);
        return new HtmlString(html.ToString());
    }

    /// <summary>The session's code, chairs, moderators, speakers and discussants with whom each speaks for, its
    /// rapporteur and its guiding questions.</summary>
    public static void Session(StringBuilder html, SessionView s, IStringLocalizer<ReportsText> t, int level)
    {
        var e = HtmlEncoder.Default;
        html.Append("<dl class=\"facts session-people\">");
        if (s.Code is not null)
        {
            Fact(html, t["Session"].Value, [s.Code], e);
        }
        Fact(html, t["Chair"].Value, [.. s.In(SessionRole.Chair).Select(p => Person(p, t))], e);
        Fact(html, t["Co-chairs"].Value, [.. s.In(SessionRole.CoChair).Select(p => Person(p, t))], e);
        Fact(html, t["Moderator"].Value, [.. s.In(SessionRole.Moderator).Select(p => Person(p, t))], e);
        Fact(html, t["Speakers"].Value, [.. s.In(SessionRole.Speaker).Select(p => Person(p, t))], e);
        Fact(html, t["Discussants"].Value, [.. s.In(SessionRole.Discussant).Select(p => Person(p, t))], e);
        var rapporteur = s.RapporteurName is null ? null
            : s.RapporteurAffiliation is { } affiliation ? $"{s.RapporteurName}, {affiliation}" : s.RapporteurName;
        Fact(html, t["Rapporteur"].Value, rapporteur is null ? [t["not chosen yet"].Value] : [rapporteur], e);
        html.Append("</dl>");
        if (s.GuidingQuestions.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h{level}>{e.Encode(t["Guiding questions"].Value)}</h{level}><ol class=\"guiding-questions\">");
            foreach (var q in s.GuidingQuestions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li dir=\"auto\">{e.Encode(q)}</li>");
            }
            html.Append("</ol>");
        }
    }

    /// <summary>"Name, Kenya", "Name, IOM", or "Name (in a personal capacity)".</summary>
    public static string Person(SessionPersonView p, IStringLocalizer<ReportsText> t) =>
        p.For is { } party ? (p.Name.Length == 0 ? party.Name : $"{p.Name}, {party.Name}")
        : t["{0} (in a personal capacity)", p.Name].Value;

    /// <summary>Summary, discussion, key points and recommendations; a point may hold several paragraphs.</summary>
    public static void Content(StringBuilder html, SessionReportView s, IStringLocalizer<ReportsText> t, int level)
    {
        var e = HtmlEncoder.Default;
        html.Append(CultureInfo.InvariantCulture, $"<h{level}>{e.Encode(t["Summary"].Value)}</h{level}><div class=\"report-text\">");
        Paragraphs(html, s.Summary, e);
        html.Append("</div>");
        if (s.Discussion is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h{level}>{e.Encode(t["Discussion"].Value)}</h{level}><div class=\"report-text\">");
            Paragraphs(html, s.Discussion, e);
            html.Append("</div>");
        }
        List(html, t["Key points"].Value, "key-points", "point-", s.KeyPoints, level, e);
        List(html, t["Recommendations raised"].Value, "recommendations", "rec-", s.Recommendations, level, e);
    }

    private static void Fact(StringBuilder html, string label, IReadOnlyList<string> values, HtmlEncoder e)
    {
        if (values.Count == 0)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<dt>{e.Encode(label)}</dt>");
        foreach (var v in values)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dd dir=\"auto\">{e.Encode(v)}</dd>");
        }
    }

    private static void Paragraphs(StringBuilder html, string text, HtmlEncoder e)
    {
        foreach (var p in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p dir=\"auto\">{e.Encode(p)}</p>");
        }
    }

    private static void List(StringBuilder html, string heading, string cssClass, string idPrefix, IReadOnlyList<ReportPointView> points, int level, HtmlEncoder e)
    {
        if (points.Count == 0)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<h{level}>{e.Encode(heading)}</h{level}><ol class=\"{cssClass}\">");
        foreach (var p in points)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li id=\"{idPrefix}{p.Id}\" dir=\"auto\">");
            Paragraphs(html, p.Text, e);
            html.Append("</li>");
        }
        html.Append("</ol>");
    }
}
