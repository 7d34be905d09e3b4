using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>/processes/{slug}/follow-up/{state}: every recommendation of the process's adopted outputs addressed to the
/// state, with its status in force, date and review; downloadable as CSV or XLSX, and, for the state's own focal points,
/// imported back in the same format (all rows or none).</summary>
[Requires(Operation.ViewFollowUp)]
[UploadSizeLimit]
public sealed class GridModel(AppDbContext db, FollowUpGate gate, TimeProvider clock, IConfiguration configuration, IStringLocalizer<FollowUpText> t) : PageModel
{
    public StateScope Scope { get; private set; } = null!;
    public IReadOnlyList<GridRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<ImplementationStatus, string> Labels { get; private set; } = null!;
    public IReadOnlyList<SheetError> ImportErrors { get; private set; } = [];

    public IFormFile? Sheet { get; set; }

    public async Task<IActionResult> OnGetAsync(string state, bool tooLarge, CancellationToken ct)
    {
        if (!await LoadAsync(state, ct))
        {
            return NotFound();
        }
        if (tooLarge)
        {
            ImportErrors = [new(0, "", t["The file is larger than {0}, the largest file accepted.", DocumentUpload.Megabytes(DocumentUpload.MaxBytes(configuration))])];
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string state, CancellationToken ct) =>
        await LoadAsync(state, ct)
            ? File(TableExport.Csv(FollowUpSheet.Rows(Rows, Labels)), TableExport.CsvContentType, $"follow-up-{Scope.Process.Slug}-{Scope.StateCode.ToLowerInvariant()}.csv")
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(string state, CancellationToken ct) =>
        await LoadAsync(state, ct)
            ? File(TableExport.Xlsx(FollowUpSheet.Rows(Rows, Labels), Scope.StateCode), TableExport.XlsxContentType, $"follow-up-{Scope.Process.Slug}-{Scope.StateCode.ToLowerInvariant()}.xlsx")
            : NotFound();

    /// <summary>Imports the state's grid from a spreadsheet: every row is checked, and nothing is stored if any is wrong.</summary>
    [HandlerRequires(Operation.ReportFollowUp)]
    public async Task<IActionResult> OnPostImportAsync(string state, CancellationToken ct)
    {
        if (!await LoadAsync(state, ct))
        {
            return NotFound();
        }
        if (!Scope.MayReport)
        {
            return Forbid();
        }
        var result = await FollowUpImport.ImportAsync(db, clock, configuration, t, Scope, Rows, Request.Form.Files.GetFile(nameof(Sheet)), ct);
        if (result.Errors.Count > 0)
        {
            ImportErrors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(result.Saved == 0 ? t["The file holds no change: nothing was stored."] : t["Reports added from the file: {0}.", result.Saved]);
        return Redirect(Scope.Address);
    }

    private async Task<bool> LoadAsync(string state, CancellationToken ct)
    {
        if (await gate.StateAsync(User, HttpContext.AddressedProcess(), state, ct) is not { } scope)
        {
            return false;
        }
        Scope = scope;
        Rows = await FollowUpQueries.GridAsync(db, scope.Process.Id, scope.StateCode, scope.Reader, scope.Members, ct);
        Labels = await StatusLabels.ForAsync(db, t, scope.Process.Id, Cultures.Current, ct);
        return true;
    }
}
