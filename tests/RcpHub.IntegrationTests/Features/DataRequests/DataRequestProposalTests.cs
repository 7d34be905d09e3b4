using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.Infrastructure.Exports;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.DataRequests;

/// <summary>A member state proposing a data request through the secretariat (issue 12, item 3): Morocco's focal point
/// writes and submits a proposal, the secretariat is mailed in its language, reviews it and sends it (then every member
/// state answers, and the request says "Requested by Morocco" on its page, its aggregate, its CSV and the API) or declines
/// it with a reason the proposer is mailed; bad proposals and acts on a settled proposal are refused with nothing stored;
/// until it is sent, no other member state sees it.</summary>
public sealed class DataRequestProposalTests : MailingTests
{
    private int _demo;
    private AppUser _secretariat = null!, _morocco = null!, _senegal = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PageCatalogue.PrepareAsync(Factory);
        await using var scope = Factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        _morocco = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "focal-point@demo.rcphub.test");
        _senegal = await TestSignIn.CreateUserAsync(Factory, "focal.point@sn.example", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "SEN"));
    }

    private static string In(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The next mail to <paramref name="email"/> whose subject starts so (a focal point also gets the request itself).</summary>
    private async Task<MimeMessageText> MailAsync(string email, string subject)
    {
        for (var i = 0; i < 4; i++)
        {
            if (await Smtp.WaitForMessageToAsync(email, MailWait) is { } mail && mail.Subject.StartsWith(subject, StringComparison.Ordinal))
            {
                return mail;
            }
        }
        throw new InvalidOperationException($"No mail “{subject}” to {email}.");
    }

    private async Task<int> RequestsStoredAsync()
    {
        await using var scope = Factory.Scope();
        return await scope.Db.DataRequests.CountAsync();
    }

    [Fact]
    public async Task A_state_proposes_on_the_page_the_secretariat_is_mailed_in_its_language_sends_it_and_it_says_requested_by_everywhere()
    {
        await using (var scope = Factory.Scope())
        {
            await scope.Db.Users.Where(u => u.Id == _secretariat.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
        }
        using var morocco = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var list = await morocco.GetAsync("/processes/demo/data-requests");
        var noTitle = await morocco.SubmitAsync(list, "#propose-request", new Dictionary<string, string> { ["Proposal.DeadlineAt"] = In(DateTime.UtcNow.AddDays(20)) });
        Assert.Contains("Give the request a title.", noTitle.Text("#propose-request"), StringComparison.Ordinal);
        var draft = await morocco.SubmitAsync(list, "#propose-request", new Dictionary<string, string>
        {
            ["Proposal.Title"] = "Consular assistance",
            ["Proposal.DeadlineAt"] = In(DateTime.UtcNow.AddDays(20)),
        });
        Assert.StartsWith("The proposal is saved", draft.Text("p.notice.ok"), StringComparison.Ordinal);
        Assert.Equal("Proposal of Morocco, being written", draft.Text("#request-status"));
        var address = new Uri(new Uri("http://localhost"), draft.Url.Split('?')[0]).AbsolutePath;

        // Submitting without a question is refused; the question form is the secretariat's own.
        var empty = await morocco.SubmitAsync(draft, "#submit-proposal", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Add at least one question before proposing the request.", empty.Html, StringComparison.Ordinal);
        var noUnit = await morocco.SubmitAsync(draft, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Nationals assisted", ["Question.Kind"] = "Figure" });
        Assert.Contains("Give the unit of the number (persons, USD, days...).", noUnit.Text("#add-question"), StringComparison.Ordinal);
        var page = await morocco.SubmitAsync(draft, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Nationals assisted", ["Question.Kind"] = "Figure", ["Question.Unit"] = "persons" });
        Assert.Single(page.Document.QuerySelectorAll("#questions li"));

        // While Morocco writes it, neither the secretariat nor another member state sees it.
        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        using var senegal = await TestSignIn.HtmlClientAsync(Factory, _senegal);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(address)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await senegal.GetAsync(address)).Status);

        page = await morocco.SubmitAsync(page, "#submit-proposal", new Dictionary<string, string>());
        Assert.StartsWith("The proposal is submitted", page.Text("p.notice.ok"), StringComparison.Ordinal);
        Assert.Equal("Proposed by Morocco, waiting for review", page.Text("#request-status"));

        // The secretariat is told in French, with Morocco's French name.
        var told = await Smtp.WaitForMessageToAsync(_secretariat.Email!, MailWait);
        Assert.Equal("Demande de données proposée (Maroc) : Consular assistance", told.Subject);
        Assert.Contains(address, told.Body, StringComparison.Ordinal);

        // Another member state still sees nothing of it: not in the list, not the page, not the API.
        Assert.Null((await senegal.GetAsync("/processes/demo/data-requests")).Document.QuerySelector($"#requests a[href='{address}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await senegal.GetAsync(address)).Status);
        var id = int.Parse(address.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        using (var senegalApi = await TestSignIn.HttpClientAsync(Factory, _senegal))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await senegalApi.GetAsync($"/api/v1/processes/demo/data-requests/{id}")).StatusCode);
            Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await senegalApi.GetStringAsync("/api/v1/processes/demo/data-requests/proposals"), StringComparison.Ordinal);
        }

        // The secretariat sees it waiting in the list, edits it and sends it.
        var review = await secretariat.GetAsync("/processes/demo/data-requests");
        Assert.Equal("Proposed by Morocco, waiting for review", review.Text($"#requests tr[data-request='{id}'] td:nth-child(3)"));
        page = await secretariat.GetAsync(address);
        page = await secretariat.SubmitAsync(page, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Consulates abroad", ["Question.Kind"] = "Figure", ["Question.Unit"] = "consulates" });
        Assert.Equal(2, page.Document.QuerySelectorAll("#questions li").Length);
        page = await secretariat.SubmitAsync(page, "#send-request", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var outcome = await MailAsync(_morocco.Email!, "Your proposal is sent");
        Assert.Equal("Your proposal is sent: Consular assistance", outcome.Subject);

        // Senegal answers like any member state.
        using (var senegalApi = await TestSignIn.HttpClientAsync(Factory, _senegal))
        {
            int[] questions;
            await using (var scope = Factory.Scope())
            {
                questions = await scope.Db.DataQuestions.Where(q => q.DataRequestId == id).OrderBy(q => q.Number).Select(q => q.Id).ToArrayAsync();
            }
            using var answered = await senegalApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/answers",
                new { state = "SEN", submit = true, answers = new object[] { new { questionId = questions[0], value = "310" }, new { questionId = questions[1], value = "12" } } });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var json = JsonDocument.Parse(await senegalApi.GetStringAsync($"/api/v1/processes/demo/data-requests/{id}")).RootElement.GetProperty("request");
            Assert.Equal("MAR", json.GetProperty("requestedBy").GetString());
            Assert.Equal("Morocco", json.GetProperty("requestedByName").GetString());
        }

        // "Requested by Morocco": on the page (to another member state, now that it is sent), beside the compilation, in the CSV and on the aggregate.
        var shown = await senegal.GetAsync(address);
        Assert.Equal("Requested by Morocco", shown.Text("#requested-by"));
        Assert.Equal("310 persons", shown.Text("#question-1 tr[data-state=SEN] td"));
        using (var csv = await senegal.Http.GetAsync(address + "?handler=Csv"))
        {
            var rows = TableExport.ReadCsv(await csv.Content.ReadAsByteArrayAsync())!;
            Assert.Equal("Requested by", rows[0][^1]);
            Assert.All(rows.Skip(1), r => Assert.Equal("Morocco", r[^1]));
        }
        page = await secretariat.GetAsync(address);
        await secretariat.SubmitAsync(page, "#publish-aggregate", new Dictionary<string, string>());
        using var anonymous = HtmlClient.For(Factory);
        Assert.Equal("Requested by Morocco", (await anonymous.GetAsync(address + "/aggregate")).Text("#requested-by"));
    }

    [Fact]
    public async Task Bad_proposals_are_refused_with_nothing_stored_and_a_declined_proposal_is_told_to_its_state_and_settled()
    {
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        var deadline = DateTimeOffset.UtcNow.AddDays(15);
        var question = new { text = "Labour migrants registered", kind = "Figure", unit = "persons" };
        var before = await RequestsStoredAsync();
        async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        }
        using (var noQuestions = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new { state = "MAR", title = "Labour", deadlineAt = deadline }))
        {
            Assert.Equal("Add at least one question before proposing the request.", (await RefusedAsync(noQuestions)).GetProperty("questions")[0].GetString());
        }
        using (var otherState = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new { state = "SEN", title = "Labour", deadlineAt = deadline, questions = new[] { question } }))
        {
            Assert.Equal("You propose for your own state only: you are not a focal point of SEN in this process.", (await RefusedAsync(otherState)).GetProperty("state")[0].GetString());
        }
        var administrator = await TestSignIn.CreateUserAsync(Factory, "admin@rcphub.example", administrator: true);
        using (var adminApi = await TestSignIn.HttpClientAsync(Factory, administrator))
        using (var notMember = await adminApi.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new { state = "USA", title = "Labour", deadlineAt = deadline, questions = new[] { question } }))
        {
            Assert.Equal("USA is not a member state of this process today: only member states propose data requests.", (await RefusedAsync(notMember)).GetProperty("state")[0].GetString());
        }
        Assert.Equal(before, await RequestsStoredAsync());

        using var proposed = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new { state = "MAR", title = "Labour migration", deadlineAt = deadline, questions = new[] { question } });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var created = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("proposed", created.GetProperty("state").GetString());
        var id = created.GetProperty("id").GetInt32();
        var told = await Smtp.WaitForMessageToAsync(_secretariat.Email!, MailWait);
        Assert.Equal("Data request proposed by Morocco: Labour migration", told.Subject);

        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var waiting = JsonDocument.Parse(await secretariat.GetStringAsync("/api/v1/processes/demo/data-requests/proposals")).RootElement;
        Assert.Equal("MAR", waiting.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id).GetProperty("requestedBy").GetString());

        // Declining needs a reason; then Morocco's focal point is told it.
        using (var noReason = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/decline", new { reason = " " }))
        {
            Assert.Equal("Give the reason: the state is told it.", (await RefusedAsync(noReason)).GetProperty("reason")[0].GetString());
        }
        await using (var scope = Factory.Scope())
        {
            Assert.Null(await scope.Db.DataRequests.Where(r => r.Id == id).Select(r => r.DeclinedAt).SingleAsync());
        }
        using (var declined = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/decline", new { reason = "The next meeting covers labour migration." }))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
            Assert.Equal("declined", JsonDocument.Parse(await declined.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }
        var outcome = await Smtp.WaitForMessageToAsync(_morocco.Email!, MailWait);
        Assert.Equal("Your proposal is declined: Labour migration", outcome.Subject);
        Assert.Contains("The next meeting covers labour migration.", outcome.Body, StringComparison.Ordinal);

        // A declined proposal is settled: not sent, not declined again, not taken back; nothing changes.
        using (var send = await secretariat.PostAsync($"/api/v1/processes/demo/data-requests/{id}/send", null))
        {
            Assert.Equal("This proposal was declined by the secretariat.", (await RefusedAsync(send)).GetProperty("request")[0].GetString());
        }
        using (var again = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/decline", new { reason = "Again" }))
        {
            Assert.Equal("This proposal was declined by the secretariat.", (await RefusedAsync(again)).GetProperty("request")[0].GetString());
        }
        using (var edit = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions", new { text = "Another", kind = "FreeText" }))
        {
            Assert.Equal("This proposal was declined by the secretariat.", (await RefusedAsync(edit)).GetProperty("request")[0].GetString());
        }
        using (var withdraw = await api.PostAsync($"/api/v1/processes/demo/data-requests/{id}/withdrawal", null))
        {
            Assert.Equal("This proposal was declined by the secretariat.", (await RefusedAsync(withdraw)).GetProperty("request")[0].GetString());
        }
        await using (var scope = Factory.Scope())
        {
            var stored = await scope.Db.DataRequests.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal("The next meeting covers labour migration.", stored.DeclineReason);
            Assert.Null(stored.SentAt);
            Assert.Equal(0, await scope.Db.DataResponses.CountAsync(s => s.DataRequestId == id));
            Assert.Equal(1, await scope.Db.DataQuestions.CountAsync(q => q.DataRequestId == id));
        }
    }

    [Fact]
    public async Task The_proposer_takes_back_a_waiting_proposal_after_a_confirmation_and_may_submit_it_again()
    {
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        using var proposed = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new
        {
            state = "MAR", title = "Remittance costs", deadlineAt = DateTimeOffset.UtcNow.AddDays(15),
            questions = new object[] { new { text = "Average cost", kind = "Figure", unit = "%" }, new { text = "Corridors", kind = "Table", columns = new[] { new { name = "Corridor", kind = "FreeText" } } } },
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var address = $"/processes/demo/data-requests/{id}";

        using var morocco = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var page = await morocco.GetAsync(address);
        Assert.Null(page.Document.QuerySelector("#confirm-removal"));
        var asked = await morocco.GetAsync(address + "?withdraw=true");
        Assert.Contains("Take back the proposal “Remittance costs”?", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.NotNull(await scope.Db.DataRequests.Where(r => r.Id == id).Select(r => r.ProposedAt).SingleAsync());
        }
        var taken = await morocco.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.StartsWith("The proposal is taken back", taken.Text("p.notice.ok"), StringComparison.Ordinal);
        Assert.Equal("Proposal of Morocco, being written", taken.Text("#request-status"));

        using var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(address)).Status);
        // Nor does it change the state's draft through the API.
        using (var secretariatApi = await TestSignIn.HttpClientAsync(Factory, _secretariat))
        {
            using var added = await secretariatApi.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions", new { text = "Another question", kind = "FreeText" });
            Assert.Equal(HttpStatusCode.NotFound, added.StatusCode);
            using var moved = await secretariatApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/deadline", new { deadlineAt = DateTimeOffset.UtcNow.AddDays(30) });
            Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        }

        var again = await morocco.SubmitAsync(taken, "#submit-proposal", new Dictionary<string, string>());
        Assert.Equal("Proposed by Morocco, waiting for review", again.Text("#request-status"));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(address)).Status);
        // Each submission is told to the secretariat.
        await MailAsync(_secretariat.Email!, "Data request proposed by Morocco: Remittance costs");
        await MailAsync(_secretariat.Email!, "Data request proposed by Morocco: Remittance costs");
    }

    [Fact]
    public async Task The_proposer_edits_moves_and_removes_the_questions_of_their_draft_and_moves_its_deadline_which_no_one_else_sees_or_changes()
    {
        using var morocco = await TestSignIn.HtmlClientAsync(Factory, _morocco);
        var draft = await morocco.SubmitAsync(await morocco.GetAsync("/processes/demo/data-requests"), "#propose-request", new Dictionary<string, string>
        {
            ["Proposal.Title"] = "Diaspora bonds",
            ["Proposal.DeadlineAt"] = In(DateTime.UtcNow.AddDays(20)),
        });
        var address = new Uri(new Uri("http://localhost"), draft.Url.Split('?')[0]).AbsolutePath;
        var id = int.Parse(address.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var page = await morocco.SubmitAsync(draft, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Bonds issued", ["Question.Kind"] = "Figure", ["Question.Unit"] = "USD" });
        page = await morocco.SubmitAsync(page, "#add-question", new Dictionary<string, string> { ["Question.Text"] = "Main obstacles", ["Question.Kind"] = "FreeText" });
        int[] questions;
        await using (var scope = Factory.Scope())
        {
            questions = await scope.Db.DataQuestions.Where(q => q.DataRequestId == id).OrderBy(q => q.Number).Select(q => q.Id).ToArrayAsync();
        }

        // The draft is its state's own: not in the secretariat's list, page or API, and not changed by it.
        using (var secretariat = await TestSignIn.HtmlClientAsync(Factory, _secretariat))
        {
            Assert.Null((await secretariat.GetAsync("/processes/demo/data-requests")).Document.QuerySelector($"#requests a[href='{address}']"));
            Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(address)).Status);
        }
        using (var secretariatApi = await TestSignIn.HttpClientAsync(Factory, _secretariat))
        {
            Assert.DoesNotContain($"\"id\":{id},", await secretariatApi.GetStringAsync("/api/v1/processes/demo/data-requests"), StringComparison.Ordinal);
            Assert.DoesNotContain($"\"id\":{id},", await secretariatApi.GetStringAsync("/api/v1/processes/demo/data-requests/proposals"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await secretariatApi.GetAsync($"/api/v1/processes/demo/data-requests/{id}")).StatusCode);
            using var edited = await secretariatApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions/{questions[0]}", new { text = "Changed", kind = "FreeText" });
            Assert.Equal(HttpStatusCode.NotFound, edited.StatusCode);
        }
        // Another member state's focal point neither sees nor changes it.
        using (var senegalApi = await TestSignIn.HttpClientAsync(Factory, _senegal))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await senegalApi.GetAsync($"/api/v1/processes/demo/data-requests/{id}")).StatusCode);
            using var edited = await senegalApi.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/proposals/{id}/questions/{questions[0]}", new { text = "Changed", kind = "FreeText" });
            Assert.Equal(HttpStatusCode.NotFound, edited.StatusCode);
            using var removed = await senegalApi.DeleteAsync($"/api/v1/processes/demo/data-requests/proposals/{id}/questions/{questions[0]}");
            Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        }

        // Editing on the page has the secretariat's checks and field messages.
        var edit = await morocco.GetAsync($"{address}?edit={questions[0]}");
        Assert.Equal("Bonds issued", edit.Document.QuerySelector("#edit-question input[name='Edit.Text']")!.GetAttribute("value"));
        var noUnit = await morocco.SubmitAsync(edit, "#edit-question", new Dictionary<string, string> { ["Edit.Text"] = "Bonds issued", ["Edit.Kind"] = "Figure", ["Edit.Unit"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.Status);
        Assert.Contains("Give the unit of the number (persons, USD, days...).", noUnit.Text("#edit-question"), StringComparison.Ordinal);
        page = await morocco.SubmitAsync(edit, "#edit-question", new Dictionary<string, string> { ["Edit.Text"] = "Bonds issued since 2020", ["Edit.Kind"] = "Figure", ["Edit.Unit"] = "EUR" });
        Assert.Equal("The question is changed.", page.Text("p.notice.ok"));
        Assert.StartsWith("Bonds issued since 2020 (A number in EUR", page.Text("#questions li[data-question='1']"), StringComparison.Ordinal);

        page = await morocco.SubmitAsync(page, "#questions li[data-question='1'] form.move-down", new Dictionary<string, string>());
        Assert.Equal("The question is moved.", page.Text("p.notice.ok"));
        Assert.StartsWith("Main obstacles", page.Text("#questions li[data-question='1']"), StringComparison.Ordinal);

        // Removing asks first; the question can be put back.
        var asked = await morocco.GetAsync($"{address}?remove={questions[1]}");
        Assert.Contains("Remove question 1, “Main obstacles”?", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.Null(await scope.Db.DataQuestions.Where(q => q.Id == questions[1]).Select(q => q.RemovedAt).SingleAsync());
        }
        page = await morocco.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The question is removed. Put it back from the list of removed questions.", page.Text("p.notice.ok"));
        Assert.Single(page.Document.QuerySelectorAll("#questions li"));
        page = await morocco.SubmitAsync(page, "#removed-questions form", new Dictionary<string, string>());
        Assert.Equal("The question is back.", page.Text("p.notice.ok"));
        Assert.Equal(2, page.Document.QuerySelectorAll("#questions li").Length);

        // The proposed deadline moves, never into the past.
        var before = await DeadlineAsync(id);
        var past = await morocco.SubmitAsync(page, "#move-deadline", new Dictionary<string, string> { ["Deadline"] = "2020-01-01T09:00" });
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.Contains("The deadline must be in the future.", past.Text("#move-deadline"), StringComparison.Ordinal);
        Assert.Equal(before, await DeadlineAsync(id));
        page = await morocco.SubmitAsync(page, "#move-deadline", new Dictionary<string, string> { ["Deadline"] = In(DateTime.UtcNow.AddDays(40)) });
        Assert.Equal("The proposed deadline is moved.", page.Text("p.notice.ok"));
        Assert.True(await DeadlineAsync(id) > before.AddDays(15));

        // The API: a question of the draft changed (a bad table refused with its field), then one taken out.
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        using (var bad = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/proposals/{id}/questions/{questions[0]}", new { text = "By year", kind = "Table" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Give the table at least one column.", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("columns")[0].GetString());
        }
        using (var changed = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/proposals/{id}/questions/{questions[0]}", new { text = "Bonds by year", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
        using (var removed = await api.DeleteAsync($"/api/v1/processes/demo/data-requests/proposals/{id}/questions/{questions[1]}"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
        await using (var scope = Factory.Scope())
        {
            Assert.Equal("Bonds by year", await scope.Db.DataQuestions.Where(q => q.Id == questions[0]).Select(q => q.Text).SingleAsync());
            Assert.NotNull(await scope.Db.DataQuestions.Where(q => q.Id == questions[1]).Select(q => q.RemovedAt).SingleAsync());
        }

        // Once submitted, it is the secretariat's to edit: the proposer no longer changes it.
        page = await morocco.SubmitAsync(await morocco.GetAsync(address), "#submit-proposal", new Dictionary<string, string>());
        Assert.Equal("Proposed by Morocco, waiting for review", page.Text("#request-status"));
        Assert.Null(page.Document.QuerySelector("#add-question, #move-deadline, #questions a.edit-question"));
        using (var late = await api.PutAsJsonAsync($"/api/v1/processes/demo/data-requests/proposals/{id}/questions/{questions[0]}", new { text = "Too late", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        }
    }

    [Fact]
    public async Task Through_the_api_the_proposer_adds_a_question_to_a_taken_back_proposal_and_puts_back_a_removed_one_which_no_one_else_does()
    {
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        using var proposed = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new
        {
            state = "MAR", title = "Labour mobility", deadlineAt = DateTimeOffset.UtcNow.AddDays(15),
            questions = new object[] { new { text = "Workers placed abroad", kind = "Figure", unit = "persons" } },
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var questions = $"/api/v1/processes/demo/data-requests/proposals/{id}/questions";

        // While it waits for review it is the secretariat's: the proposer adds nothing.
        using (var waiting = await api.PostAsJsonAsync(questions, new { text = "Too soon", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, waiting.StatusCode);
        }
        using (var taken = await api.PostAsync($"/api/v1/processes/demo/data-requests/{id}/withdrawal", null))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        // Taken back, it is the state's draft again: a question is added, with the checks of the page.
        using (var added = await api.PostAsJsonAsync(questions, new { text = "Sectors recruiting", kind = "Choice", options = "Care\nConstruction\nAgriculture" }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Equal("proposal-draft", JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }
        Assert.Equal(new[] { "Workers placed abroad", "Sectors recruiting" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var bad = await api.PostAsJsonAsync(questions, new { text = "Sectors", kind = "Choice", options = "Care" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Give at least two options, one per line.", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("options")[0].GetString());
        }
        using (var blank = await api.PostAsJsonAsync(questions, new { text = " ", kind = "FreeText" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
            Assert.Equal("Write the question.", JsonDocument.Parse(await blank.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("text")[0].GetString());
        }
        Assert.Equal(new[] { "Workers placed abroad", "Sectors recruiting" }, await DataRequestStore.QuestionsAsync(Factory, id));

        // A question taken out comes back.
        int first;
        await using (var scope = Factory.Scope())
        {
            first = await scope.Db.DataQuestions.Where(q => q.DataRequestId == id && q.Number == 1).Select(q => q.Id).SingleAsync();
        }
        using (var removed = await api.DeleteAsync($"{questions}/{first}"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
        Assert.Equal(new[] { "Sectors recruiting" }, await DataRequestStore.QuestionsAsync(Factory, id));

        // The secretariat does not change the state's draft, nor does another member state (it does not find it).
        using (var secretariatApi = await TestSignIn.HttpClientAsync(Factory, _secretariat))
        {
            using var added = await secretariatApi.PostAsJsonAsync($"/api/v1/processes/demo/data-requests/{id}/questions", new { text = "Another question", kind = "FreeText" });
            Assert.Equal(HttpStatusCode.NotFound, added.StatusCode);
        }
        using (var senegalApi = await TestSignIn.HttpClientAsync(Factory, _senegal))
        {
            using var added = await senegalApi.PostAsJsonAsync(questions, new { text = "Another question", kind = "FreeText" });
            Assert.Equal(HttpStatusCode.NotFound, added.StatusCode);
            using var restored = await senegalApi.PostAsync($"{questions}/{first}/restoration", null);
            Assert.Equal(HttpStatusCode.NotFound, restored.StatusCode);
        }
        Assert.Equal(new[] { "Sectors recruiting" }, await DataRequestStore.QuestionsAsync(Factory, id));

        using (var restored = await api.PostAsync($"{questions}/{first}/restoration", null))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
        Assert.Equal(new[] { "Workers placed abroad", "Sectors recruiting" }, await DataRequestStore.QuestionsAsync(Factory, id));
        using (var none = await api.PostAsync($"{questions}/{first + 1000}/restoration", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Through_the_api_the_proposer_reorders_its_taken_back_proposal_moves_its_deadline_and_submits_it_again()
    {
        using var api = await TestSignIn.HttpClientAsync(Factory, _morocco);
        using var proposed = await api.PostAsJsonAsync("/api/v1/processes/demo/data-requests/proposals", new
        {
            state = "MAR", title = "Diaspora bonds", deadlineAt = DateTimeOffset.UtcNow.AddDays(15),
            questions = new object[] { new { text = "Bonds issued", kind = "Figure", unit = "USD" }, new { text = "Remarks", kind = "FreeText" } },
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var proposal = $"/api/v1/processes/demo/data-requests/proposals/{id}";
        int remarks;
        await using (var scope = Factory.Scope())
        {
            remarks = await scope.Db.DataQuestions.Where(q => q.DataRequestId == id && q.Number == 2).Select(q => q.Id).SingleAsync();
        }

        // While it waits for review it is the secretariat's: the proposer neither reorders it, moves its deadline nor submits it again.
        using (var waiting = await api.PostAsync($"{proposal}/questions/{remarks}/move-up", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, waiting.StatusCode);
        }
        using (var again = await api.PostAsync($"{proposal}/submission", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Equal("This proposal is already with the secretariat.",
                JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("request")[0].GetString());
        }
        using (var taken = await api.PostAsync($"/api/v1/processes/demo/data-requests/{id}/withdrawal", null))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        }

        using (var up = await api.PostAsync($"{proposal}/questions/{remarks}/move-up", null))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }
        Assert.Equal(new[] { "Remarks", "Bonds issued" }, await DataRequestStore.QuestionsAsync(Factory, id));
        var before = await DeadlineAsync(id);
        using (var past = await api.PutAsJsonAsync($"{proposal}/deadline", new { deadlineAt = DateTimeOffset.UtcNow.AddDays(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
            Assert.Equal("application/problem+json", past.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(await past.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("deadlineAt", out _));
        }
        Assert.Equal(before, await DeadlineAsync(id));
        var later = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40).AddHours(12), TimeSpan.Zero);
        using (var moved = await api.PutAsJsonAsync($"{proposal}/deadline", new { deadlineAt = later }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }
        Assert.Equal(later, await DeadlineAsync(id));

        // Another member state does not find Morocco's draft; the secretariat does not see it until it is submitted.
        using (var senegalApi = await TestSignIn.HttpClientAsync(Factory, _senegal))
        {
            using var moved = await senegalApi.PutAsJsonAsync($"{proposal}/deadline", new { deadlineAt = later.AddDays(1) });
            Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
            using var submitted = await senegalApi.PostAsync($"{proposal}/submission", null);
            Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        }
        Assert.Equal(later, await DeadlineAsync(id));

        using (var submitted = await api.PostAsync($"{proposal}/submission", null))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            Assert.Equal("proposed", JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }
        // The secretariat is mailed at each submission: the first, and this one.
        await MailAsync(_secretariat.Email!, "Data request proposed by Morocco: Diaspora bonds");
        await MailAsync(_secretariat.Email!, "Data request proposed by Morocco: Diaspora bonds");
    }

    private async Task<DateTimeOffset> DeadlineAsync(int id)
    {
        await using var scope = Factory.Scope();
        return await scope.Db.DataRequests.Where(r => r.Id == id).Select(r => r.DeadlineAt).SingleAsync();
    }
}
