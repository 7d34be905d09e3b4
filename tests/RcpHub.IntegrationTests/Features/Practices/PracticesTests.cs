using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Practices;

/// <summary>The good practices repository (issue 12): a focal point submits a practice for their state, the secretariat
/// returns it with a note (the submitter is mailed in their language) and publishes it once changed; readers filter the
/// published ones; members comment; another member state marks it adapted, which lists it on that state's side. The same
/// practice submitted twice is refused and nothing is stored; a members-only practice is never shown, found or counted
/// for someone outside the process's members.</summary>
public sealed class PracticesTests : IAsyncLifetime
{
    private SmtpCatcher _smtp = null!;
    private RcpHubFactory _factory = null!;
    private AppUser _morocco = null!, _senegal = null!, _secretariat = null!, _observer = null!;
    private int _demo, _theme;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _factory = await RcpHubFactory.CreateAsync(_smtp.Configure);
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        var db = scope.Db;
        _demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _theme = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        _morocco = await TestSignIn.CreateUserAsync(_factory, "practices.mar@example.org", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "MAR"));
        _senegal = await TestSignIn.CreateUserAsync(_factory, "practices.sen@example.org", roles: new ReaderRole(_demo, ProcessRole.FocalPoint, "SEN"));
        _secretariat = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        _observer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "observer@demo.rcphub.test");
        // The submitter reads French: the secretariat's decision reaches them in French.
        await db.Users.Where(u => u.Id == _morocco.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "fr"));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<int> StoredAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Practices.CountAsync();
    }

    private Dictionary<string, string> Fields(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "Jobseekers abroad apply through one national portal that lists only verified offers.",
        ["Input.StateCode"] = "MAR",
        ["Input.FromYear"] = "2019",
        ["Input.ToYear"] = "2022",
        ["Input.Results"] = "Twelve thousand placements.",
        ["Input.Contact"] = "Labour migration unit",
        ["Input.Languages"] = "fr",
        ["Input.ThemeIds"] = _theme.ToString(CultureInfo.InvariantCulture),
        ["Input.Objectives"] = "6",
    };

    private static IReadOnlyList<string> Titles(JsonElement list) => [.. list.EnumerateArray().Select(p => p.GetProperty("title").GetString()!)];

    [Fact]
    public async Task A_practice_is_submitted_returned_with_a_note_submitted_again_published_and_filtered()
    {
        const string Title = "Job-matching portal for labour migrants";
        using var focal = await TestSignIn.HtmlClientAsync(_factory, _morocco);
        var form = await focal.GetAsync("/processes/demo/practices/submit");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var submitted = await focal.SubmitAsync(form, "#submit-practice", Fields(Title));
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal("Waiting for review", submitted.Text("#practice-status"));
        var id = int.Parse(submitted.Url.Split('/')[^1], CultureInfo.InvariantCulture);

        // Not published yet: nobody else reads it, the list does not show it.
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/processes/demo/practices/{id}")).StatusCode);
        Assert.DoesNotContain(Title, Titles(await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/processes/demo/practices")));

        // The secretariat returns it with a note; the submitter is told in French.
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var waiting = await secretariat.GetAsync("/processes/demo/practices");
        Assert.Contains(Title, waiting.Texts("#pending-practices a"));
        var review = await secretariat.GetAsync($"/processes/demo/practices/{id}");
        var noNote = await secretariat.SubmitAsync(review, "#review-practice", new Dictionary<string, string> { ["Review.Decision"] = "Return" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.Status);
        Assert.Contains("the submitter reads it", noNote.Text("#review-practice"));
        var returned = await secretariat.SubmitAsync(review, "#review-practice", new Dictionary<string, string>
        {
            ["Review.Decision"] = "Return",
            ["Review.Note"] = "Give the number of placements per year.",
        });
        Assert.Equal(HttpStatusCode.OK, returned.Status);
        var mail = await _smtp.WaitForMessageToAsync("practices.mar@example.org", TimeSpan.FromSeconds(30));
        Assert.Contains("Votre pratique", mail.Subject);
        Assert.Contains("Give the number of placements per year.", mail.Body);
        Assert.Contains("vous a renvoyé", mail.Body);

        // The submitter changes it and submits it again; the secretariat publishes it for everyone.
        var again = await focal.GetAsync($"/processes/demo/practices/submit?id={id}");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var fields = Fields(Title);
        fields["Input.Results"] = "Three thousand placements a year.";
        var resubmitted = await focal.SubmitAsync(again, "#submit-practice", fields);
        Assert.EndsWith($"/practices/{id}", resubmitted.Url);
        var publish = await secretariat.SubmitAsync(await secretariat.GetAsync($"/processes/demo/practices/{id}"), "#review-practice",
            new Dictionary<string, string> { ["Review.Decision"] = "Publish", ["Review.Audience"] = "Public" });
        Assert.Equal(HttpStatusCode.OK, publish.Status);
        Assert.Null(publish.Document.QuerySelector("#review-practice"));
        await using (var scope = _factory.Scope())
        {
            Assert.Equal(2, await scope.Db.OutboxMessages.CountAsync(m => m.Email == "practices.mar@example.org"));
        }

        // Everyone reads it now, and each filter keeps or drops it.
        var page = HtmlClient.For(_factory);
        var list = await page.GetAsync("/processes/demo/practices");
        Assert.Contains(Title, list.Texts("#practices h2"));
        Assert.Contains(Title, (await page.GetAsync("/processes/demo/practices?country=MAR")).Texts("#practices h2"));
        Assert.DoesNotContain(Title, (await page.GetAsync("/processes/demo/practices?country=ESP")).Texts("#practices h2"));
        Assert.Contains(Title, (await page.GetAsync($"/processes/demo/practices?theme={_theme}")).Texts("#practices h2"));
        Assert.Contains(Title, (await page.GetAsync("/processes/demo/practices?objective=6&year=2020")).Texts("#practices h2"));
        Assert.DoesNotContain(Title, (await page.GetAsync("/processes/demo/practices?year=2018")).Texts("#practices h2"));
        Assert.DoesNotContain(Title, (await page.GetAsync("/processes/demo/practices?objective=21")).Texts("#practices h2"));
        Assert.Equal([Title], Titles(await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/processes/demo/practices?country=mar&year=2022&objective=6")));
        var details = await page.GetAsync($"/processes/demo/practices/{id}");
        Assert.Contains("Three thousand placements a year.", details.Html);

        // The library finds it, for everyone.
        var found = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("job-matching portal"));
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "Practice" && i.GetProperty("title").GetString() == Title);
    }

    [Fact]
    public async Task The_same_practice_submitted_twice_is_refused_and_nothing_is_stored()
    {
        const string Title = "Pre-departure orientation days";
        using var focal = await TestSignIn.HtmlClientAsync(_factory, _morocco);
        var first = await focal.SubmitAsync(await focal.GetAsync("/processes/demo/practices/submit"), "#submit-practice", Fields(Title));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var before = await StoredAsync();

        // The same title, spelled a little differently, for the same state.
        var twice = await focal.SubmitAsync(await focal.GetAsync("/processes/demo/practices/submit"), "#submit-practice", Fields("pre departure  ORIENTATION days"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.Status);
        Assert.Contains("already been submitted", twice.Text("#submit-practice"));

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var response = await api.PostAsJsonAsync("/api/v1/processes/demo/practices", new
        {
            title = Title, summary = "Again.", stateCode = "MAR", fromYear = 2020, languages = new[] { "en" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already been submitted", problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(before, await StoredAsync());

        // Another state may share a practice of the same name.
        using var senegal = await TestSignIn.HttpClientAsync(_factory, _senegal);
        using var other = await senegal.PostAsJsonAsync("/api/v1/processes/demo/practices", new
        {
            title = Title, summary = "Senegal's own.", stateCode = "SEN", fromYear = 2021, languages = new[] { "fr" },
        });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        // A focal point submits only for their own state.
        using var notTheirs = await senegal.PostAsJsonAsync("/api/v1/processes/demo/practices", new
        {
            title = "Not Senegal's", summary = "Morocco's.", stateCode = "MAR", fromYear = 2021, languages = new[] { "fr" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);
        Assert.Equal(before + 1, await StoredAsync());
    }

    [Fact]
    public async Task Members_comment_and_another_member_state_marks_it_adapted_which_lists_it_on_that_states_side()
    {
        using var senegal = await TestSignIn.HtmlClientAsync(_factory, _senegal);
        var practice = await senegal.GetAsync("/processes/demo/practices");
        var link = practice.Document.QuerySelectorAll("#practices h2 a").First(a => a.TextContent.Contains("recruitment agencies")).GetAttribute("href")!;
        var page = await senegal.GetAsync(link);

        var commented = await senegal.SubmitAsync(page, "#comment-practice", new Dictionary<string, string> { ["Comment.Text"] = "Did the register cover sub-agents?" });
        Assert.Equal(HttpStatusCode.OK, commented.Status);
        Assert.Contains("Did the register cover sub-agents?", commented.Texts("#comments article p"));

        var adapted = await senegal.SubmitAsync(commented, "#adapt-practice", new Dictionary<string, string>
        {
            ["Adaptation.StateCode"] = "SEN",
            ["Adaptation.Note"] = "We publish licences on the same model since last year.",
        });
        Assert.Equal(HttpStatusCode.OK, adapted.Status);
        Assert.Contains("We publish licences on the same model since last year.", adapted.Text("#adaptations li[data-state=SEN]"));

        // Listed on Senegal's side.
        var bySenegal = await HtmlClient.For(_factory).GetAsync("/processes/demo/practices?adaptedBy=SEN");
        Assert.Contains(bySenegal.Texts("#practices h2"), t => t.Contains("recruitment agencies"));
        var byFrance = await HtmlClient.For(_factory).GetAsync("/processes/demo/practices?adaptedBy=FRA");
        Assert.Empty(byFrance.Texts("#practices h2"));

        // Morocco may not say it adapted its own practice; an observer may not comment.
        var id = link.Split('/')[^1];
        using var morocco = await TestSignIn.HttpClientAsync(_factory, _morocco);
        using var own = await morocco.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/adaptations", new { stateCode = "MAR", note = "Ours." });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        using var observer = await TestSignIn.HttpClientAsync(_factory, _observer);
        using var comment = await observer.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/comments", new { text = "Hello." });
        Assert.Equal(HttpStatusCode.Forbidden, comment.StatusCode);

        var details = await (await TestSignIn.HttpClientAsync(_factory, _senegal)).GetFromJsonAsync<JsonElement>($"/api/v1/processes/demo/practices/{id}");
        Assert.Contains(details.GetProperty("adaptations").EnumerateArray(), a => a.GetProperty("state").GetProperty("code").GetString() == "SEN");
        Assert.Equal(1, details.GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task A_members_only_practice_is_not_shown_found_or_counted_outside_the_members()
    {
        const string Title = "One-stop shop for returning migrants (demo)";
        int id;
        await using (var scope = _factory.Scope())
        {
            id = await scope.Db.Practices.Where(p => p.Title == Title).Select(p => p.Id).SingleAsync();
        }
        using var anonymous = _factory.CreateClient();
        using var observer = await TestSignIn.HttpClientAsync(_factory, _observer);
        using var member = await TestSignIn.HttpClientAsync(_factory, _senegal);
        foreach (var outsider in new[] { anonymous, observer })
        {
            Assert.DoesNotContain(Title, Titles(await outsider.GetFromJsonAsync<JsonElement>("/api/v1/processes/demo/practices")));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/processes/demo/practices/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/processes/demo/practices/{id}")).StatusCode);
            var search = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("one-stop shop returning"));
            Assert.Equal(0, search.GetProperty("total").GetInt32());
            Assert.DoesNotContain(search.GetProperty("facets").GetProperty("kinds").EnumerateArray(), k => k.GetProperty("value").GetString() == "Practice");
        }
        Assert.Contains(Title, Titles(await member.GetFromJsonAsync<JsonElement>("/api/v1/processes/demo/practices")));
        var found = await member.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("one-stop shop returning"));
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Contains(found.GetProperty("facets").GetProperty("kinds").EnumerateArray(), k => k.GetProperty("value").GetString() == "Practice" && k.GetProperty("count").GetInt32() == 1);
    }

    private static KeyValuePair<string, (string, byte[])> Attachment(string fileName, byte[] content) => new("Attachments", (fileName, content));

    [Fact]
    public async Task Documents_go_with_the_practice_when_submitted_or_later_and_are_read_only_by_its_readers()
    {
        const string Title = "Seasonal work visas with a return bonus";
        using var focal = await TestSignIn.HtmlClientAsync(_factory, _morocco);
        var form = await focal.GetAsync("/processes/demo/practices/submit");
        var before = await StoredAsync();

        // A file that fails the document checks keeps the whole practice out.
        var refused = await focal.SubmitAsync(form, "#submit-practice", Fields(Title), files: [Attachment("evaluation.pdf", "MZ this is no PDF"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.NotEmpty(refused.Texts("#submit-practice .field-error"));
        var six = Enumerable.Range(1, 6).Select(i => Attachment($"annex-{i}.pdf", DocumentFiles.Pdf($"Annex {i}"))).ToList();
        var tooMany = await focal.SubmitAsync(form, "#submit-practice", Fields(Title), files: six);
        Assert.Contains("Attach at most 5 documents to a practice.", tooMany.Texts("#submit-practice .field-error"));
        Assert.Equal(before, await StoredAsync());

        var evaluation = DocumentFiles.Pdf("Evaluation of the seasonal visa scheme");
        var submitted = await focal.SubmitAsync(form, "#submit-practice", Fields(Title), files: [Attachment("evaluation.pdf", evaluation)]);
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal(["evaluation.pdf"], submitted.Texts("#attachments a"));
        var id = int.Parse(submitted.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        var link = submitted.Document.QuerySelector("#attachments a")!.GetAttribute("href")!;
        using (var download = await focal.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(evaluation, await download.Content.ReadAsByteArrayAsync());
        }

        // Not published: nobody but its submitter and the secretariat reads its documents.
        using var anonymous = _factory.CreateClient();
        using var senegal = await TestSignIn.HttpClientAsync(_factory, _senegal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await senegal.GetAsync(link)).StatusCode);

        // Added later through the API: by the submitter; another focal point finds no such practice; a bad file is refused.
        using var morocco = await TestSignIn.HttpClientAsync(_factory, _morocco);
        var attachments = $"/api/v1/processes/demo/practices/{id}/attachments";
        static MultipartFormDataContent Form(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };
        var leaflet = DocumentFiles.Pdf("Leaflet for seasonal workers");
        string url;
        using (var created = await morocco.PostAsync(attachments, Form("leaflet.pdf", leaflet)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            url = created.Headers.Location!.OriginalString;
        }
        using (var wrong = await morocco.PostAsync(attachments, Form("leaflet.pdf", "MZ no PDF"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("\"file\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var notTheirs = await senegal.PostAsync(attachments, Form("intruder.pdf", DocumentFiles.Pdf("Intruder"))))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
        Assert.Equal(leaflet, await morocco.GetByteArrayAsync(url));

        // Published to the members: a member state reads them, an observer and an anonymous visitor do not.
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var published = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/review", new { decision = "Publish", audience = "MembersOnly" }))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var details = await published.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["evaluation.pdf", "leaflet.pdf"], details.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        }
        Assert.Equal(leaflet, await senegal.GetByteArrayAsync(url));
        using var observer = await TestSignIn.HttpClientAsync(_factory, _observer);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);

        // The secretariat adds one on the page.
        using var secretariatPage = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var attached = await secretariatPage.SubmitAsync(await secretariatPage.GetAsync($"/processes/demo/practices/{id}"), "#attach-practice",
            new Dictionary<string, string>(), files: [Attachment("results-2024.pdf", DocumentFiles.Pdf("Results 2024"))]);
        Assert.Equal(HttpStatusCode.OK, attached.Status);
        Assert.Equal(["evaluation.pdf", "leaflet.pdf", "results-2024.pdf"], attached.Texts("#attachments a"));
        await using var scope = _factory.Scope();
        Assert.Equal(3, await scope.Db.PracticeAttachments.CountAsync(f => f.PracticeId == id));
    }

    [Fact]
    public async Task The_secretariat_is_mailed_in_its_language_when_a_practice_is_submitted_and_the_submitter_when_it_is_published()
    {
        const string Title = "Consular welfare attachés in destination countries";
        var spanish = await TestSignIn.CreateUserAsync(_factory, "practices.secretariat.es@example.org", roles: new ReaderRole(_demo, ProcessRole.Secretariat));
        await using (var scope = _factory.Scope())
        {
            await scope.Db.Users.Where(u => u.Id == spanish.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "es"));
        }
        using var senegal = await TestSignIn.HttpClientAsync(_factory, _senegal);
        using var submitted = await senegal.PostAsJsonAsync("/api/v1/processes/demo/practices", new
        {
            title = Title, summary = "Attachés visit workers abroad.", stateCode = "SEN", fromYear = 2020, languages = new[] { "fr" },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("practice").GetProperty("id").GetInt32();

        var toReview = await _smtp.WaitForMessageToAsync("practices.secretariat.es@example.org", TimeSpan.FromSeconds(30));
        Assert.Equal($"Práctica por revisar: {Title}", toReview.Subject);
        Assert.Contains($"/processes/demo/practices/{id}", toReview.Body);
        var english = await _smtp.WaitForMessageToAsync(_secretariat.Email!, TimeSpan.FromSeconds(30));
        Assert.Equal($"Practice to review: {Title}", english.Subject);
        Assert.Equal(0, await _smtp.CountMessagesToAsync("practices.sen@example.org"));

        using var secretariat = await TestSignIn.HttpClientAsync(_factory, spanish);
        using var published = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/review", new { decision = "Publish", audience = "Public" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var told = await _smtp.WaitForMessageToAsync("practices.sen@example.org", TimeSpan.FromSeconds(30));
        Assert.Contains("published your practice", told.Body);
        await using var check = _factory.Scope();
        var mailed = await check.Db.OutboxMessages.Where(m => m.Kind == RcpHub.Infrastructure.Email.MailKind.PracticeSubmitted).Select(m => m.Email).ToListAsync();
        Assert.Contains("practices.secretariat.es@example.org", mailed);
        Assert.DoesNotContain("practices.sen@example.org", mailed);
    }

    [Fact]
    public async Task The_submitter_withdraws_a_practice_before_publication_and_may_submit_it_again()
    {
        const string Title = "Mobile registration of migrant workers at border posts";
        using var focal = await TestSignIn.HtmlClientAsync(_factory, _morocco);
        var submitted = await focal.SubmitAsync(await focal.GetAsync("/processes/demo/practices/submit"), "#submit-practice", Fields(Title));
        var id = int.Parse(submitted.Url.Split('/')[^1], CultureInfo.InvariantCulture);

        // Another focal point may not withdraw it: there is no such practice for them.
        using var senegal = await TestSignIn.HttpClientAsync(_factory, _senegal);
        using (var notTheirs = await senegal.PostAsync($"/api/v1/processes/demo/practices/{id}/withdrawal", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        var withdrawn = await focal.SubmitAsync(submitted, "#withdraw-practice", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        Assert.Equal("Withdrawn by its submitter", withdrawn.Text("#practice-status"));
        Assert.Contains("The practice is withdrawn", withdrawn.Html);
        Assert.Null(withdrawn.Document.QuerySelector("#withdraw-practice"));

        // The secretariat no longer reviews it.
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var review = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/review", new { decision = "Publish", audience = "Public" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode);
        }
        using var morocco = await TestSignIn.HttpClientAsync(_factory, _morocco);
        using (var again = await morocco.PostAsync($"/api/v1/processes/demo/practices/{id}/withdrawal", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("already withdrawn", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The way back: changed and submitted again from its page.
        var form = await focal.GetAsync($"/processes/demo/practices/submit?id={id}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var resubmitted = await focal.SubmitAsync(form, "#submit-practice", Fields(Title));
        Assert.Equal("Waiting for review", resubmitted.Text("#practice-status"));

        // Once published it is no longer the submitter's to withdraw.
        using (var published = await secretariat.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/review", new { decision = "Publish", audience = "Public" }))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
        using (var late = await morocco.PostAsync($"/api/v1/processes/demo/practices/{id}/withdrawal", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("cannot be withdrawn", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var scope = _factory.Scope();
        Assert.Equal(PracticeStatus.Published, await scope.Db.Practices.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task A_states_page_shows_the_practices_it_adapted_and_those_adapted_from_it_within_access()
    {
        const string MembersOnly = "One-stop shop for returning migrants (demo)";
        int id;
        await using (var scope = _factory.Scope())
        {
            id = await scope.Db.Practices.Where(p => p.Title == MembersOnly).Select(p => p.Id).SingleAsync();
        }
        // Morocco adapted Spain's members-only practice.
        using var morocco = await TestSignIn.HttpClientAsync(_factory, _morocco);
        using (var adapted = await morocco.PostAsJsonAsync($"/api/v1/processes/demo/practices/{id}/adaptations", new { stateCode = "MAR", note = "Our returnees' desk in Casablanca." }))
        {
            Assert.Equal(HttpStatusCode.OK, adapted.StatusCode);
        }

        // Everyone sees the public link of the demo: Senegal adapted Morocco's register of recruitment agencies.
        var anonymous = HtmlClient.For(_factory);
        var senegalPage = await anonymous.GetAsync("/states/SEN");
        Assert.Contains(senegalPage.Texts("#adapted-practices li[data-state=MAR] a"), t => t.Contains("recruitment agencies"));
        var moroccoPage = await anonymous.GetAsync("/states/MAR");
        Assert.Contains(moroccoPage.Texts("#adapted-from-it li[data-state=SEN] a"), t => t.Contains("recruitment agencies"));
        // The members-only practice is not shown to those outside its members, on the page or in the API.
        Assert.DoesNotContain(MembersOnly, moroccoPage.Texts("#adapted-practices a"));
        Assert.DoesNotContain(MembersOnly, (await anonymous.GetAsync("/states/ESP")).Texts("#adapted-from-it a"));
        using var observer = await TestSignIn.HtmlClientAsync(_factory, _observer);
        Assert.DoesNotContain(MembersOnly, (await observer.GetAsync("/states/ESP")).Texts("#adapted-from-it a"));
        using var api = _factory.CreateClient();
        var state = await api.GetFromJsonAsync<JsonElement>("/api/v1/states/MAR");
        Assert.DoesNotContain(MembersOnly, state.GetProperty("practices").GetProperty("adapted").EnumerateArray().Select(l => l.GetProperty("title").GetString()));

        // A member reads it on both states' pages, with the note.
        using var senegal = await TestSignIn.HtmlClientAsync(_factory, _senegal);
        Assert.Contains("Our returnees' desk in Casablanca.", (await senegal.GetAsync("/states/ESP")).Text("#adapted-from-it li[data-state=MAR]"));
        Assert.Contains(MembersOnly, (await senegal.GetAsync("/states/MAR")).Texts("#adapted-practices li[data-state=ESP] a"));
        var asMember = await morocco.GetFromJsonAsync<JsonElement>("/api/v1/states/MAR");
        Assert.Contains(asMember.GetProperty("practices").GetProperty("adapted").EnumerateArray(),
            l => l.GetProperty("title").GetString() == MembersOnly && l.GetProperty("otherStateCode").GetString() == "ESP");
    }
}
