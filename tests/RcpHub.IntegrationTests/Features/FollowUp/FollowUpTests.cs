using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Features.FollowUp;
using RcpHub.Infrastructure.Exports;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.FollowUp;

/// <summary>National follow-up on the demo process: Morocco's focal point reports on the recommendations addressed to
/// Morocco (1 and 2; 3 is for the secretariat only), the secretariat reviews, the grid goes out and back in as a
/// spreadsheet, and nobody outside the process's members sees a state's grid or evidence.</summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private AppUser _mar = null!, _mar2 = null!, _secretariat = null!, _observer = null!, _civilSociety = null!;
    private int[] _recommendations = [];
    private int _round;
    private const string Grid = "/processes/demo/follow-up/mar";

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        var db = scope.Db;
        AppUser Demo(ProcessRole role)
        {
            var email = DemoData.Accounts.Single(a => a.Role == role && !a.IsAdministrator).Email;
            return db.Users.AsNoTracking().Single(u => u.Email == email);
        }
        (_mar, _secretariat, _observer, _civilSociety) = (Demo(ProcessRole.FocalPoint), Demo(ProcessRole.Secretariat), Demo(ProcessRole.Observer), Demo(ProcessRole.CivilSociety));
        var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _mar2 = await TestSignIn.CreateUserAsync(_factory, "second.focal.point@ma.example", false, new ReaderRole(demo, ProcessRole.FocalPoint, "MAR"));
        // The demo's recommendations on fair recruitment (1 to all members, 2 to Morocco and Senegal, 3 to the secretariat).
        _recommendations = await db.Recommendations.Where(r => r.Output!.ProcessId == demo && r.Output.Title == "Recommendations on fair recruitment (demo)")
            .OrderBy(r => r.Number).Select(r => r.Id).ToArrayAsync();
        _round = await db.EvaluationRounds.Where(r => r.ProcessId == demo).Select(r => r.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<int> ReportsAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.FollowUpReports.CountAsync() * 1000 + await scope.Db.FollowUpEvidenceFiles.CountAsync();
    }

    private static Dictionary<string, string> Form(string status, DateOnly on, string action = "Decree adopted (test).") => new()
    {
        ["Input.Status"] = status,
        ["Input.On"] = on.ToString("yyyy-MM-dd"),
        ["Input.Action"] = action,
        ["Input.ResponsibleMinistry"] = "Ministry of Labour",
        ["Input.Links"] = "https://example.org/decree",
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_focal_point_reports_and_sees_the_history_and_bad_reports_store_nothing()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _mar);
        var grid = await browser.GetAsync(Grid);
        Assert.Equal(HttpStatusCode.OK, grid.Status);
        // Asked of Morocco: recommendations 1 and 2 on fair recruitment, and the public action plan's one to all members.
        Assert.Equal(3, grid.Document.QuerySelectorAll("tr[data-recommendation]").Length);
        Assert.Contains("In progress", grid.Text($"tr[data-recommendation='{_recommendations[0]}'] .status"));

        var page = await browser.GetAsync($"{Grid}/{_recommendations[0]}");
        var saved = await browser.SubmitAsync(page, "#report-form", Form("Implemented", Today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Your report is saved.", saved.Html);
        var history = saved.Document.QuerySelectorAll(".follow-up-history > li");
        Assert.Equal(2, history.Length);
        Assert.Contains("Implemented", history[0].TextContent);
        Assert.Contains("in force", history[0].TextContent);
        Assert.Contains("In progress", history[1].TextContent);

        var before = await ReportsAsync();
        page = await browser.GetAsync($"{Grid}/{_recommendations[0]}");
        var future = await browser.SubmitAsync(page, "#report-form", Form("Planned", Today.AddDays(3)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.Status);
        Assert.Contains("The date cannot be in the future.", future.Html);
        var outside = await browser.SubmitAsync(page, "#report-form", Form("Abandoned", Today));
        Assert.True(outside.Status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{outside.Status}");
        // Recommendation 3 is addressed to the secretariat only: there is no report page for Morocco, and a post is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{Grid}/{_recommendations[2]}")).Status);
        Assert.Equal(before, await ReportsAsync());

        using var api = await TestSignIn.HttpClientAsync(_factory, _mar);
        using var third = await api.PostAsJsonAsync($"/api/v1/processes/demo/follow-up/mar/{_recommendations[2]}/reports",
            new { status = "Planned", on = Today.ToString("yyyy-MM-dd"), basedOn = 0, roundKey = _round });
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        // Senegal is asked recommendation 2 too, but Morocco's focal point does not report for it.
        using var senegal = await api.PostAsJsonAsync($"/api/v1/processes/demo/follow-up/sen/{_recommendations[1]}/reports",
            new { status = "Planned", on = Today.ToString("yyyy-MM-dd"), basedOn = 0, roundKey = _round });
        Assert.Equal(HttpStatusCode.Forbidden, senegal.StatusCode);
        using var futureApi = await api.PostAsJsonAsync($"/api/v1/processes/demo/follow-up/mar/{_recommendations[1]}/reports",
            new { status = "Planned", on = Today.AddDays(2).ToString("yyyy-MM-dd"), basedOn = 1, roundKey = _round });
        Assert.Equal(HttpStatusCode.BadRequest, futureApi.StatusCode);
        using var badStatus = await api.PostAsJsonAsync($"/api/v1/processes/demo/follow-up/mar/{_recommendations[1]}/reports",
            new { status = "Abandoned", on = Today.ToString("yyyy-MM-dd"), basedOn = 1, roundKey = _round });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(before, await ReportsAsync());
    }

    [Fact]
    public async Task A_report_into_a_closed_round_is_refused_and_nothing_is_stored()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _mar);
        var page = await browser.GetAsync($"{Grid}/{_recommendations[1]}");
        await using (var scope = _factory.Scope())
        {
            await scope.Db.EvaluationRounds.Where(r => r.Id == _round).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var before = await ReportsAsync();
        try
        {
            var refused = await browser.SubmitAsync(page, "#report-form", Form("Implemented", Today, "Closed round text (test)."));
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Contains("has closed: nothing was saved", refused.Html);
            Assert.Contains("Closed round text (test).", refused.Html);
            Assert.Equal(before, await ReportsAsync());
        }
        finally
        {
            await using var scope = _factory.Scope();
            await scope.Db.EvaluationRounds.Where(r => r.Id == _round).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, (DateTimeOffset?)null));
        }
    }

    [Fact]
    public async Task Two_focal_points_saving_from_the_same_report_lose_nothing_silently()
    {
        using var first = await TestSignIn.HtmlClientAsync(_factory, _mar);
        using var second = await TestSignIn.HtmlClientAsync(_factory, _mar2);
        var address = $"{Grid}/{_recommendations[1]}";
        var firstPage = await first.GetAsync(address);
        var secondPage = await second.GetAsync(address);
        Assert.Contains("Your report is saved.", (await first.SubmitAsync(firstPage, "#report-form", Form("Implemented", Today, "First save (test)."))).Html);
        var refused = await second.SubmitAsync(secondPage, "#report-form", Form("InProgress", Today, "Second save (test)."));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("First save (test).", refused.Text(".other-save"));
        Assert.Equal("Second save (test).", refused.Document.QuerySelector("#Input_Action")!.TextContent.Trim());
        // Saved again from the page shown, the second save goes in after the first.
        Assert.Contains("Your report is saved.", (await second.SubmitAsync(refused, "#report-form", Form("InProgress", Today, "Second save (test)."))).Html);

        // Two saves at the same instant from the same report: one is stored, the other is told (409), never both nor none.
        using var a = await TestSignIn.HttpClientAsync(_factory, _mar);
        using var b = await TestSignIn.HttpClientAsync(_factory, _mar2);
        var api = $"/api/v1/processes/demo/follow-up/mar/{_recommendations[0]}";
        var basedOn = (await a.GetFromJsonAsync<HistoryProbe>(api))!.Reports.Where(r => r.IsLatest && r.RoundKey == _round).Max(r => r.Sequence);
        var before = await ReportsAsync();
        var saves = await Task.WhenAll(
            a.PostAsJsonAsync(api + "/reports", new { status = "Planned", on = Today.ToString("yyyy-MM-dd"), action = "A", basedOn, roundKey = _round }),
            b.PostAsJsonAsync(api + "/reports", new { status = "Implemented", on = Today.ToString("yyyy-MM-dd"), action = "B", basedOn, roundKey = _round }));
        var statuses = saves.Select(s => s.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
        Assert.Equal(before + 1000, await ReportsAsync());
        await using var scope = _factory.Scope();
        Assert.Equal(1, await scope.Db.FollowUpReports.CountAsync(r => r.RecommendationId == _recommendations[0] && r.StateCode == "MAR" && r.RoundKey == _round && r.IsLatest));
    }

    private sealed record HistoryProbe(List<ReportProbe> Reports);

    private sealed record ReportProbe(int Id, int RoundKey, int Sequence, bool IsLatest, string Review, string? ReviewNote);

    [Fact]
    public async Task The_secretariat_asks_for_clarification_and_the_state_sees_it()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var page = await secretariat.GetAsync($"{Grid}/{_recommendations[0]}");
        var noNote = await secretariat.SubmitAsync(page, "#review-form", new Dictionary<string, string> { ["Review.Decision"] = "ClarificationAsked" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.Status);
        var asked = await secretariat.SubmitAsync(page, "#review-form",
            new Dictionary<string, string> { ["Review.Decision"] = "ClarificationAsked", ["Review.Note"] = "Which decree? Please give its number (test)." });
        Assert.Contains("Clarification is asked of the state.", asked.Html);

        using var mar = await TestSignIn.HtmlClientAsync(_factory, _mar);
        var grid = await mar.GetAsync(Grid);
        var review = grid.Text($"tr[data-recommendation='{_recommendations[0]}'] .review");
        Assert.Contains("Clarification asked", review);
        Assert.Contains("Which decree?", review);
        var report = await mar.GetAsync($"{Grid}/{_recommendations[0]}");
        Assert.Contains("Which decree?", report.Text(".review-note"));
        var answered = await mar.SubmitAsync(report, "#report-form", Form("InProgress", Today, "Decree 2-24-101 (test)."));
        Assert.Contains("Submitted", answered.Document.QuerySelectorAll(".follow-up-history > li")[0].TextContent);
    }

    [Fact]
    public async Task The_grid_goes_out_and_back_in_as_a_spreadsheet_and_one_bad_row_stores_nothing()
    {
        using var mar = await TestSignIn.HtmlClientAsync(_factory, _mar);
        var csv = await mar.Http.GetByteArrayAsync(Grid + "?handler=Csv");
        var rows = TableExport.ReadCsv(csv)!;
        Assert.Equal(FollowUpSheet.Columns, rows[0]);
        // The header and the three recommendations asked of Morocco.
        Assert.Equal(4, rows.Count);
        var row = rows.FindIndex(r => r[0] == _recommendations[0].ToString());
        rows[row][4] = "Implemented";
        rows[row][5] = Today.ToString("yyyy-MM-dd");
        rows[row][6] = "Published in the official journal (spreadsheet test).";

        var grid = await mar.GetAsync(Grid);
        var before = await ReportsAsync();
        var bad = rows.Select(r => r.ToArray()).ToList();
        var other = row == 1 ? 2 : 1;
        bad[other][4] = "Planned";
        bad[other][5] = Today.AddDays(5).ToString("yyyy-MM-dd");
        var refused = await mar.SubmitAsync(grid, "#import-form", new Dictionary<string, string>(), null,
            new Dictionary<string, (string, byte[])> { ["Sheet"] = ("grid.xlsx", TableExport.Xlsx(bad, "MAR")) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains($"Row {other + 1}, column \"Date\": The date cannot be in the future.", refused.Text("#import-errors"));
        Assert.Equal(before, await ReportsAsync());

        var wrongColumn = rows.Select(r => r.ToArray()).ToList();
        wrongColumn[0][4] = "State";
        refused = await mar.SubmitAsync(grid, "#import-form", new Dictionary<string, string>(), null,
            new Dictionary<string, (string, byte[])> { ["Sheet"] = ("grid.csv", TableExport.Csv(wrongColumn)) });
        Assert.Contains("Column 5 must be \"Status\"", refused.Text("#import-errors"));
        Assert.Equal(before, await ReportsAsync());

        var imported = await mar.SubmitAsync(grid, "#import-form", new Dictionary<string, string>(), null,
            new Dictionary<string, (string, byte[])> { ["Sheet"] = ("grid.csv", TableExport.Csv(rows)) });
        Assert.Contains("Reports added from the file: 1.", imported.Html);
        Assert.Contains("Implemented", imported.Text($"tr[data-recommendation='{_recommendations[0]}'] .status"));
        Assert.Equal(before + 1000, await ReportsAsync());

        // The same file again changes nothing.
        var again = await mar.SubmitAsync(grid, "#import-form", new Dictionary<string, string>(), null,
            new Dictionary<string, (string, byte[])> { ["Sheet"] = ("grid.xlsx", await mar.Http.GetByteArrayAsync(Grid + "?handler=Xlsx")) });
        Assert.Contains("The file holds no change", again.Html);
        Assert.Equal(before + 1000, await ReportsAsync());
    }

    [Fact]
    public async Task Evidence_files_pass_the_document_checks_and_only_members_see_a_states_grid_or_evidence()
    {
        using var mar = await TestSignIn.HtmlClientAsync(_factory, _mar);
        var address = $"{Grid}/{_recommendations[1]}";
        var page = await mar.GetAsync(address);
        var before = await ReportsAsync();
        var refused = await mar.SubmitAsync(page, "#report-form", Form("Implemented", Today), null,
            new Dictionary<string, (string, byte[])> { ["Files"] = ("decree.pdf", Encoding.UTF8.GetBytes("MZ this is no PDF")) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(before, await ReportsAsync());

        var saved = await mar.SubmitAsync(page, "#report-form", Form("Implemented", Today), null,
            new Dictionary<string, (string, byte[])> { ["Files"] = ("decree.pdf", DocumentFiles.Pdf("Decree on recruitment agencies")) });
        Assert.Contains("Your report is saved.", saved.Html);
        var link = saved.Document.QuerySelector(".evidence a[download]")!.GetAttribute("href")!;
        using var download = await mar.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var fileId = link[(link.LastIndexOf('=') + 1)..];

        foreach (var outsider in new[] { _observer, _civilSociety })
        {
            using var client = await TestSignIn.HttpClientAsync(_factory, outsider);
            foreach (var url in new[] { Grid, address, link, $"/api/v1/processes/demo/follow-up/mar", $"/api/v1/processes/demo/follow-up/mar/{_recommendations[1]}/evidence/{fileId}/file" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{outsider.Email} {url}: {response.StatusCode}");
                Assert.DoesNotContain("Decree on recruitment", await response.Content.ReadAsStringAsync());
            }
        }
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { Grid, address, link, "/api/v1/processes/demo/follow-up/mar" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"anonymous {url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_renamed_status_label_shows_on_the_evaluation_report_and_the_accountability_page()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var saved = await api.PutAsJsonAsync("/api/v1/processes/demo/follow-up/labels", new { language = "en", planned = "Scheduled for action", inProgress = "Under way" }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var report = await secretariat.GetAsync($"/processes/demo/evaluation/{_round}");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var columns = report.Texts("#by-recommendation thead th");
        Assert.Contains("Under way", columns);
        Assert.Contains("Scheduled for action", columns);
        Assert.DoesNotContain("In progress", columns);
        // Morocco's report on recommendation 1 is in progress: the heat map's table names it by the process's label.
        Assert.Contains("Under way", report.Html, StringComparison.Ordinal);
        using (var csv = await secretariat.Http.GetAsync($"/processes/demo/evaluation/{_round}?handler=Csv"))
        {
            Assert.Contains("Under way", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var accountability = await secretariat.GetAsync("/processes/demo/accountability");
        Assert.Contains("Scheduled for action", accountability.Texts("table.accountability thead th"));
        Assert.Equal("Scheduled for action", accountability.Text("table.state-detail tr[data-state=MAR] td"));
        var anonymous = await HtmlClient.For(_factory).GetAsync("/processes/demo/accountability");
        Assert.Contains("Scheduled for action", anonymous.Texts("table.accountability thead th"));
        Assert.DoesNotContain("Planned", anonymous.Texts("table.accountability thead th"));
    }

    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        return form;
    }

    [Fact]
    public async Task Evidence_files_are_added_to_a_report_through_the_api_with_the_document_checks()
    {
        int inProgress, validated;
        await using (var scope = _factory.Scope())
        {
            // Morocco's demo reports: on recommendation 1 in progress (submitted), on recommendation 2 validated.
            var latest = scope.Db.FollowUpReports.Where(r => r.StateCode == "MAR" && r.IsLatest);
            inProgress = await latest.Where(r => r.RecommendationId == _recommendations[0]).Select(r => r.Id).SingleAsync();
            validated = await latest.Where(r => r.RecommendationId == _recommendations[1]).Select(r => r.Id).SingleAsync();
        }
        var evidence = $"/api/v1/processes/demo/follow-up/mar/{_recommendations[0]}/reports/{inProgress}/evidence";
        using var mar = await TestSignIn.HttpClientAsync(_factory, _mar);
        var before = await ReportsAsync();

        using (var bad = await mar.PostAsync(evidence, Files(("decree.pdf", Encoding.UTF8.GetBytes("MZ this is no PDF")))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("files", out _));
        }
        using (var none = await mar.PostAsync(evidence, new MultipartFormDataContent { { new StringContent("no file"), "note" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        }
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var notTheirs = await secretariat.PostAsync(evidence, Files(("decree.pdf", DocumentFiles.Pdf("Decree on recruitment agencies")))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }
        using (var closed = await mar.PostAsync($"/api/v1/processes/demo/follow-up/mar/{_recommendations[1]}/reports/{validated}/evidence",
            Files(("decree.pdf", DocumentFiles.Pdf("Decree on recruitment agencies")))))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        }
        Assert.Equal(before, await ReportsAsync());

        using var added = await mar.PostAsync(evidence, Files(("decree.pdf", DocumentFiles.Pdf("Decree on recruitment agencies"))));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var file = Assert.Single((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files").EnumerateArray());
        Assert.Equal("decree.pdf", file.GetProperty("fileName").GetString());
        using var download = await mar.GetAsync($"/api/v1/processes/demo/follow-up/mar/{_recommendations[0]}/evidence/{file.GetProperty("id").GetInt32()}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before + 1, await ReportsAsync());
    }
}
