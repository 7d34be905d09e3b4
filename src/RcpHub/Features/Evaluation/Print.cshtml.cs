using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.FollowUp;
using RcpHub.Features.Meetings;
using RcpHub.Features.Reports;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Evaluation;

/// <summary>/processes/{slug}/evaluation/{roundId}/print: the evaluation report as one printable document, and
/// ?handler=pdf the same document printed to PDF by headless Chromium, as the meeting reports are.</summary>
[Requires(Operation.ViewFollowUp)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Pdf)]
public sealed class PrintModel(EvaluationReports reports, EvaluationLabels labels, MeetingReaders readers, ChromiumPdf chromium,
    FollowUpCountCache held, IConfiguration configuration, IStringLocalizer<EvaluationText> t) : PageModel
{
    /// <param name="state">The state whose row of a large round's grid is printed (as picked on the round's page).</param>
    public async Task<IActionResult> OnGetAsync(int roundId, string? state, CancellationToken ct) =>
        await DocumentAsync(roundId, "/css/site.css", "", EvaluationReport.PickOf(state), ct) is { } html ? Content(html, "text/html; charset=utf-8") : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(int roundId, string? state, CancellationToken ct)
    {
        // Chromium reads the stylesheet copied beside the document in its temporary folder; the links in the PDF are absolute.
        if (await DocumentAsync(roundId, "site.css", PublicLinks.BaseUrl(configuration), EvaluationReport.PickOf(state), ct) is not { } html)
        {
            return NotFound();
        }
        // The PDF of a document printed before is held under the digest of the document itself: the same HTML prints the
        // same PDF, and any change of what it shows (a report, a member, a recommendation, the reader's language or time
        // zone) is a different document, printed anew. Chromium's print of the world's largest report takes seconds.
        var key = "evaluation-pdf|" + FollowUpCountCache.Digest([html]);
        if (held.Made<byte[]>(key) is not { } pdf)
        {
            var outcome = await chromium.RenderAsync(html, ct);
            if (outcome.Pdf is null)
            {
                return chromium.Unavailable(Response, outcome, t["The PDF cannot be made right now."],
                    t["Open the printable version and print it to PDF from your browser: {0}", $"/processes/{HttpContext.AddressedProcess().Slug}/evaluation/{roundId}/print"]);
            }
            pdf = outcome.Pdf;
            held.Keep(key, pdf, pdf.Length / 64);
        }
        return File(pdf, "application/pdf", $"evaluation-{HttpContext.AddressedProcess().Slug}-{roundId}.pdf");
    }

    private async Task<string?> DocumentAsync(int roundId, string stylesheet, string site, string? pick, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        if (await reports.LoadAsync(User, process.Id, roundId, ct, pick: pick) is not { } report)
        {
            return null;
        }
        await labels.ForProcessAsync(process.Id, ct);
        var zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        return EvaluationDocument.Html(report, labels, process.Name, zone, reports.Now, stylesheet, $"{site}/processes/{process.Slug}", held);
    }
}
