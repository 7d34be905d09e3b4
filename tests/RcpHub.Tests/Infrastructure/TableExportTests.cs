using ClosedXML.Excel;
using RcpHub.Infrastructure.Exports;

namespace RcpHub.Tests.Infrastructure;

/// <summary>What the database cannot hold (a NUL, half a surrogate pair, a cell too long for Excel) still makes a
/// workbook; the export tests through HTTP cover the rest.</summary>
public sealed class TableExportTests
{
    [Fact]
    public void A_workbook_is_written_whatever_the_strings_hold()
    {
        var everyChar = new string(Enumerable.Range(0, 0x10000).Select(i => (char)i).ToArray());
        string[] hostile = ["null\0", "lone \uD800 half", "\uDC00", everyChar, new string('x', 40000)];

        var bytes = TableExport.Xlsx([hostile, [1, -2.5, null, "-3"]], "Sheet: [with] /bad\\ *chars?* and far more than thirty-one");

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal("null\uFFFD", sheet.Cell(1, 1).GetString());
        Assert.Equal(32767, sheet.Cell(1, 5).GetString().Length);
        Assert.Equal(-2.5, sheet.Cell(2, 2).GetDouble());
        Assert.Equal("'-3", sheet.Cell(2, 4).GetString());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    public void A_cell_that_would_start_a_formula_is_prefixed_with_a_quote(string value, string written) =>
        Assert.Equal(written, TableExport.Neutralise(value));
}
