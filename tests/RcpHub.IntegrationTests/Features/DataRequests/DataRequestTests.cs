using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Exports;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.DataRequests;

/// <summary>Data requests between states on the demo process (its request is sent to the seven member states, Morocco
/// submitted 12,500 persons, "Yes" and a source, and the aggregate is published): writing and sending a questionnaire
/// to the current members, answering as a focal point with drafts, every refusal storing nothing, the compilation on
/// the page and in CSV and XLSX with each figure's source, the public aggregate, and reminders once per focal point.</summary>
public sealed class DataRequestTests : MailingTests
{
    private int _demo, _demoRequest;
    private AppUser _secretariat = null!, _morocco = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PageCatalogue.PrepareAsync(Factory);
        await using var scope = Factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _demoRequest = await scope.Db.DataRequests.Where(r => r.ProcessId == _demo).Select(r => r.Id).SingleAsync();
        _secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        _morocco = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "focal-point@demo.rcphub.test");
    }

    private static string In(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> AnswersStoredAsync()
    {
        await using var scope = Factory.Scope();
        return await scope.Db.DataAnswers.CountAsync();
    }

    /// <summary>A request written and sent through the API: a number in persons for 2025, a choice and a text.</summary>
    private async Task<(int Id, int[] Questions)> SentRequestAsync(DateTimeOffset? deadline = null)
    {
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        using var created = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests", new
        {
            title = "Return figures",
            deadlineAt = deadline ?? DateTimeOffset.UtcNow.AddDays(10),
            questions = new object[]
            {
                new { text = "Returns assisted", kind = "Figure", unit = "persons", year = 2025 },
                new { text = "National return strategy?", kind = "Choice", options = "Yes\nNo" },
                new { text = "Remarks", kind = "FreeText" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        using var sent = await api.PostAsync($"/api/v1/processes/demo/data-requests/{id}/send", null);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await using var scope = Factory.Scope();
        return (id, await scope.Db.DataQuestions.Where(q => q.DataRequestId == id).OrderBy(q => q.Number).Select(q => q.Id).ToArrayAsync());
    }

    [Fact]
    public async Task A_request_is_written_on_the_page_sent_to_the_current_member_states_and_answered_with_a_draft_then_submitted()
    {
        // Italy left the process today: it is not asked.
        await using (var scope = Factory.Scope())
        {
            await scope.Db.Memberships.Where(m => m.ProcessId == _demo && m.StateCode == "ITA")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftOn, DateOnly.FromDateTime(DateTime.UtcNow)));
        }
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var list = await secretariat.GetAsync("/processes/demo/data-requests");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var refused = await secretariat.SubmitAsync(list, "#new-request", new Dictionary<string, string> { ["Form.Title"] = "Labour attachés", ["Form.DeadlineAt"] = "2020-01-01T09:00" });
        Assert.Contains("The deadline must be in the future.", refused.Text("#new-request"), StringComparison.Ordinal);

        var created = await secretariat.SubmitAsync(list, "#new-request", new Dictionary<string, string>
        {
            ["Form.Title"] = "Labour attachés",
            ["Form.DeadlineAt"] = In(DateTime.UtcNow.AddDays(14)),
        });
        Assert.Equal("The request is saved. Add its questions, then send it to the member states.", created.Text("p.notice.ok"));
        var noOptions = await secretariat.SubmitAsync(created, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Do you post attachés?", ["Question.Kind"] = "Choice", ["Question.Options"] = "Yes" });
        Assert.Contains("Give at least two options, one per line.", noOptions.Text("#add-question"), StringComparison.Ordinal);
        var page = await secretariat.SubmitAsync(created, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Labour attachés posted abroad", ["Question.Kind"] = "Figure", ["Question.Unit"] = "persons" });
        page = await secretariat.SubmitAsync(page, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Do you post attachés?", ["Question.Kind"] = "Choice", ["Question.Options"] = "Yes\nNo" });
        Assert.Equal(2, page.Document.QuerySelectorAll("#questions li").Length);
        page = await secretariat.SubmitAsync(page, "#send-request", new Dictionary<string, string>());
        Assert.StartsWith("The request is sent to the member states", page.Text("p.notice.ok"), StringComparison.Ordinal);
        var asked = page.Document.QuerySelectorAll("#states tr[data-state]").Select(r => r.GetAttribute("data-state")).Order().ToList();
        Assert.Equal(["DEU", "ESP", "FRA", "MAR", "NGA", "SEN"], asked);
        // Sent: questions can still be added, but no longer moved.
        Assert.NotNull(page.Document.QuerySelector("#add-question"));
        Assert.Null(page.Document.QuerySelector("#questions form.move-up"));

        // Morocco's focal point is told, in English.
        var told = await Smtp.WaitForMessageToAsync(_morocco.Email!, MailWait);
        Assert.Equal("New data request: Labour attachés", told.Subject);
        var address = page.Url.Split('?')[0];
        var path = address.StartsWith("http", StringComparison.Ordinal) ? new Uri(address).AbsolutePath : address;
        Assert.Contains(path + "/answer", told.Body, StringComparison.Ordinal);

        using var focalPoint = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var form = await focalPoint.GetAsync(address + "/answer");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var draft = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string> { ["Form.Answers[0].Value"] = "4" });
        Assert.Equal("Your answers are saved as a draft: they are not in the compilation until you submit them.", draft.Text("p.notice.ok"));
        Assert.Equal("4", draft.Document.QuerySelector("#answer-0")!.GetAttribute("value"));
        var compiled = await secretariat.GetAsync(address);
        Assert.Equal("Draft", compiled.Text("#states tr[data-state=MAR] td"));
        Assert.NotNull(compiled.Document.QuerySelector("#no-answers"));

        // Submitting asks for every answer; then the compilation shows Morocco's with its source.
        var incomplete = await focalPoint.SubmitAsync(draft, "#answer-form", new Dictionary<string, string>(), "#submit-answers");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains("Answer question 2 before submitting, or save a draft.", incomplete.Text("#answer-form"), StringComparison.Ordinal);
        var submitted = await focalPoint.SubmitAsync(draft, "#answer-form", new Dictionary<string, string> { ["Form.Answers[1].Value"] = "Yes" }, "#submit-answers");
        Assert.Equal("Your answers are submitted. You may correct them until the deadline.", submitted.Text("p.notice.ok"));
        compiled = await secretariat.GetAsync(address);
        Assert.Equal("4 persons", compiled.Text("#question-1 tr[data-state=MAR] td"));
        Assert.StartsWith("Morocco, submitted by Demo Focal Point on", compiled.Text("#question-1 tr[data-state=MAR] td.source"), StringComparison.Ordinal);
        Assert.Equal("Yes", compiled.Text("#question-2 tr[data-state=MAR] td"));
        Assert.NotNull(compiled.Document.QuerySelector("#compiled-1 svg[role=img]"));
        Assert.Null(compiled.Document.QuerySelector("#compiled-2 svg"));
    }

    [Fact]
    public async Task An_answer_of_the_wrong_type_unit_or_year_for_another_state_or_after_the_deadline_is_refused_and_nothing_is_stored()
    {
        var (id, questions) = await SentRequestAsync();
        var before = await AnswersStoredAsync();
        using var focalPoint = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var form = await focalPoint.GetAsync($"/processes/demo/data-requests/{id}/answer");

        var wrongType = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string> { ["Form.Answers[0].Value"] = "about twelve" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Contains("Question 1 asks for a number (in persons).", wrongType.Text("#answer-form"), StringComparison.Ordinal);
        var wrongUnit = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string> { ["Form.Answers[0].Value"] = "12", ["Form.Answers[0].Unit"] = "households" });
        Assert.Contains("Question 1 asks for a figure in persons, not in households: convert it first.", wrongUnit.Text("#answer-form"), StringComparison.Ordinal);
        var wrongYear = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string> { ["Form.Answers[0].Value"] = "12", ["Form.Answers[0].Year"] = "2019" });
        Assert.Contains("Question 1 asks for the figure of 2025.", wrongYear.Text("#answer-form"), StringComparison.Ordinal);
        var otherState = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string> { ["Form.State"] = "ESP", ["Form.Answers[0].Value"] = "12" });
        Assert.Contains("You answer for your own state only: you are not a focal point of ESP in this process.", otherState.Text("#answer-form"), StringComparison.Ordinal);
        Assert.Equal(before, await AnswersStoredAsync());

        // The API refuses the same with RFC 9457 problem details naming the field.
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        async Task<JsonElement> RefusedAsync(object body)
        {
            using var response = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        }
        Assert.Contains((await RefusedAsync(new { state = "MAR", answers = new[] { new { questionId = questions[1], value = "Maybe" } } })).EnumerateObject(),
            e => e.Name.StartsWith("answers[0].", StringComparison.OrdinalIgnoreCase));
        Assert.True((await RefusedAsync(new { state = "ESP", answers = new[] { new { questionId = questions[0], value = "3" } } })).TryGetProperty("state", out _));
        using (var good = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
            new { state = "mar", submit = true, answers = new object[] { new { questionId = questions[0], value = "1250.5", unit = "persons" }, new { questionId = questions[1], value = "no" }, new { questionId = questions[2], value = "Line one\nLine two" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            var stored = JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(1250.5m, stored.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetInt32() == questions[0]).GetProperty("number").GetDecimal());
            Assert.Equal("No", stored.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetInt32() == questions[1]).GetProperty("choice").GetString());
        }
        var after = await AnswersStoredAsync();
        Assert.Equal(before + 3, after);

        // After the deadline: refused with a clear message, on the form and in the API, and nothing changes.
        await using (var scope = Factory.Scope())
        {
            await scope.Db.DataRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var late = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string> { ["Form.Answers[0].Value"] = "7" });
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Contains("answers are no longer accepted", late.Text("#answer-refused"), StringComparison.Ordinal);
        Assert.True((await RefusedAsync(new { state = "MAR", answers = new[] { new { questionId = questions[0], value = "7" } } })).TryGetProperty("deadline", out _));
        Assert.Equal(after, await AnswersStoredAsync());
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(1250.5m, await scope.Db.DataAnswers.Where(a => a.DataQuestionId == questions[0]).Select(a => a.Number).SingleAsync());
        }
    }

    [Fact]
    public async Task The_compilation_downloads_as_csv_and_xlsx_with_each_figures_source()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var address = $"/processes/demo/data-requests/{_demoRequest}";
        using var csv = await secretariat.Http.GetAsync(address + "?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = TableExport.ReadCsv(await csv.Content.ReadAsByteArrayAsync())!;
        Assert.Equal(["Question", "Question asked", "State code", "State", "Number", "Unit", "Year", "Answer", "Submitted by", "Submitted at (UTC)", "Row", "Column", "Requested by"], rows[0]);
        var morocco = rows.Single(r => r[0] == "1" && r[2] == "MAR");
        Assert.Equal(["12500", "persons", (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], morocco[4..7]);
        Assert.Equal("Demo Focal Point", morocco[8]);
        Assert.NotEmpty(morocco[9]);
        // A state that has not submitted has an empty answer, not a zero.
        Assert.Equal(["", ""], rows.Single(r => r[0] == "1" && r[2] == "ESP")[7..9]);
        Assert.Equal(1 + (3 * 7), rows.Count);

        using var xlsx = await secretariat.Http.GetAsync(address + "?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "1" && r.Cell(3).GetString() == "MAR");
        Assert.Equal(XLDataType.Number, row.Cell(5).DataType);
        Assert.Equal(12500d, row.Cell(5).GetDouble());

        // The chart of the number question stands beside its table on the page.
        var page = await secretariat.GetAsync(address);
        Assert.Equal("Morocco: 12,500 persons (" + (DateTime.UtcNow.Year - 1) + ")", page.Document.QuerySelector("#compiled-1 svg rect title")!.TextContent);
    }

    [Fact]
    public async Task A_compilation_is_members_only_until_published_and_then_public_in_aggregate_only()
    {
        var (id, questions) = await SentRequestAsync();
        using (var api = await TestSignIn.HttpClientAsync(Factory, _morocco))
        {
            using var answered = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
                new { state = "MAR", submit = true, answers = new object[] { new { questionId = questions[0], value = "40" }, new { questionId = questions[1], value = "Yes" }, new { questionId = questions[2], value = "Secret remark" } } });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        var outsider = await TestSignIn.CreateUserAsync(Factory, "outsider@example.org");
        using var outsiderApi = await TestSignIn.HttpClientAsync(Factory, outsider);
        using (var refused = await outsiderApi.GetAsync($"/api/v1/processes/demo/data-requests/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var anonymous = Factory.CreateClient();
        using (var hidden = await anonymous.GetAsync($"/api/v1/processes/demo/data-requests/{id}/aggregate"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using (var hiddenPage = await anonymous.GetAsync($"/processes/demo/data-requests/{id}/aggregate"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
            Assert.DoesNotContain("Return figures", await hiddenPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat))
        {
            using var published = await secretariat.PostAsync($"/api/v1/processes/demo/data-requests/{id}/publication", null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
        var aggregate = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/processes/demo/data-requests/{id}/aggregate", TestContext.Current.CancellationToken);
        var first = aggregate.GetProperty("questions")[0];
        Assert.Equal(1, first.GetProperty("answered").GetInt32());
        Assert.Equal(40m, first.GetProperty("total").GetDecimal());
        Assert.Equal(1, aggregate.GetProperty("questions")[1].GetProperty("choices").GetProperty("Yes").GetInt32());
        var text = aggregate.GetRawText();
        Assert.DoesNotContain("Secret remark", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MAR", text, StringComparison.Ordinal);

        using var reader = HtmlClient.For(Factory);
        var page = await reader.GetAsync($"/processes/demo/data-requests/{id}/aggregate");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("40 persons", page.Text("#aggregate-1 td[data-figure=total]"));
        Assert.DoesNotContain("Morocco", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret remark", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_reminder_reaches_each_focal_point_behind_once_in_their_language_however_many_instances_look()
    {
        var senegal = await TestSignIn.CreateUserAsync(Factory, "focal.point@sn.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "SEN"));
        var spain = await TestSignIn.CreateUserAsync(Factory, "focal.point@es.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "ESP"));
        await using (var scope = Factory.Scope())
        {
            await scope.Db.Users.Where(u => u.Id == senegal.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
            await scope.Db.DataRequests.Where(r => r.Id == _demoRequest).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineAt, DateTimeOffset.UtcNow.AddHours(12)));
        }
        var instances = new List<RcpHubFactory> { Factory };
        if (Factory.Provider == DatabaseProvider.Postgres)
        {
            var second = new RcpHubFactory(Factory.Provider, Factory.ConnectionString);
            Smtp.Configure(second);
            instances.Add(second);
        }
        try
        {
            for (var pass = 0; pass < 2; pass++)
            {
                await Task.WhenAll(instances.Select(f => MailDispatcher.RunOnceAsync(f.Services.GetRequiredService<IServiceScopeFactory>(), TestContext.Current.CancellationToken)));
            }
            var french = await Smtp.WaitForMessageToAsync(senegal.Email!, MailWait);
            Assert.StartsWith("Rappel : réponse attendue le", french.Subject, StringComparison.Ordinal);
            var english = await Smtp.WaitForMessageToAsync(spain.Email!, MailWait);
            Assert.StartsWith("Reminder: answer by", english.Subject, StringComparison.Ordinal);
            Assert.Contains($"/processes/demo/data-requests/{_demoRequest}/answer", english.Body, StringComparison.Ordinal);
            Assert.Equal(1, await Smtp.CountMessagesToAsync(senegal.Email!));
            Assert.Equal(1, await Smtp.CountMessagesToAsync(spain.Email!));
            // Morocco submitted: its focal point is not reminded.
            Assert.Equal(0, await Smtp.CountMessagesToAsync(_morocco.Email!));
            await using var scope = Factory.Scope();
            var sent = await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKind.DataRequestReminder).ToListAsync();
            Assert.Equal(2, sent.Count);
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
}
