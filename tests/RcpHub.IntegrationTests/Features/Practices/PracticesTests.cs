using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
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
}
