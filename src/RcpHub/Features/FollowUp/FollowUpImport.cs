using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.FollowUp;

/// <summary>A spreadsheet import's outcome: the reports added, or the errors (and then nothing was stored).</summary>
public sealed record ImportResult(int Saved, IReadOnlyList<SheetError> Errors);

/// <summary>Reads, checks and stores an uploaded grid: the page and the API share it.</summary>
public static class FollowUpImport
{
    public static async Task<ImportResult> ImportAsync(AppDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<FollowUpText> t,
        StateScope scope, IReadOnlyList<GridRow> grid, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return new(0, [new(0, "", t["Choose a CSV or XLSX file."])]);
        }
        if (file.Length > DocumentUpload.MaxBytes(configuration))
        {
            return new(0, [new(0, "", t["The file is larger than {0}, the largest file accepted.", DocumentUpload.Megabytes(DocumentUpload.MaxBytes(configuration))])]);
        }
        var fileName = ContentDispositionHeaderValue.TryParse(file.ContentDisposition, out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString()
            : "";
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }
        var (rows, readError) = FollowUpSheet.Read(fileName, bytes, t);
        if (rows is null)
        {
            return new(0, [new(0, "", readError!)]);
        }
        var names = await StatusLabels.NamesAsync(db, t, scope.Process.Id, ct);
        var (changed, errors) = FollowUpSheet.Check(rows, grid, names, clock.Today(), scope.StateCode, t);
        if (errors.Count > 0)
        {
            return new(0, errors);
        }
        if (changed.Count == 0)
        {
            return new(0, []);
        }
        return await FollowUpCommands.SaveRowsAsync(db, clock, scope.Process.Id, scope.StateCode, scope.Reader.UserId!, changed, ct)
            ? new(changed.Count, [])
            : new(0, [new(0, "", t["Another report on one of these recommendations was saved at the same moment. Nothing of the file was stored: export the grid again and check it."])]);
    }
}
