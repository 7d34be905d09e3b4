using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Evaluation;

/// <summary>Reads a figure of an evaluation report's tally table as a reader does: in the row named by
/// <c>rowSelector</c> (within the table), under the column headed <c>header</c>.</summary>
internal static class TallyTables
{
    public static string Cell(HtmlClient.Page page, string table, string rowSelector, string header)
    {
        var headers = page.Document.QuerySelectorAll($"#{table} thead th").Select(h => h.TextContent.Trim()).ToList();
        var column = headers.IndexOf(header);
        Assert.True(column >= 0, $"#{table} has no column headed '{header}' (it has: {string.Join(", ", headers)}).");
        return page.Text($"#{table} {rowSelector} > :nth-child({column + 1})");
    }
}
