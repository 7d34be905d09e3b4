using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Exports;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.DataRequests;

/// <summary>Table-of-rows questions (columns defined by the secretariat, rows entered by a focal point without script,
/// each cell read like an answer, compiled with the state first and summed only in the public aggregate), and editing a
/// questionnaire: its questions while a draft, its wording, added questions and removals that can be undone once sent,
/// and a moved deadline that is mailed and that the reminders follow.</summary>
public sealed class DataRequestTableAndEditTests : MailingTests
{
    private int _demo;
    private AppUser _secretariat = null!, _morocco = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PageCatalogue.PrepareAsync(Factory);
        await using var scope = Factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        _morocco = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "focal-point@demo.rcphub.test");
    }

    private async Task<(string Rows, int Answers)> StoredAsync(int requestId)
    {
        await using var scope = Factory.Scope();
        var answers = await scope.Db.DataAnswers.Where(a => a.DataQuestion!.DataRequestId == requestId).ToListAsync();
        return (string.Join("|", answers.Select(a => a.Rows)), answers.Count);
    }

    /// <summary>A request with a table of returns (nationality as text, persons as a number, status as a choice), sent.</summary>
    private async Task<(int Id, int Question)> TableRequestAsync(bool send = true)
    {
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        using var created = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests", new
        {
            title = "Returns by nationality",
            deadlineAt = DateTimeOffset.UtcNow.AddDays(10),
            questions = new object[]
            {
                new
                {
                    text = "Returns by nationality",
                    kind = "Table",
                    columns = new object[]
                    {
                        new { name = "Nationality", kind = "FreeText" },
                        new { name = "Persons", kind = "Figure", unit = "persons" },
                        new { name = "Status", kind = "Choice", options = "Voluntary\nForced" },
                    },
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        if (send)
        {
            using var sent = await api.PostAsync($"/api/v1/processes/demo/data-requests/{id}/send", null);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }
        await using var scope = Factory.Scope();
        return (id, await scope.Db.DataQuestions.Where(q => q.DataRequestId == id).Select(q => q.Id).SingleAsync());
    }

    [Fact]
    public async Task A_table_question_is_defined_on_the_page_and_its_columns_are_checked()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var (id, _) = await TableRequestAsync(send: false);
        var page = await secretariat.GetAsync($"/processes/demo/data-requests/{id}");
        var noColumn = await secretariat.SubmitAsync(page, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Attachés by country", ["Question.Kind"] = "Table" });
        Assert.Equal(HttpStatusCode.BadRequest, noColumn.Status);
        Assert.Contains("Give the table at least one column.", noColumn.Text("#add-question"), StringComparison.Ordinal);
        var oneOption = await secretariat.SubmitAsync(page, "#add-question", new Dictionary<string, string>
        {
            ["Question.Text"] = "Attachés by country",
            ["Question.Kind"] = "Table",
            ["Question.Columns[0].Name"] = "Country",
            ["Question.Columns[1].Name"] = "Posted",
            ["Question.Columns[1].Kind"] = "Choice",
            ["Question.Columns[1].Options"] = "Yes",
        });
        Assert.Contains("Give at least two options, one per line.", oneOption.Text("#add-question div[data-column='2']"), StringComparison.Ordinal);
        var added = await secretariat.SubmitAsync(page, "#add-question", new Dictionary<string, string>
        {
            ["Question.Text"] = "Attachés by country",
            ["Question.Kind"] = "Table",
            ["Question.Columns[0].Name"] = "Country",
            ["Question.Columns[1].Name"] = "Attachés",
            ["Question.Columns[1].Kind"] = "Figure",
            ["Question.Columns[1].Unit"] = "persons",
        });
        Assert.Equal("The question is added.", added.Text("p.notice.ok"));
        Assert.Equal("Attachés by country (A table with the columns: Country; Attachés (persons))", added.Text("#questions li[data-question='2']").Split("Edit")[0].Trim().Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_focal_point_enters_rows_without_script_each_cell_is_checked_and_the_compilation_shows_every_states_rows()
    {
        var (id, question) = await TableRequestAsync();
        using var focalPoint = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var form = await focalPoint.GetAsync($"/processes/demo/data-requests/{id}/answer");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(3, form.Document.QuerySelectorAll("#rows-0 tbody tr").Length);

        // "More rows" brings blank rows and keeps what was typed; nothing is saved.
        var more = await focalPoint.SubmitAsync(form, "#answer-form", new Dictionary<string, string>
        {
            ["Form.Answers[0].Rows[0].Cells[0]"] = "Tunisian",
            ["Form.Answers[0].Rows[0].Cells[1]"] = "120",
        }, "#more-rows-1");
        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.Equal(6, more.Document.QuerySelectorAll("#rows-0 tbody tr").Length);
        Assert.Equal("Tunisian", more.Document.QuerySelector("#cell-0-0-0")!.GetAttribute("value"));
        Assert.Equal(("", 0), await StoredAsync(id));

        // A cell of the wrong kind is refused naming its row and column, and nothing is stored.
        var wrong = await focalPoint.SubmitAsync(more, "#answer-form", new Dictionary<string, string>
        {
            ["Form.Answers[0].Rows[3].Cells[0]"] = "Malian",
            ["Form.Answers[0].Rows[3].Cells[1]"] = "about forty",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Question 1, row 4, column “Persons” asks for a number (in persons).", wrong.Text("#rows-0 tr[data-row='4']"), StringComparison.Ordinal);
        Assert.Equal(("", 0), await StoredAsync(id));

        // Through the API: a choice outside the options, and rows for another state, are refused with problem details.
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        using (var badChoice = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
            new { state = "MAR", answers = new[] { new { questionId = question, rows = new[] { new { cells = new[] { "Malian", "3", "Deported" } } } } } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
            var errors = JsonDocument.Parse(await badChoice.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Contains("Question 1, row 1, column “Status” asks for one of: Voluntary; Forced.", errors.GetProperty("answers[0].Rows[0].Cells[2]")[0].GetString(), StringComparison.Ordinal);
        }
        using (var otherState = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
            new { state = "ESP", answers = new[] { new { questionId = question, rows = new[] { new { cells = new[] { "Malian", "3", "Forced" } } } } } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, otherState.StatusCode);
            Assert.True(JsonDocument.Parse(await otherState.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("state", out _));
        }
        Assert.Equal(("", 0), await StoredAsync(id));

        // Submitted on the page: blank rows are left out, numbers read as the reader writes them.
        var submitted = await focalPoint.SubmitAsync(more, "#answer-form", new Dictionary<string, string>
        {
            ["Form.Answers[0].Rows[0].Cells[2]"] = "Voluntary",
            ["Form.Answers[0].Rows[4].Cells[0]"] = "Malian",
            ["Form.Answers[0].Rows[4].Cells[1]"] = "40.5",
            ["Form.Answers[0].Rows[4].Cells[2]"] = "forced",
        }, "#submit-answers");
        Assert.Equal("Your answers are submitted. You may correct them until the deadline.", submitted.Text("p.notice.ok"));
        Assert.Equal("""[["Tunisian","120","Voluntary"],["Malian","40.5","Forced"]]""", (await StoredAsync(id)).Rows);
        Assert.Equal(5, submitted.Document.QuerySelectorAll("#rows-0 tbody tr").Length);

        // Senegal answers through the API; the compilation shows every state's rows, the state first, with the source.
        var senegal = await TestSignIn.CreateUserAsync(Factory, "focal.point@sn.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "SEN"));
        using (var senegalApi = await TestSignIn.HttpClientAsync(Factory, senegal))
        {
            using var answered = await senegalApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
                new { state = "SEN", submit = true, answers = new[] { new { questionId = question, rows = new[] { new { cells = new[] { "Gambian", "7", "Forced" } } } } } });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var rows = JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement.GetProperty("answers")[0].GetProperty("rows");
            Assert.Equal("Gambian", rows[0][0].GetString());
        }
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var compiled = await secretariat.GetAsync($"/processes/demo/data-requests/{id}");
        var table = compiled.Document.QuerySelectorAll("#question-1 tbody tr");
        Assert.Equal(3, table.Length);
        Assert.Equal(["State", "Nationality", "Persons (persons)", "Status", "Source"], compiled.Document.QuerySelectorAll("#question-1 thead th").Select(h => h.TextContent.Trim()));
        var malian = compiled.Document.QuerySelector("#question-1 tr[data-state=MAR][data-row='2']")!;
        Assert.Equal(["Morocco", "Malian", "40.5", "Forced"], malian.Children.Take(4).Select(c => c.TextContent.Trim()));
        Assert.StartsWith("Morocco, submitted by Demo Focal Point on", malian.QuerySelector("td.source")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(compiled.Document.QuerySelector("#compiled-1 svg[role=img]"));

        // The files: a line per cell, the number as a number, with its row, column and source.
        using var csv = await secretariat.Http.GetAsync($"/processes/demo/data-requests/{id}?handler=Csv");
        var lines = TableExport.ReadCsv(await csv.Content.ReadAsByteArrayAsync())!;
        Assert.Equal(["Row", "Column"], lines[0][10..12]);
        var persons = lines.Single(l => l[2] == "MAR" && l[10] == "2" && l[11] == "Persons");
        Assert.Equal(["40.5", "persons"], persons[4..6]);
        Assert.Equal("Demo Focal Point", persons[8]);
        using var xlsx = await secretariat.Http.GetAsync($"/processes/demo/data-requests/{id}?handler=Xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var cell = workbook.Worksheets.First().RowsUsed().Single(r => r.Cell(3).GetString() == "SEN" && r.Cell(12).GetString() == "Persons").Cell(5);
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal(7d, cell.GetDouble());

        // Published: the aggregate sums the number column, and shows no state's rows.
        using (var secretariatApi = await TestSignIn.HttpClientAsync(Factory, _secretariat))
        {
            using var published = await secretariatApi.PostAsync($"/api/v1/processes/demo/data-requests/{id}/publication", null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
        using var anonymous = HtmlClient.For(Factory);
        var aggregate = await anonymous.GetAsync($"/processes/demo/data-requests/{id}/aggregate");
        Assert.Equal("167.5 persons", aggregate.Text("#aggregate-1 td[data-figure=column-total]"));
        Assert.DoesNotContain("Malian", aggregate.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Morocco", aggregate.Html, StringComparison.Ordinal);
        using var anonymousApi = Factory.CreateClient();
        var json = await anonymousApi.GetFromJsonAsync<JsonElement>($"/api/v1/processes/demo/data-requests/{id}/aggregate", TestContext.Current.CancellationToken);
        var column = json.GetProperty("questions")[0].GetProperty("columns")[0];
        Assert.Equal(("Persons", 3, 167.5m), (column.GetProperty("name").GetString(), column.GetProperty("figures").GetInt32(), column.GetProperty("total").GetDecimal()));
        Assert.DoesNotContain("Gambian", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_questionnaire_is_edited_reordered_and_a_removed_question_comes_back()
    {
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var (id, table) = await TableRequestAsync(send: false);
        var address = $"/processes/demo/data-requests/{id}";
        var page = await secretariat.GetAsync(address);
        page = await secretariat.SubmitAsync(page, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Return strategy?", ["Question.Kind"] = "FreeText" });
        var edit = await secretariat.GetAsync($"{address}?edit={page.Document.QuerySelector("#questions li[data-question='2'] a.edit-question")!.GetAttribute("href")!.Split("edit=")[1].Split('#')[0]}");
        var edited = await secretariat.SubmitAsync(edit, "#edit-question", new Dictionary<string, string> { ["Edit.Text"] = "National return strategy?", ["Edit.Kind"] = "Choice", ["Edit.Options"] = "Yes\nNo" });
        Assert.Equal("The question is changed.", edited.Text("p.notice.ok"));
        Assert.StartsWith("National return strategy? (One of: Yes; No)", edited.Text("#questions li[data-question='2']"), StringComparison.Ordinal);

        var moved = await secretariat.SubmitAsync(edited, "#questions li[data-question='2'] form.move-up", new Dictionary<string, string>());
        Assert.Equal("The question is moved.", moved.Text("p.notice.ok"));
        Assert.StartsWith("National return strategy?", moved.Text("#questions li[data-question='1']"), StringComparison.Ordinal);

        // Removing asks first; then the question is out of the list and can be put back.
        var asked = await secretariat.GetAsync($"{address}?remove={table}");
        Assert.Contains("Remove question 2, “Returns by nationality”?", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.Null(await scope.Db.DataQuestions.Where(q => q.Id == table).Select(q => q.RemovedAt).SingleAsync());
        }
        var removed = await secretariat.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        // A draft has no answers: the notice speaks of none.
        Assert.Equal("The question is removed. Put it back from the list of removed questions.", removed.Text("p.notice.ok"));
        Assert.Single(removed.Document.QuerySelectorAll("#questions li"));
        var back = await secretariat.SubmitAsync(removed, "#removed-questions form", new Dictionary<string, string>());
        Assert.Equal("The question is back.", back.Text("p.notice.ok"));
        Assert.Equal(2, back.Document.QuerySelectorAll("#questions li").Length);

        // The draft's deadline moves without a word to anyone: no state is asked yet.
        var later = DateTimeOffset.UtcNow.AddDays(20).UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var deadline = await secretariat.SubmitAsync(back, "#move-deadline", new Dictionary<string, string> { ["Deadline"] = later });
        Assert.Equal("The deadline is moved.", deadline.Text("p.notice.ok"));
        Assert.True(await DeadlineAsync(id) > DateTimeOffset.UtcNow.AddDays(15));
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(0, await scope.Db.OutboxMessages.CountAsync(m => m.Kind == MailKind.DataRequestChanged));
        }

        // A focal point edits nothing.
        using var focalPoint = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var refused = await focalPoint.Http.PostAsync($"{address}?handler=EditQuestion&questionId={table}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Edit.Text"] = "Changed" }));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using var focalApi = await TestSignIn.HttpClientAsync(Factory, _morocco);
        using var refusedApi = await focalApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions/{table}", new { text = "Changed" });
        Assert.Equal(HttpStatusCode.Forbidden, refusedApi.StatusCode);
        await using (var scope = Factory.Scope())
        {
            Assert.Equal("Returns by nationality", await scope.Db.DataQuestions.Where(q => q.Id == table).Select(q => q.Text).SingleAsync());
        }
    }

    [Fact]
    public async Task Through_the_api_the_secretariat_reorders_a_draft_takes_a_question_out_and_puts_it_back()
    {
        var (id, table) = await TableRequestAsync(send: false);
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var questions = $"/api/v1/processes/demo/data-requests/{id}/questions";
        using (var added = await api.PostAsJsonAsync(questions, new { text = "Remarks", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }
        Assert.Equal(new[] { "Returns by nationality", "Remarks" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var down = await api.PostAsync($"{questions}/{table}/move-down", null))
        {
            Assert.Equal(HttpStatusCode.OK, down.StatusCode);
            Assert.Equal("draft", JsonDocument.Parse(await down.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }
        Assert.Equal(new[] { "Remarks", "Returns by nationality" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var last = await api.PostAsync($"{questions}/{table}/move-down", null))
        {
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }
        Assert.Equal(new[] { "Remarks", "Returns by nationality" }, await DataRequestStore.QuestionsAsync(Factory, id));

        using (var removed = await api.DeleteAsync($"{questions}/{table}"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
        Assert.Equal(new[] { "Remarks" }, await DataRequestStore.QuestionsAsync(Factory, id));
        // A focal point changes nothing of the secretariat's request.
        using (var focalApi = await TestSignIn.HttpClientAsync(Factory, _morocco))
        {
            using var restored = await focalApi.PostAsync($"{questions}/{table}/restoration", null);
            Assert.Equal(HttpStatusCode.Forbidden, restored.StatusCode);
        }
        Assert.Equal(new[] { "Remarks" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var restored = await api.PostAsync($"{questions}/{table}/restoration", null))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
        Assert.Equal(new[] { "Remarks", "Returns by nationality" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var up = await api.PostAsync($"{questions}/{table}/move-up", null))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }
        Assert.Equal(new[] { "Returns by nationality", "Remarks" }, await DataRequestStore.QuestionsAsync(Factory, id));

        // Once sent, the questions keep the numbers the states answer by.
        using (var sent = await api.PostAsync($"/api/v1/processes/demo/data-requests/{id}/send", null))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }
        using (var moved = await api.PostAsync($"{questions}/{table}/move-down", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
            Assert.Equal("application/problem+json", moved.Content.Headers.ContentType?.MediaType);
            Assert.Equal("The request was sent: its questions keep their numbers, which the states answer by.",
                JsonDocument.Parse(await moved.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("request")[0].GetString());
        }
        Assert.Equal(new[] { "Returns by nationality", "Remarks" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var none = await api.DeleteAsync($"{questions}/{table + 1000}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task After_sending_the_wording_is_corrected_a_question_added_and_a_removed_questions_answers_come_back_with_it()
    {
        var (id, table) = await TableRequestAsync();
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        using (var kind = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions/{table}", new { text = "Returns", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
            Assert.True(JsonDocument.Parse(await kind.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("kind", out _));
        }
        using (var wording = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions/{table}", new { text = "Returns assisted, by nationality" }))
        {
            Assert.Equal(HttpStatusCode.OK, wording.StatusCode);
        }
        using (var added = await api.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions", new { text = "Remarks", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }
        using (var focalApi = await TestSignIn.HttpClientAsync(Factory, _morocco))
        {
            using var answered = await focalApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
                new { state = "MAR", submit = true, answers = new object[] { new { questionId = table, rows = new[] { new { cells = new[] { "Malian", "3", "Forced" } } } } } });
            Assert.Equal(HttpStatusCode.BadRequest, answered.StatusCode);
            Assert.Contains("Answer question 2 before submitting", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync($"/processes/demo/data-requests/{id}");
        Assert.StartsWith("Returns assisted, by nationality", page.Text("#questions li[data-question='1']"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#questions form.move-up, #questions form.move-down"));
        var edit = await secretariat.GetAsync($"/processes/demo/data-requests/{id}?edit={table}");
        Assert.Null(edit.Document.QuerySelector("#edit-question select"));

        // Morocco answers both; the table question is removed after asking: its answer is kept, hidden, and comes back.
        using (var focalApi = await TestSignIn.HttpClientAsync(Factory, _morocco))
        {
            await using var scope = Factory.Scope();
            var remarks = await scope.Db.DataQuestions.Where(q => q.DataRequestId == id && q.Number == 2).Select(q => q.Id).SingleAsync();
            using var answered = await focalApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
                new { state = "MAR", submit = true, answers = new object[] { new { questionId = table, rows = new[] { new { cells = new[] { "Malian", "3", "Forced" } } } }, new { questionId = remarks, value = "None" } } });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        var asked = await secretariat.GetAsync($"/processes/demo/data-requests/{id}?remove={table}");
        Assert.Contains("The states' answers to it are kept out of sight", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        var removed = await secretariat.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The question is removed; its answers are kept. Put it back from the list of removed questions.", removed.Text("p.notice.ok"));
        Assert.Null(removed.Document.QuerySelector("#compiled-1"));
        Assert.DoesNotContain("Malian", removed.Html, StringComparison.Ordinal);
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/processes/demo/data-requests/{id}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Malian", detail.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, (await StoredAsync(id)).Answers);
        var back = await secretariat.SubmitAsync(removed, "#removed-questions form", new Dictionary<string, string>());
        Assert.Equal("The question is back, with its answers.", back.Text("p.notice.ok"));
        Assert.Equal("Malian", back.Document.QuerySelector("#question-1 tr[data-state=MAR] td")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_moved_deadline_is_mailed_in_each_focal_points_language_and_the_reminders_follow_it_once_each()
    {
        var (id, _) = await TableRequestAsync();
        Assert.StartsWith("New data request:", (await Smtp.WaitForMessageToAsync(_morocco.Email!, MailWait)).Subject, StringComparison.Ordinal);
        var senegal = await TestSignIn.CreateUserAsync(Factory, "focal.point@sn.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "SEN"));
        await using (var scope = Factory.Scope())
        {
            await scope.Db.Users.Where(u => u.Id == senegal.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
        }
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var page = await secretariat.GetAsync($"/processes/demo/data-requests/{id}");
        var before = await DeadlineAsync(id);

        // A deadline in the past is refused on the page and in the API; nothing changes and nobody is mailed.
        var past = await secretariat.SubmitAsync(page, "#move-deadline", new Dictionary<string, string> { ["Deadline"] = "2020-01-01T09:00" });
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.Contains("The deadline must be in the future.", past.Text("#move-deadline"), StringComparison.Ordinal);
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        using (var refused = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/deadline", new { deadlineAt = DateTimeOffset.UtcNow.AddDays(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal(before, await DeadlineAsync(id));
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(0, await scope.Db.OutboxMessages.CountAsync(m => m.Kind == MailKind.DataRequestChanged));
        }

        // Moved to 12 hours from now: each focal point is told in their language, once.
        var soon = DateTimeOffset.UtcNow.AddHours(12);
        var moved = await secretariat.SubmitAsync(page, "#move-deadline", new Dictionary<string, string> { ["Deadline"] = soon.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("The deadline is moved; the focal points of the states asked are told by email.", moved.Text("p.notice.ok"));
        var french = await Smtp.WaitForMessageToAsync(senegal.Email!, MailWait);
        Assert.StartsWith("Nouvelle échéance", french.Subject, StringComparison.Ordinal);
        var english = await Smtp.WaitForMessageToAsync(_morocco.Email!, MailWait);
        Assert.StartsWith("New deadline:", english.Subject, StringComparison.Ordinal);

        // The reminder before the new deadline goes once, however often the mail is looked at.
        for (var pass = 0; pass < 2; pass++)
        {
            await MailDispatcher.RunOnceAsync(Factory.Services.GetRequiredService<IServiceScopeFactory>(), TestContext.Current.CancellationToken);
        }
        Assert.Equal(1, await RemindersAsync(senegal.Id));

        // Moved again, later within a day: a new deadline is told, and its own reminder goes once too.
        using (var again = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/deadline", new { deadlineAt = soon.AddHours(6) }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        for (var pass = 0; pass < 2; pass++)
        {
            await MailDispatcher.RunOnceAsync(Factory.Services.GetRequiredService<IServiceScopeFactory>(), TestContext.Current.CancellationToken);
        }
        Assert.Equal(2, await RemindersAsync(senegal.Id));
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(2, await scope.Db.OutboxMessages.CountAsync(m => m.Kind == MailKind.DataRequestChanged && m.UserId == senegal.Id));
        }
    }

    private async Task<DateTimeOffset> DeadlineAsync(int id)
    {
        await using var scope = Factory.Scope();
        return await scope.Db.DataRequests.Where(r => r.Id == id).Select(r => r.DeadlineAt).SingleAsync();
    }

    private async Task<int> RemindersAsync(string userId)
    {
        await using var scope = Factory.Scope();
        return await scope.Db.OutboxMessages.CountAsync(m => m.Kind == MailKind.DataRequestReminder && m.UserId == userId);
    }
}
