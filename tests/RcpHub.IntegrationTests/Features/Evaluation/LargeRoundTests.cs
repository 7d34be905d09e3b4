using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Features.Evaluation;
using RcpHub.Features.FollowUp;
using RcpHub.IntegrationTests.Features.Reports;
using RcpHub.IntegrationTests.Features.Shared;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Evaluation;

/// <summary>A round too large to draw whole (an output of 60 recommendations to the demo's 7 member states: 420 pairs,
/// above <see cref="EvaluationFigures.WholeGridPairs"/>): the report shows its summaries and the row of the one state
/// a reader picks, never the whole grid, which stays in the CSV and XLSX. Morocco reported on every
/// recommendation (even numbers implemented, odd ones in progress), Spain on the first one (planned).</summary>
public sealed class LargeRoundTests : CatalogueTests, IAsyncLifetime
{
    private const int Recommendations = 60;
    private int _round, _first, _output;
    private AppUser _secretariat = null!, _moroccoFocalPoint = null!;

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Factory.Scope();
        var db = scope.Db;
        var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _secretariat = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        _moroccoFocalPoint = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "focal-point@demo.rcphub.test");
        var now = DateTimeOffset.UtcNow;
        var output = new Output
        {
            ProcessId = demo,
            Kind = OutputKind.Recommendations,
            Title = "Large action plan (test)",
            OriginalLanguage = "en",
            Audience = MeetingAudience.MembersOnly,
            AdoptedOn = DateOnly.FromDateTime(now.AddDays(-30).UtcDateTime),
            CreatedAt = now.AddDays(-31),
            UpdatedAt = now.AddDays(-30),
            Recommendations = Enumerable.Range(1, Recommendations).Select(n => new Recommendation
            {
                Number = n,
                OriginalLanguage = "en",
                Text = $"Recommendation number {n} of the large plan (test).",
                ToAllMembers = true,
                GcmObjectives = [new RecommendationGcmObjective { Objective = 1 + (n % 23) }],
            }).ToList(),
        };
        db.Outputs.Add(output);
        var round = new EvaluationRound
        {
            ProcessId = demo,
            Title = "Evaluation of the large plan (test)",
            Output = output,
            OpensAt = now.AddDays(-1),
            DeadlineAt = now.AddDays(20),
            OpenedByUserId = _secretariat.Id,
            CreatedAt = now.AddDays(-1),
        };
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync();
        _round = round.Id;
        _first = output.Recommendations[0].Id;
        _output = output.Id;
        FollowUpReport Report(Recommendation r, string state, ImplementationStatus status) => new()
        {
            ProcessId = demo,
            RecommendationId = r.Id,
            StateCode = state,
            RoundId = round.Id,
            RoundKey = round.Id,
            Sequence = 1,
            IsLatest = true,
            Status = status,
            On = DateOnly.FromDateTime(now.UtcDateTime),
            ReportedByUserId = _moroccoFocalPoint.Id,
            ReportedAt = now,
        };
        db.FollowUpReports.AddRange(output.Recommendations.Select(r => Report(r, "MAR", r.Number % 2 == 0 ? ImplementationStatus.Implemented : ImplementationStatus.InProgress)));
        db.FollowUpReports.Add(Report(output.Recommendations[0], "ESP", ImplementationStatus.Planned));
        await db.SaveChangesAsync();
    }

    private string RoundPage => $"/processes/demo/evaluation/{_round}";

    private static string Cell(HtmlClient.Page page, string table, string state, string figure) =>
        page.Text($"#{table} tr[data-state='{state}'] td[data-figure='{figure}']");

    [Fact]
    public async Task The_page_shows_the_summaries_and_the_picked_states_row_but_never_the_whole_grid_within_ten_queries()
    {
        Assert.True(Recommendations * 7 > EvaluationFigures.WholeGridPairs);
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync(RoundPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#heat-table"));
        Assert.Null(page.Document.GetElementById("evaluation-heat-title"));
        Assert.Null(page.Document.QuerySelector("#grid-part"));
        Assert.Contains("7 states about 60 recommendations", page.Text("#grid-too-large"), StringComparison.Ordinal);
        // The summaries, counted: Morocco 30 implemented and 30 in progress, Spain one planned.
        string Tally(string header) => TallyTables.Cell(page, "by-state", "tr[data-state='MAR']", header);
        Assert.Equal(("30", "30", "0"), (Tally("Implemented"), Tally("In progress"), Tally("Not reported")));
        Assert.Equal(("60", "1"), (Cell(page, "progress-by-state", "ESP", "asked"), Cell(page, "progress-by-state", "ESP", "reported")));
        Assert.Equal("1", TallyTables.Cell(page, "by-recommendation", $"tr[data-recommendation='{_first}']", "Planned"));
        Assert.Equal(3, page.Document.QuerySelectorAll("svg[role='img']").Length);
        // Lighter at this size: each recommendation a link under its output's title instead of its text, and the bars one
        // path per status (no shape with a tooltip per segment; the legend keeps its six boxes), still one labelled picture.
        Assert.Equal($"/processes/demo/outputs/{_output}/recommendations/1",
            page.Document.QuerySelector($"#by-recommendation tr[data-recommendation='{_first}'] th a")?.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("#by-recommendation .status-note"));
        Assert.DoesNotContain("Recommendation number 1 of the large plan", page.Html, StringComparison.Ordinal);
        Assert.Equal("Large action plan (test)", page.Text("#by-recommendation th[scope='rowgroup']"));
        var bars = page.Document.GetElementById("evaluation-bars-title")!.ParentElement!;
        Assert.Equal("img", bars.GetAttribute("role"));
        Assert.InRange(bars.QuerySelectorAll("path").Length, 1, 6);
        Assert.Equal(6, bars.QuerySelectorAll("rect").Length);
        var form = page.Document.QuerySelector("form#pick-grid")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(7, form.QuerySelectorAll("#pick-state option").Length);

        // The reader picks Morocco: its row, one cell per recommendation, and still no whole grid.
        var picked = await secretariat.SubmitAsync(page, "#pick-grid", new Dictionary<string, string> { ["state"] = "MAR" });
        Assert.Equal(HttpStatusCode.OK, picked.Status);
        var rows = picked.Document.QuerySelectorAll("#grid-part tbody tr");
        Assert.Equal(Recommendations, rows.Length);
        Assert.All(rows, r => Assert.Equal("MAR", r.GetAttribute("data-state")));
        Assert.EndsWith("In progress", picked.Text($"#grid-part tr[data-recommendation='{_first}'] td"), StringComparison.Ordinal);
        Assert.EndsWith("Implemented", picked.Text($"#grid-part tr[data-recommendation='{_first + 1}'] td"), StringComparison.Ordinal);
        Assert.Null(picked.Document.QuerySelector("#heat-table"));
        Assert.Equal("MAR", picked.Document.QuerySelector("#pick-state option[selected]")?.GetAttribute("value"));
        // The printable version and the PDF carry the pick.
        var print = picked.Document.QuerySelectorAll(".actions a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/print?", StringComparison.Ordinal) && !h.Contains("handler", StringComparison.Ordinal));
        Assert.Contains("state=MAR", print, StringComparison.Ordinal);
        var printed = await secretariat.GetAsync(print);
        Assert.Equal(Recommendations, printed.Document.QuerySelectorAll("#grid-part tbody tr").Length);
        Assert.Null(printed.Document.QuerySelector("#heat-table"));
        Assert.Null(printed.Document.QuerySelector("form#pick-grid"));
        using var pdf = await secretariat.Http.GetAsync(picked.Document.QuerySelectorAll(".actions a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("handler=Pdf", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = (await ReportTests.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync())).ReplaceLineEndings(" ");
        Assert.Contains("Morocco: status on each recommendation", text, StringComparison.Ordinal);

        // Within the query budget, picked or not (counted on a second request, as QueryBudgetTests do: the sign-in's
        // periodic check of the account adds one now and then).
        foreach (var address in new[] { RoundPage, $"{RoundPage}?state=MAR", $"{RoundPage}/print?state=MAR" })
        {
            await secretariat.GetAsync(address);
            Factory.Queries.Reset();
            Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(address)).Status);
            Assert.True(Factory.Queries.Count <= 10, $"{address}: {Factory.Queries.Count} queries");
        }
    }

    /// <summary>A large round's report is drawn once and held (its body, and its PDF under the document printed) until
    /// anything it shows changes: each change below must show on the next view, as a second instance on the same
    /// database would show it.</summary>
    [Fact]
    public async Task The_held_report_and_its_pdf_show_a_new_report_a_changed_recommendation_and_a_state_leaving_at_once()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        async Task<HtmlClient.Page> ViewAsync()
        {
            // Twice: the second view is written from what the first one held.
            await secretariat.GetAsync(RoundPage);
            var page = await secretariat.GetAsync(RoundPage);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return page;
        }
        async Task<string> PdfAsync()
        {
            await secretariat.Http.GetByteArrayAsync($"{RoundPage}/print?handler=Pdf");
            return (await ReportTests.PdfTextAsync(await secretariat.Http.GetByteArrayAsync($"{RoundPage}/print?handler=Pdf"))).ReplaceLineEndings(" ");
        }
        var page = await ViewAsync();
        Assert.Equal(("60", "1"), (Cell(page, "progress-by-state", "ESP", "asked"), Cell(page, "progress-by-state", "ESP", "reported")));
        Assert.Contains("Large action plan (test)", await PdfAsync(), StringComparison.Ordinal);
        // The same report in another language is drawn in that language, not taken from the English one held.
        using var french = await TestSignIn.HtmlClientAsync(Factory, _secretariat, "fr");
        await french.GetAsync(RoundPage);
        Assert.NotEqual(page.Text("h2#progress"), (await french.GetAsync(RoundPage)).Text("h2#progress"));

        await using var scope = Factory.Scope();
        var db = scope.Db;
        var clock = scope.Get<TimeProvider>();
        var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        // Spain reports on the second recommendation.
        var second = await db.Recommendations.Where(r => r.Id == _first + 1)
            .Select(r => new AskedRecommendation(r.Id, r.OutputId, r.Output!.Title, r.Number, r.Text, r.OriginalLanguage)).SingleAsync();
        var input = new ReportInput { Status = ImplementationStatus.Implemented, On = DateOnly.FromDateTime(DateTime.UtcNow), RoundKey = _round };
        Assert.Equal(SaveOutcome.Saved, (await FollowUpCommands.SaveReportAsync(db, clock, demo, second, "ESP", _moroccoFocalPoint.Id, input, [], CancellationToken.None)).Outcome);
        page = await ViewAsync();
        Assert.Equal(("60", "2"), (Cell(page, "progress-by-state", "ESP", "asked"), Cell(page, "progress-by-state", "ESP", "reported")));
        Assert.Equal("2", TallyTables.Cell(page, "by-recommendation", $"tr[data-recommendation='{_first + 1}']", "Implemented"));

        // The first recommendation now names Morocco alone, and its output is renamed.
        var first = await db.Recommendations.Include(r => r.States).Include(r => r.Output).SingleAsync(r => r.Id == _first);
        first.ToAllMembers = false;
        first.States.Add(new RecommendationState { StateCode = "MAR" });
        first.Output!.Title = "Renamed action plan (test)";
        await db.SaveChangesAsync();
        page = await ViewAsync();
        Assert.Equal(("59", "1"), (Cell(page, "progress-by-state", "ESP", "asked"), Cell(page, "progress-by-state", "ESP", "reported")));
        Assert.Equal("60", Cell(page, "progress-by-state", "MAR", "asked"));
        Assert.Equal("Renamed action plan (test)", page.Text("#by-recommendation th[scope='rowgroup']"));
        var pdf = await PdfAsync();
        Assert.Contains("Renamed action plan (test)", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("Large action plan (test)", pdf, StringComparison.Ordinal);

        // Spain leaves the process: the round, still open, no longer asks it anything.
        foreach (var membership in await db.Memberships.Where(m => m.ProcessId == demo && m.StateCode == "ESP").ToListAsync())
        {
            membership.LeftOn = DateOnly.FromDateTime(DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
        page = await ViewAsync();
        Assert.Null(page.Document.QuerySelector("#progress-by-state tr[data-state='ESP']"));
        Assert.NotNull(page.Document.QuerySelector("#progress-by-state tr[data-state='MAR']"));
    }

    [Fact]
    public async Task The_csv_and_xlsx_hold_the_whole_grid()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var csv = Encoding.UTF8.GetString(await secretariat.Http.GetByteArrayAsync($"{RoundPage}?handler=Csv")).Split("\r\n");
        var pairs = csv.Where(l => l.StartsWith("State and recommendation,", StringComparison.Ordinal)).ToList();
        Assert.Equal(Recommendations * 7, pairs.Count);
        // Morocco on recommendation 2: asked 1, reported 1, implemented 1, implemented share 100 %.
        var two = pairs.Single(l => l.StartsWith("State and recommendation,MAR ", StringComparison.Ordinal) && l.Contains(".2,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("1", "1", "1", "0", "100"), (two[3], two[4], two[5], two[10], two[11]));
        var row = csv.Single(l => l.StartsWith("State,MAR,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("60", "60", "30", "30"), (row[3], row[4], row[5], row[6]));

        var xlsx = await secretariat.Http.GetByteArrayAsync($"{RoundPage}?handler=Xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Assert.Equal(Recommendations * 7, workbook.Worksheets.First().RowsUsed().Count(r => r.Cell(1).GetString() == "State and recommendation"));
    }

    [Fact]
    public async Task A_reader_picks_only_what_the_round_asks_and_they_may_read()
    {
        using var focalPoint = await TestSignIn.HtmlClientAsync(Factory, _moroccoFocalPoint);
        // Canada is an observer (not asked), Portugal a former member (not asked in this round), ZZZ no state: nothing is shown.
        foreach (var query in new[] { "state=CAN", "state=PRT", "state=ZZZ", "state=%3Cscript%3E" })
        {
            var page = await focalPoint.GetAsync($"{RoundPage}?{query}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("#grid-part"));
            Assert.Contains("no such state", page.Text("#grid-pick-unknown"), StringComparison.Ordinal);
            Assert.DoesNotContain("<SCRIPT>", page.Html, StringComparison.Ordinal);
        }
        // The focal point sees the grid as the whole report shows it to them: any state the round asks.
        var spain = await focalPoint.GetAsync($"{RoundPage}?state=esp");
        Assert.Equal(Recommendations, spain.Document.QuerySelectorAll("#grid-part tbody tr").Length);

        // Those who may not read follow-up cannot pick anything either.
        AppUser observer;
        await using (var scope = Factory.Scope())
        {
            observer = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "observer@demo.rcphub.test");
        }
        using var outsider = await TestSignIn.HtmlClientAsync(Factory, observer);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"{RoundPage}?state=MAR")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"{RoundPage}/print?state=MAR")).Status);
    }

    [Fact]
    public async Task A_small_round_keeps_its_whole_heat_map_whatever_is_picked()
    {
        await using var scope = Factory.Scope();
        var demoRound = await scope.Db.EvaluationRounds.Where(r => r.Id != _round && r.Process!.Slug == DemoData.ProcessSlug).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync($"/processes/demo/evaluation/{demoRound}?state=MAR");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#heat-table"));
        Assert.NotNull(page.Document.GetElementById("evaluation-heat-title"));
        Assert.Null(page.Document.QuerySelector("#pick-grid"));
        Assert.Null(page.Document.QuerySelector("#grid-too-large"));
        Assert.Equal(4, page.Document.QuerySelectorAll("svg[role='img']").Length);
    }
}
