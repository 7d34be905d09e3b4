using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;

namespace RcpHub.Features.Evaluation;

/// <summary>/processes/{slug}/evaluation/{roundId}: a round's progress and its evaluation report (accomplishment per
/// recommendation, state, theme and GCM objective, the change since the round before, pictures with their tables), as
/// CSV and XLSX too; the secretariat may close it early, after a question.</summary>
[Requires(Operation.ViewFollowUp)]
public sealed class RoundModel(EvaluationReports reports, EvaluationRounds rounds, EvaluationLabels labels, MeetingReaders readers,
    IAuthorizationService authorization, IStringLocalizer<EvaluationText> t) : PageModel
{
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public EvaluationReport Report { get; private set; } = null!;
    public RoundRow Round => Report.Current.Round;
    public string Zone { get; private set; } = TimeZones.Utc;
    public DateTimeOffset Now => reports.Now;
    public bool CanClose { get; private set; }
    public RemovalQuestion? CloseQuestion { get; private set; }

    /// <summary>The picked state as a query parameter led by "&amp;" (empty when none is picked).</summary>
    public string PickQuery => Report.PickedState is { } s ? "&state=" + Uri.EscapeDataString(s) : "";

    /// <param name="state">The state whose row of a large round's grid is shown (a GET form on the page).</param>
    public async Task<IActionResult> OnGetAsync(int roundId, bool close, string? state, CancellationToken ct)
    {
        if (await reports.LoadAsync(User, Process.Id, roundId, ct, pick: EvaluationReport.PickOf(state)) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        await labels.ForProcessAsync(Process.Id, ct);
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        CanClose = !Round.IsClosedAt(Now)
            && (await authorization.AuthorizeAsync(User, new ProcessResource(Process.Id), OperationPolicies.NameOf(Operation.ReviewFollowUp))).Succeeded;
        if (close && CanClose)
        {
            CloseQuestion = new RemovalQuestion(t["Close “{0}” now, before its deadline? States can no longer report into it.", Round.Title],
                t["Close the round"], "Close", new Dictionary<string, string> { ["roundId"] = roundId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                $"/processes/{Process.Slug}/evaluation/{roundId}");
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int roundId, CancellationToken ct) =>
        await RowsAsync(roundId, ct) is { } rows
            ? File(TableExport.Csv(rows), TableExport.CsvContentType, $"evaluation-{Process.Slug}-{roundId}.csv")
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int roundId, CancellationToken ct) =>
        await RowsAsync(roundId, ct) is { } rows
            ? File(TableExport.Xlsx(rows, t["Evaluation"]), TableExport.XlsxContentType, $"evaluation-{Process.Slug}-{roundId}.xlsx")
            : NotFound();

    private async Task<IEnumerable<IReadOnlyList<object?>>?> RowsAsync(int roundId, CancellationToken ct)
    {
        if (await reports.LoadAsync(User, Process.Id, roundId, ct, wholeGrid: true) is not { } report)
        {
            return null;
        }
        await labels.ForProcessAsync(Process.Id, ct);
        return EvaluationExport.Rows(report, labels);
    }

    [HandlerRequires(Operation.ReviewFollowUp)]
    public async Task<IActionResult> OnPostCloseAsync(int roundId, CancellationToken ct)
    {
        var outcome = await rounds.CloseAsync(Process.Id, roundId, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        this.Tell(t["The round is closed."]);
        return Redirect($"/processes/{Process.Slug}/evaluation/{roundId}");
    }
}
