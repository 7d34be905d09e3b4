using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Reports;

/// <summary>/meetings/{id}/report/print: the meeting report as a printable page, and ?handler=pdf the same document as a
/// PDF; both for the meeting's audience only. By default the adopted version (the current draft while none is adopted);
/// ?version=n an earlier version, ?draft=true the current draft.</summary>
[Requires(Operation.ViewPublicRegistry)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Pdf)]
public sealed class PrintModel(AppDbContext db, ReportGate gate, MeetingLabels labels, ChromiumPdf chromium, IStringLocalizer<ReportsText> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? version, bool draft, CancellationToken ct) =>
        await DocumentAsync(id, version, draft, "/css/site.css", ct) is { } html ? Content(html, "text/html; charset=utf-8") : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(int id, int? version, bool draft, CancellationToken ct)
    {
        // Chromium reads the stylesheet copied beside the document in its temporary folder.
        if (await DocumentAsync(id, version, draft, "site.css", ct) is not { } html)
        {
            return NotFound();
        }
        var outcome = await chromium.RenderAsync(html, ct);
        if (outcome.Pdf is not { } pdf)
        {
            return chromium.Unavailable(Response, outcome, t["The PDF cannot be made right now."],
                t["Open the printable version and print it to PDF from your browser: {0}", $"/meetings/{id}/report/print"]);
        }
        return File(pdf, "application/pdf", version is { } n ? $"meeting-report-{id}-v{n}.pdf" : draft ? $"meeting-report-{id}-draft.pdf" : $"meeting-report-{id}.pdf");
    }

    private async Task<string?> DocumentAsync(int id, int? version, bool draft, string stylesheet, CancellationToken ct)
    {
        if (await gate.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return null;
        }
        version ??= draft ? null : await ReportQueries.AdoptedNumberAsync(db, id, ct);
        if (await ReportQueries.MeetingReportAsync(db, id, version, ct) is not { } report)
        {
            return null;
        }
        return ReportDocument.Html(meeting, report, await SessionViews.LoadAsync(db, id, ct), labels.Audience(meeting.Audience), t, stylesheet);
    }
}
