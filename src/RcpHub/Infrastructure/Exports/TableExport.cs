using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace RcpHub.Infrastructure.Exports;

/// <summary>Every CSV and XLSX file the platform hands out is written here, so that no export can forget that a
/// spreadsheet program runs a cell as a formula (OWASP "CSV injection"). A cell is a string, a number, or null
/// (an empty cell, which means "not known" and is not the same as 0 or an empty list).</summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The characters with which a spreadsheet program starts a formula (or, for tab and CR, after which it trims and
    // then does), as the OWASP guidance lists them.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    // Excel refuses a cell longer than this, and ClosedXML throws on it.
    private const int MaxCellLength = 32767;

    /// <summary>The text as a cell that stays text: a single quote before a leading formula character, which
    /// spreadsheet programs show as text rather than evaluate.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    /// <summary>RFC 4180 text (CRLF, quoted where needed) in UTF-8 with a byte order mark: spreadsheet programs otherwise
    /// read the file as a legacy code page and garble names such as "Côte d'Ivoire" or any Arabic.</summary>
    public static byte[] Csv(IEnumerable<IReadOnlyList<object?>> rows)
    {
        // CsvHelper's own injection escape is left off: the cells arrive neutralised by the same rule as the workbook's.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, NewLine = "\r\n" };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(Text).ToArray());
            }
        }
        return stream.ToArray();
    }

    /// <summary>A workbook of one sheet. Numbers are stored as numbers, everything else as text, whatever it holds.</summary>
    public static byte[] Xlsx(IEnumerable<IReadOnlyList<object?>> rows, string sheetName)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName(sheetName));
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case int or long or decimal or double:
                        cell.SetValue(Convert.ToDouble(row[c], CultureInfo.InvariantCulture));
                        break;
                    default:
                        // SetValue on text still guesses numbers and dates, and a guessed "1/2" is not what was written.
                        cell.SetValue(XmlSafe(Text(row[c])!));
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
            r++;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The rows of a CSV file as <see cref="Csv"/> writes it (or a spreadsheet program saves it), cells as text
    /// with the neutralising quote taken off again; null when the file cannot be read as CSV.</summary>
    public static List<string[]>? ReadCsv(byte[] bytes)
    {
        try
        {
            using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
            var rows = new List<string[]>();
            while (csv.Read())
            {
                rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => Restore(csv.GetString(i))).ToArray());
            }
            return rows;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or DecoderFallbackException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The rows of a workbook's first sheet as text (numbers as written, invariant); null when it is no workbook.</summary>
    public static List<string[]>? ReadXlsx(byte[] bytes)
    {
        try
        {
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            var sheet = workbook.Worksheets.FirstOrDefault();
            if (sheet?.LastRowUsed() is not { } lastRow || sheet.LastColumnUsed() is not { } lastColumn)
            {
                return [];
            }
            var width = lastColumn.ColumnNumber();
            return Enumerable.Range(1, lastRow.RowNumber())
                .Select(r => Enumerable.Range(1, width).Select(c => Restore(sheet.Cell(r, c).HasFormula ? "=" + sheet.Cell(r, c).FormulaA1 : sheet.Cell(r, c).GetString())).ToArray())
                .ToArray().ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // ClosedXML throws many kinds of exception on a file that is not a workbook it can read.
            return null;
        }
    }

    // The reverse of Neutralise: a quote before a formula character was put there on the way out.
    private static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && Array.IndexOf(FormulaStarts, cell[1]) >= 0 ? cell[1..] : cell;

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => Neutralise(s),
        int or long or decimal or double => ((IFormattable)cell).ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(cell.ToString() ?? ""),
    };

    // XML 1.0 has no way to write most control characters, nor unpaired surrogates, so the workbook would fail to save:
    // they become U+FFFD, which keeps a trace that something was there.
    private static string XmlSafe(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxCellLength));
        for (var i = 0; i < value.Length && builder.Length < MaxCellLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (builder.Length + 2 > MaxCellLength)
                {
                    break;
                }
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c < ' ' && c is not '\t' and not '\n' and not '\r'))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    // Sheet names hold at most 31 characters, none of []:*?/\ and no apostrophe at either end.
    private static string SheetName(string name)
    {
        var kept = new string(XmlSafe(name).Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal) && !char.IsControl(c)).Take(31).ToArray()).Trim('\'');
        return kept.Length == 0 ? "Sheet1" : kept;
    }
}
