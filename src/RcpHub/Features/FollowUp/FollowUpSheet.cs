using System.Globalization;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure.Exports;

namespace RcpHub.Features.FollowUp;

/// <summary>One problem of an imported spreadsheet: its row as the spreadsheet program numbers it, and its column.</summary>
public sealed record SheetError(int Row, string Column, string Message);

/// <summary>A state's grid as a spreadsheet (CSV or XLSX, written by <see cref="TableExport"/>), and the same format read
/// back: every row checked, all rows stored in one save or none.</summary>
public static class FollowUpSheet
{
    /// <summary>The columns, in this order, under these names in every language, so that a file exported in one
    /// interface language imports in any other.</summary>
    public static readonly string[] Columns =
        ["Recommendation id", "Output", "Number", "Recommendation", "Status", "Date", "What was done", "Responsible ministry", "Evidence", "Links"];

    private const int Id = 0, Status = 4, Date = 5, Action = 6, Ministry = 7, Evidence = 8, Links = 9;

    public static IEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<GridRow> grid, IReadOnlyDictionary<ImplementationStatus, string> labels) =>
        new[] { (IReadOnlyList<object?>)Columns }.Concat(grid.Select(g => (IReadOnlyList<object?>)
        [
            g.Recommendation.Id, g.Recommendation.OutputTitle, g.Recommendation.Number, g.Recommendation.Text,
            g.Current is null ? null : labels[g.Current.Status],
            g.Current?.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            g.Current?.Action, g.Current?.ResponsibleMinistry, g.Current?.EvidenceText,
            g.Current is null ? null : string.Join("\n", g.Current.EvidenceLinks),
        ]));

    /// <summary>The file's rows, or why it cannot be read (in the reader's language).</summary>
    public static (List<string[]>? Rows, string? Error) Read(string fileName, byte[] bytes, IStringLocalizer<FollowUpText> t)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".csv")
        {
            return TableExport.ReadCsv(bytes) is { } csv ? (csv, null) : (null, t["The file could not be read as CSV."]);
        }
        if (extension != ".xlsx")
        {
            return (null, t["Upload a CSV or XLSX file in the format of the export."]);
        }
        // The document checks decide what the file is from its bytes, and whether it unpacks safely.
        if (FileSniffer.Check(FileSniffer.CleanName(fileName), bytes) is not { Accepted: true } sniffed || sniffed.Kind != FileSniffer.Xlsx || ReadingLimits.Overloads(bytes))
        {
            return (null, t["The file is not a workbook that can be read safely: upload a CSV or XLSX file in the format of the export."]);
        }
        return TableExport.ReadXlsx(bytes) is { } xlsx ? (xlsx, null) : (null, t["The file could not be read as XLSX."]);
    }

    /// <summary>Checks every row against the grid; the rows that change what is in force, when none is wrong.</summary>
    public static (List<(AskedRecommendation Recommendation, ReportInput Input)> Changed, List<SheetError> Errors) Check(
        List<string[]> rows, IReadOnlyList<GridRow> grid, IReadOnlyDictionary<string, ImplementationStatus> statusNames, DateOnly today,
        string stateCode, IStringLocalizer<FollowUpText> t)
    {
        var errors = new List<SheetError>();
        var changed = new List<(AskedRecommendation, ReportInput)>();
        if (rows.Count == 0)
        {
            errors.Add(new(1, "", t["The file is empty."]));
            return (changed, errors);
        }
        var header = rows[0];
        for (var c = 0; c < Math.Max(header.Length, Columns.Length); c++)
        {
            var found = c < header.Length ? header[c].Trim() : "";
            var wanted = c < Columns.Length ? Columns[c] : "";
            if (!string.Equals(found, wanted, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(1, wanted.Length > 0 ? wanted : found, wanted.Length == 0
                    ? t["There is a column too many: \"{0}\". The columns are those of the export.", found]
                    : t["Column {0} must be \"{1}\" (found \"{2}\"). The columns are those of the export.", c + 1, wanted, found]));
            }
        }
        if (errors.Count > 0)
        {
            return (changed, errors);
        }
        var byId = grid.ToDictionary(g => g.Recommendation.Id);
        var seen = new HashSet<int>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var line = r + 1;
            string Cell(int c) => c < row.Length ? row[c].Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (row.Length > Columns.Length && row.Skip(Columns.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                errors.Add(new(line, "", t["This row has more cells than there are columns."]));
            }
            if (!int.TryParse(Cell(Id), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !byId.TryGetValue(id, out var gridRow))
            {
                errors.Add(new(line, Columns[Id], t["No recommendation with this id is addressed to {0}.", stateCode]));
                continue;
            }
            if (!seen.Add(id))
            {
                errors.Add(new(line, Columns[Id], t["This recommendation is on an earlier row already."]));
                continue;
            }
            if (Cell(Status).Length == 0)
            {
                // Nothing reported on this row: left as it is.
                continue;
            }
            var input = new ReportInput
            {
                Action = Cell(Action), ResponsibleMinistry = Cell(Ministry), EvidenceText = Cell(Evidence), Links = Cell(Links),
            };
            if (statusNames.TryGetValue(Cell(Status), out var status))
            {
                input.Status = status;
            }
            else
            {
                errors.Add(new(line, Columns[Status], t["\"{0}\" is not a status of the list.", Cell(Status)]));
            }
            if (ReadDate(Cell(Date)) is { } on)
            {
                input.On = on;
            }
            else if (Cell(Date).Length > 0)
            {
                errors.Add(new(line, Columns[Date], t["\"{0}\" is not a date: write it as YYYY-MM-DD.", Cell(Date)]));
                input.On = today;
            }
            foreach (var error in FollowUpCommands.Check(input, today).Where(e => e.Field != nameof(ReportInput.Status) || input.Status is not null))
            {
                errors.Add(new(line, ColumnOf(error.Field), t[error.Message]));
            }
            if (Unchanged(input, gridRow.Current))
            {
                continue;
            }
            changed.Add((gridRow.Recommendation, input));
        }
        return (changed, errors);
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(ReportInput.Status) => Columns[Status],
        nameof(ReportInput.On) => Columns[Date],
        nameof(ReportInput.Action) => Columns[Action],
        nameof(ReportInput.ResponsibleMinistry) => Columns[Ministry],
        nameof(ReportInput.EvidenceText) => Columns[Evidence],
        _ => Columns[Links],
    };

    private static DateOnly? ReadDate(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            return on;
        }
        // A spreadsheet program that took the cell for a date may save it as a serial number or with a time.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? DateOnly.FromDateTime(at) : null;
    }

    private static bool Unchanged(ReportInput input, ReportView? current) =>
        current is not null && input.Status == current.Status && input.On == current.On
        && Same(input.Action, current.Action) && Same(input.ResponsibleMinistry, current.ResponsibleMinistry) && Same(input.EvidenceText, current.EvidenceText)
        && input.LinkList().SequenceEqual(current.EvidenceLinks);

    private static bool Same(string? a, string? b) =>
        string.Equals(string.IsNullOrWhiteSpace(a) ? null : a.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), string.IsNullOrWhiteSpace(b) ? null : b, StringComparison.Ordinal);
}
