using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;

namespace RcpHub.Features.Documents;

/// <summary>One ZIP for a meeting: its agenda as an HTML page listing the documents, the latest version in each
/// language of every document the reader may see, and the current meeting report with every session's latest report
/// when the reader may see it. What the reader may not see is neither in it nor mentioned.</summary>
public static class MeetingPack
{
    /// <param name="report">The meeting report's printable page (linking "site.css"), or null to leave it out.</param>
    /// <param name="stylesheet">The site's stylesheet, put beside the report so that it reads the same offline.</param>
    public static async Task<byte[]> BuildAsync(AppDbContext db, ReadableMeeting readable, string? report, byte[]? stylesheet,
        IStringLocalizer<DocumentsText> t, CancellationToken ct)
    {
        var meeting = readable.Meeting;
        var documents = await DocumentReading.ListAsync(db, readable, null, ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Position)
            .Select(i => new { i.Position, i.Title, i.Description }).ToListAsync(ct);
        var latest = documents.SelectMany(d => d.Latest.Select(v => (Document: d, Version: v))).ToList();
        var ids = latest.Select(l => l.Version.Id).ToList();
        var statements = await Caucus.Statements.ListAsync(db, readable, ct);
        var bytes = await db.DocumentContents.AsNoTracking().Where(c => ids.Contains(c.VersionId)).ToDictionaryAsync(c => c.VersionId, c => c.Bytes, ct);

        var html = new StringBuilder();
        string E(string s) => WebUtility.HtmlEncode(s);
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(meeting.Title)).Append("</title></head><body>");
        html.Append("<h1>").Append(E(meeting.Title)).Append("</h1><h2>").Append(E(t["Agenda"])).Append("</h2><ol>");
        foreach (var item in agenda)
        {
            html.Append("<li><strong>").Append(E(item.Title)).Append("</strong>");
            if (item.Description is not null)
            {
                html.Append("<p>").Append(E(item.Description)).Append("</p>");
            }
            html.Append("</li>");
        }
        html.Append("</ol>");
        if (report is not null)
        {
            html.Append("<p><a href=\"report.html\">").Append(E(t["Meeting report"])).Append("</a></p>");
        }
        html.Append("<h2>").Append(E(t["Documents"])).Append("</h2><ul>");

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (report is not null)
            {
                await AddAsync(zip, "report.html", Encoding.UTF8.GetBytes(report), ct);
                if (stylesheet is not null)
                {
                    await AddAsync(zip, "site.css", stylesheet, ct);
                }
            }
            foreach (var (document, version) in latest)
            {
                var path = $"documents/{document.Id}-{DocumentReading.SafeFileName(document.Title)}/{version.Language}-v{version.Number}-{DocumentReading.SafeFileName(version.FileName)}";
                await AddAsync(zip, path, bytes[version.Id], ct);
                html.Append("<li><a href=\"").Append(E(path)).Append("\">").Append(E(document.Title)).Append(" (").Append(version.Language)
                    .Append(", v").Append(version.Number).Append(")</a></li>");
            }
            html.Append("</ul>");
            AppendStatements(html, statements, t);
            html.Append("</body></html>");
            await AddAsync(zip, "agenda.html", Encoding.UTF8.GetBytes(html.ToString()), ct);
        }
        return output.ToArray();
    }

    /// <summary>The statements submitted to the meeting (their position papers are among the documents), with the endorsers
    /// and dissenters of a caucus position.</summary>
    private static void AppendStatements(StringBuilder html, IReadOnlyList<Caucus.StatementView> statements, IStringLocalizer<DocumentsText> t)
    {
        if (statements.Count == 0)
        {
            return;
        }
        string E(string s) => WebUtility.HtmlEncode(s);
        html.Append("<h2>").Append(E(t["Statements and position papers"])).Append("</h2>");
        foreach (var statement in statements)
        {
            html.Append("<h3 dir=\"auto\">").Append(E(statement.Title)).Append("</h3><p>")
                .Append(E(statement.Organization ?? t["Joint position of the civil society caucus"])).Append("</p>");
            foreach (var paragraph in statement.Paragraphs)
            {
                html.Append("<p dir=\"auto\">").Append(E(paragraph)).Append("</p>");
            }
            if (statement.CaucusPositionId is not null)
            {
                html.Append("<p>").Append(E(t["Endorsed by:"])).Append(' ').Append(E(string.Join(", ", statement.Endorsers.Select(s => s.Organization)))).Append("</p>");
                foreach (var dissent in statement.Dissenters)
                {
                    html.Append("<p>").Append(E(t["Dissent of {0}:", dissent.Organization])).Append(' ').Append(E(dissent.DissentText ?? "")).Append("</p>");
                }
            }
        }
    }

    private static async Task AddAsync(ZipArchive zip, string path, byte[] bytes, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(path, CompressionLevel.Fastest).OpenAsync(ct);
        await stream.WriteAsync(bytes, ct);
    }
}
