using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RcpHub.Features.Delegations;

/// <summary>The participant list as a table of text cells (one row per delegate), written as CSV (RFC 4180, UTF-8 with
/// a byte order mark so that spreadsheet programs read accents and Arabic) or as an XLSX workbook.</summary>
public static class ParticipantExport
{
    public static IReadOnlyList<string[]> Table(IReadOnlyList<DelegationRow> delegations, DelegationLabels labels, Func<string, string> text)
    {
        var table = new List<string[]>
        {
            new[] { text("State"), text("Delegation status"), text("Name"), text("Function"), text("Ministry or agency"), text("Category"), text("Gender"), text("Head of delegation") },
        };
        foreach (var d in delegations)
        {
            foreach (var x in d.Delegates)
            {
                table.Add([d.StateName, labels.Status(d.Status), x.Name, x.Function ?? "", x.Ministry, labels.Category(x.Category), labels.Gender(x.Gender), x.IsHead ? text("Yes") : ""]);
            }
        }
        return table;
    }

    public static byte[] Csv(IReadOnlyList<string[]> table)
    {
        var builder = new StringBuilder();
        foreach (var row in table)
        {
            builder.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    // A cell starting with = + - @ would be run as a formula by spreadsheet programs: prefix it so it stays text.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static byte[] Xlsx(IReadOnlyList<string[]> table, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in table)
            {
                data.Append(new Row(row.Select(value => new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                })));
            }
            worksheet.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            // Sheet names are limited to 31 characters and may not hold some punctuation.
            var name = new string(sheetName.Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal)).Take(31).ToArray());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = name.Length == 0 ? "Participants" : name });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
