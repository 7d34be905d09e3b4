using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Features.Evaluation;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Email;
using RcpHub.IntegrationTests.Features.Reports;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Evaluation;

/// <summary>Evaluation rounds on the demo process (round 1 open on output 1; Morocco reported recommendation 1 in
/// progress and recommendation 2 implemented): opening, closing at the deadline, reminders once per focal point,
/// the evaluation report's figures in every form, and who may see it.</summary>
public sealed class EvaluationTests : MailingTests
{
    private int _demo, _round;
    private AppUser _secretariat = null!, _observer = null!, _civilSociety = null!, _moroccoFocalPoint = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PageCatalogue.PrepareAsync(Factory);
        await using var scope = Factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _round = await scope.Db.EvaluationRounds.Where(r => r.ProcessId == _demo).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        Task<AppUser> DemoAsync(string email) => scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        _secretariat = await DemoAsync("secretariat@demo.rcphub.test");
        _observer = await DemoAsync("observer@demo.rcphub.test");
        _civilSociety = await DemoAsync("civil-society@demo.rcphub.test");
        _moroccoFocalPoint = await DemoAsync("focal-point@demo.rcphub.test");
    }

    private string RoundPage => $"/processes/demo/evaluation/{_round}";

    private async Task SetDeadlineAsync(DateTimeOffset deadline)
    {
        await using var scope = Factory.Scope();
        await scope.Db.EvaluationRounds.Where(r => r.Id == _round).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineAt, deadline));
    }

    [Fact]
    public async Task A_round_is_opened_with_a_deadline_after_its_opening_and_refused_otherwise()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync("/processes/demo/evaluation");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("open", page.Document.QuerySelector($"#rounds tr[data-round='{_round}']")!.GetAttribute("data-state"), StringComparison.Ordinal);

        var refused = await secretariat.SubmitAsync(page, "#open-round", new Dictionary<string, string>
        {
            ["Round.Title"] = "Second evaluation",
            ["Round.OpensAt"] = "2031-03-10T09:00",
            ["Round.DeadlineAt"] = "2031-03-01T09:00",
        });
        Assert.Contains("The deadline must come after the round opens.", refused.Text("#open-round"), StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(1, await scope.Db.EvaluationRounds.CountAsync(r => r.ProcessId == _demo));
        }

        var deadline = DateTime.UtcNow.AddDays(20);
        var opened = await secretariat.SubmitAsync(page, "#open-round", new Dictionary<string, string>
        {
            ["Round.Title"] = "Second evaluation",
            ["Round.DeadlineAt"] = deadline.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal("The round is open. Focal points are reminded before its deadline.", opened.Text("p.notice.ok"));
        Assert.Contains("Second evaluation", opened.Text("h1"), StringComparison.Ordinal);
        Assert.Equal("Every adopted output", opened.Document.QuerySelectorAll(".round-facts dd")[0].TextContent.Trim());

        // The API refuses the same mistake with the field named, and stores nothing.
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        using var bad = await api.PostAsJsonAsync("/api/v1/processes/demo/evaluation/rounds",
            new { title = "Third", opensAt = "2031-03-10T09:00:00Z", deadlineAt = "2031-03-01T09:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("deadlineAt", out _));
        int output;
        await using (var scope = Factory.Scope())
        {
            output = (await scope.Db.EvaluationRounds.Where(r => r.Id == _round).Select(r => r.OutputId).SingleAsync())!.Value;
        }
        using var good = await api.PostAsJsonAsync("/api/v1/processes/demo/evaluation/rounds",
            new { title = "Third", outputId = output, deadlineAt = DateTimeOffset.UtcNow.AddDays(40) });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var created = JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("open", created.GetProperty("state").GetString());
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(3, await scope.Db.EvaluationRounds.CountAsync(r => r.ProcessId == _demo));
        }
    }

    [Fact]
    public async Task A_round_past_its_deadline_reads_closed_at_once_and_the_closing_pass_writes_it_down_once()
    {
        await SetDeadlineAsync(DateTimeOffset.UtcNow.AddMinutes(-5));

        // Before the pass has run, page and API already show the round closed.
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync(RoundPage);
        Assert.StartsWith("Closed on", page.Document.QuerySelectorAll(".round-facts dd")[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#close-round"));
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var rounds = JsonDocument.Parse(await api.GetStringAsync("/api/v1/processes/demo/evaluation/rounds")).RootElement;
        Assert.Equal("closed", rounds[0].GetProperty("state").GetString());

        var scopes = Factory.Services.GetRequiredService<IServiceScopeFactory>();
        Assert.Equal(1, await EvaluationClock.RunOnceAsync(scopes, TestContext.Current.CancellationToken));
        Assert.Equal(0, await EvaluationClock.RunOnceAsync(scopes, TestContext.Current.CancellationToken));
        await using var scope = Factory.Scope();
        var round = await scope.Db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == _round);
        Assert.Equal(round.DeadlineAt, round.ClosedAt);
    }

    [Fact]
    public async Task The_secretariat_closes_a_round_early_after_a_question()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync(RoundPage);
        var asked = await secretariat.GetAsync(page.Document.QuerySelector("#close-round")!.GetAttribute("href")!);
        Assert.Contains("before its deadline", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.Null(await scope.Db.EvaluationRounds.Where(r => r.Id == _round).Select(r => r.ClosedAt).SingleAsync());
        }

        var closed = await secretariat.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The round is closed.", closed.Text("p.notice.ok"));
        await using (var scope = Factory.Scope())
        {
            Assert.NotNull(await scope.Db.EvaluationRounds.Where(r => r.Id == _round).Select(r => r.ClosedAt).SingleAsync());
        }
    }

    [Fact]
    public async Task Each_reminder_reaches_each_focal_point_behind_once_in_their_language_however_many_instances_look()
    {
        var senegal = await TestSignIn.CreateUserAsync(Factory, "focal.point@sn.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "SEN"));
        var spain = await TestSignIn.CreateUserAsync(Factory, "focal.point@es.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "ESP"));
        var morocco = await TestSignIn.CreateUserAsync(Factory, "second.focal.point@ma.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "MAR"));
        await using (var scope = Factory.Scope())
        {
            await scope.Db.Users.Where(u => u.Id == senegal.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
        }

        // Two instances on one PostgreSQL database; SQLite is a file for one instance.
        var instances = new List<RcpHubFactory> { Factory };
        if (Factory.Provider == DatabaseProvider.Postgres)
        {
            var second = new RcpHubFactory(Factory.Provider, Factory.ConnectionString);
            Smtp.Configure(second);
            instances.Add(second);
        }
        try
        {
            async Task AllInstancesLookAsync()
            {
                for (var pass = 0; pass < 2; pass++)
                {
                    await Task.WhenAll(instances.Select(f => MailDispatcher.RunOnceAsync(f.Services.GetRequiredService<IServiceScopeFactory>(), TestContext.Current.CancellationToken)));
                }
            }

            // A day before the deadline.
            await SetDeadlineAsync(DateTimeOffset.UtcNow.AddHours(12));
            await AllInstancesLookAsync();

            var french = await Smtp.WaitForMessageToAsync(senegal.Email!, MailWait);
            Assert.StartsWith("Rappel : rapport attendu le", french.Subject, StringComparison.Ordinal);
            Assert.Contains("Sénégal", french.Body, StringComparison.Ordinal);
            var english = await Smtp.WaitForMessageToAsync(spain.Email!, MailWait);
            Assert.StartsWith("Reminder: report by", english.Subject, StringComparison.Ordinal);
            Assert.Contains("Spain — recommendations asked: 1; not yet reported: 1.", english.Body, StringComparison.Ordinal);
            Assert.Contains($"/processes/demo/evaluation/{_round}", english.Body, StringComparison.Ordinal);
            Assert.Equal(1, await Smtp.CountMessagesToAsync(senegal.Email!));
            Assert.Equal(1, await Smtp.CountMessagesToAsync(spain.Email!));
            // Morocco reported on everything asked of it: neither of its focal points is reminded.
            Assert.Equal(0, await Smtp.CountMessagesToAsync(morocco.Email!));
            Assert.Equal(0, await Smtp.CountMessagesToAsync(_moroccoFocalPoint.Email!));

            // The deadline passed two days ago: the reminder after it, once.
            await SetDeadlineAsync(DateTimeOffset.UtcNow.AddDays(-2));
            await AllInstancesLookAsync();
            var overdue = await Smtp.WaitForMessageToAsync(spain.Email!, MailWait);
            Assert.Equal("Overdue: First evaluation of the fair recruitment recommendations (demo)", overdue.Subject);
            Assert.Equal(2, await Smtp.CountMessagesToAsync(spain.Email!));
            Assert.Equal(2, await Smtp.CountMessagesToAsync(senegal.Email!));

            await using var scope = Factory.Scope();
            var sent = await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKind.EvaluationReminder).ToListAsync();
            // Two reminders (before and after the deadline) to each of the two focal points behind.
            Assert.Equal(4, sent.Count);
            Assert.All(sent, m => Assert.Equal(1, m.Attempts));
        }
        finally
        {
            foreach (var extra in instances.Skip(1))
            {
                await extra.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_report_shows_the_same_figures_on_the_page_in_csv_xlsx_json_and_pdf()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync(RoundPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        string Figure(string table, string figure) => page.Text($"#{table} tr[data-state='MAR'] td[data-figure='{figure}']");
        string Tally(string header) => TallyTables.Cell(page, "by-state", "tr[data-state='MAR']", header);
        Assert.Equal(("1", "1", "0"), (Tally("Implemented"), Tally("In progress"), Tally("Not reported")));
        Assert.Equal(("2", "2", "1"), (Figure("progress-by-state", "asked"), Figure("progress-by-state", "reported"), Figure("progress-by-state", "validated")));
        Assert.Equal("50%", Tally("Implemented share").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal));

        // Four pictures, each a labelled image with its title and description, and no script anywhere.
        var pictures = page.Document.QuerySelectorAll("svg[role='img']");
        Assert.Equal(4, pictures.Length);
        foreach (var svg in pictures)
        {
            var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal(2, ids.Length);
            Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(page.Document.GetElementById(id)?.TextContent)));
        }
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        Assert.Equal("In progress", page.Text($"#heat-table tr[data-state='MAR'] td[data-recommendation]"));

        var csv = await secretariat.Http.GetByteArrayAsync($"{RoundPage}?handler=Csv");
        var row = Encoding.UTF8.GetString(csv).Split("\r\n").Single(l => l.StartsWith("State,MAR,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("2", "2", "1", "1", "50"), (row[3], row[4], row[5], row[6], row[11]));

        var xlsx = await secretariat.Http.GetByteArrayAsync($"{RoundPage}?handler=Xlsx");
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var sheet = workbook.Worksheets.First();
            var mar = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "MAR");
            Assert.Equal((2d, 1d, 1d), (mar.Cell(4).GetDouble(), mar.Cell(6).GetDouble(), mar.Cell(7).GetDouble()));
        }

        using var api = await TestSignIn.HttpClientAsync(Factory, _moroccoFocalPoint);
        var report = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/processes/demo/evaluation/rounds/{_round}/report")).RootElement;
        var morocco = report.GetProperty("byState").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "MAR").GetProperty("tally");
        Assert.Equal((1, 1), (morocco.GetProperty("statuses").GetProperty("Implemented").GetInt32(), morocco.GetProperty("statuses").GetProperty("InProgress").GetInt32()));
        var progress = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/processes/demo/evaluation/rounds/{_round}/progress")).RootElement;
        Assert.Equal(1, progress.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "MAR").GetProperty("validated").GetInt32());

        using var pdf = await secretariat.Http.GetAsync($"{RoundPage}/print?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var printed = await pdf.Content.ReadAsByteArrayAsync();
        var text = await ReportTests.PdfTextAsync(printed);
        Assert.Contains("First evaluation of the fair recruitment recommendations (demo)", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.True(await ReportTests.PdfTaggedAsync(printed), "The PDF lost its structure tree (tags), which screen readers follow.");
    }

    [Fact]
    public async Task Observers_civil_society_and_visitors_see_no_round()
    {
        using (var anonymous = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/processes/demo/evaluation/rounds")).StatusCode);
            using var page = await anonymous.GetAsync(RoundPage);
            Assert.Contains("/account/sign-in", page.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        foreach (var outsider in new[] { _observer, _civilSociety })
        {
            using var api = await TestSignIn.HttpClientAsync(Factory, outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/processes/demo/evaluation/rounds/{_round}/report")).StatusCode);
            using var html = await TestSignIn.HtmlClientAsync(Factory, outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await html.GetAsync(RoundPage)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await html.GetAsync($"{RoundPage}?handler=Csv")).Status);
        }

        // A focal point reads the rounds but may not open one.
        using var focalPoint = await TestSignIn.HttpClientAsync(Factory, _moroccoFocalPoint);
        Assert.Equal(HttpStatusCode.OK, (await focalPoint.GetAsync("/api/v1/processes/demo/evaluation/rounds")).StatusCode);
        using var open = await focalPoint.PostAsJsonAsync("/api/v1/processes/demo/evaluation/rounds", new { title = "Mine", deadlineAt = DateTimeOffset.UtcNow.AddDays(9) });
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        using var another = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await another.GetAsync("/api/v1/processes/demo/evaluation/rounds/987654/report")).StatusCode);
    }

    [Fact]
    public async Task The_report_names_each_gcm_objective_by_its_official_title_in_english_marked_where_none_in_the_readers_language()
    {
        foreach (var (language, title, lang) in new[]
        {
            ("en", "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", "en"),
            ("fr", "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent", "fr"),
            ("ru", "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", "en"),
        })
        {
            using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat, language);
            var page = await secretariat.GetAsync(RoundPage);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            // Recommendation 1 of the demo is linked to objective 6.
            var note = page.Document.QuerySelector("#by-gcm tr[data-objective='6'] th .status-note");
            Assert.NotNull(note);
            Assert.Equal((title, lang), (note.TextContent.Trim(), note.GetAttribute("lang")));
        }
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/processes/demo/evaluation/rounds/{_round}/report");
        Assert.Contains(json.GetProperty("byGcmObjective").EnumerateArray(), o => o.GetProperty("name").GetString() == "6. Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work");
    }
}
