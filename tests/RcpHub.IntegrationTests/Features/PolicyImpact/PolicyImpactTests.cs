using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.PolicyImpact;

/// <summary>A member state's focal point records a law it changed, answering a recommendation addressed to it; the
/// regional view shows it under the recommendation's GCM objectives. Another state's focal point, a date in the future
/// and a recommendation not addressed to the state are refused, and nothing is stored.</summary>
public sealed class PolicyImpactTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private AppUser _focalPoint = null!, _senegal = null!;
    private int _toMoroccoAndSenegal, _toSecretariat;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        var db = scope.Db;
        _focalPoint = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "focal-point@demo.rcphub.test");
        var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _senegal = await TestSignIn.CreateUserAsync(_factory, "focal.point@sn.example", roles: new ReaderRole(demo, ProcessRole.FocalPoint, "SEN"));
        var recommendations = await db.Recommendations.Where(r => r.Output!.ProcessId == demo && r.Output.Title.StartsWith("Recommendations on fair recruitment"))
            .OrderBy(r => r.Number).Select(r => r.Id).ToListAsync();
        (_toMoroccoAndSenegal, _toSecretariat) = (recommendations[1], recommendations[2]);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<int> StoredAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.PolicyChanges.CountAsync();
    }

    private static string Day(int daysFromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_focal_point_records_a_change_and_the_regional_view_shows_it_under_its_objectives()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        var form = await browser.GetAsync("/processes/demo/impact/changes");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var saved = await browser.SubmitAsync(form, "#policy-change", new Dictionary<string, string>
        {
            ["Input.StateCode"] = "MAR",
            ["Input.Title"] = "Decree on recruitment fees (test)",
            ["Input.Kind"] = "Regulation",
            ["Input.On"] = Day(-30),
            ["Input.Link"] = "https://example.org/decree",
            ["Input.RecommendationIds"] = _toMoroccoAndSenegal.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.EndsWith("/processes/demo/impact", saved.Url);
        Assert.Contains("Decree on recruitment fees (test)", saved.Texts("#policy-changes strong"));
        // The demo law and this decree both answer recommendation 2 (GCM objectives 3 and 6).
        Assert.Equal("2", saved.Text("#impact-objectives td[data-state=MAR][data-objective='6']"));
        Assert.Equal("2", saved.Text("#impact-objectives td[data-state=MAR][data-objective='3']"));
        Assert.NotNull(saved.Document.QuerySelector(".representation-chart svg[role=img] title"));

        var filtered = await browser.GetAsync("/processes/demo/impact?kind=Regulation");
        Assert.Equal(["Decree on recruitment fees (test)"], filtered.Texts("#policy-changes strong"));
    }

    [Fact]
    public async Task The_regional_view_names_objectives_by_their_official_titles_and_each_table_scrolls_in_one_box()
    {
        const string English = "6. Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work";
        using var english = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        var page = await english.GetAsync("/processes/demo/impact");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The demo law answers recommendation 2 (GCM objectives 3 and 6).
        Assert.Contains(English, page.Texts("#impact-objectives thead th"));
        Assert.Equal(English, page.Text("#objective option[value='6']"));
        Assert.DoesNotContain("Objective 6", page.Html, StringComparison.Ordinal);
        // One scrolling box per table, the one every table gets (decision 0016), never a second written around it.
        Assert.Empty(page.Document.QuerySelectorAll(".table-scroll .table-scroll"));
        Assert.All(page.Document.QuerySelectorAll("table"), table => Assert.Equal("table-scroll", table.ParentElement!.ClassName));

        using var french = await TestSignIn.HtmlClientAsync(_factory, _focalPoint, "fr");
        var fr = (await french.GetAsync("/processes/demo/impact")).Document.QuerySelector("#impact-objectives thead th:last-child span.objective")!;
        Assert.Equal(("6. Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent", "fr"), (fr.TextContent, fr.GetAttribute("lang")));
        using var russian = await TestSignIn.HtmlClientAsync(_factory, _focalPoint, "ru");
        var ru = (await russian.GetAsync("/processes/demo/impact")).Document.QuerySelector("#impact-objectives thead th:last-child span.objective")!;
        Assert.Equal((English, "en"), (ru.TextContent, ru.GetAttribute("lang")));
    }

    [Fact]
    public async Task Another_states_focal_point_is_refused_and_nothing_is_stored()
    {
        var before = await StoredAsync();
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _senegal);
        var form = await browser.GetAsync("/processes/demo/impact/changes");

        var refused = await browser.SubmitAsync(form, "#policy-change", new Dictionary<string, string>
        {
            ["Input.StateCode"] = "MAR",
            ["Input.Title"] = "Not Senegal's law",
            ["Input.Kind"] = "Law",
            ["Input.On"] = Day(-1),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("only for the state you are focal point for", refused.Text("#policy-change"));

        using var api = await TestSignIn.HttpClientAsync(_factory, _senegal);
        using var response = await api.PostAsJsonAsync("/api/v1/processes/demo/policy-changes",
            new { stateCode = "MAR", title = "Not Senegal's law", kind = "Law", on = Day(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).ContainsKey("stateCode"));

        // Nor may Senegal's focal point touch Morocco's change.
        var moroccan = await FirstChangeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/processes/demo/impact/changes/{moroccan}")).Status);
        using var removal = await api.DeleteAsync($"/api/v1/processes/demo/policy-changes/{moroccan}");
        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_date_in_the_future_or_a_recommendation_not_addressed_to_the_state_is_refused()
    {
        var before = await StoredAsync();
        using var api = await TestSignIn.HttpClientAsync(_factory, _focalPoint);

        using var future = await api.PostAsJsonAsync("/api/v1/processes/demo/policy-changes",
            new { stateCode = "MAR", title = "Law of tomorrow", kind = "Law", on = Day(5), recommendationIds = new[] { _toMoroccoAndSenegal } });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await ErrorsAsync(future)).ContainsKey("on"));

        using var notAddressed = await api.PostAsJsonAsync("/api/v1/processes/demo/policy-changes",
            new { stateCode = "MAR", title = "Law for the secretariat", kind = "Law", on = Day(-5), recommendationIds = new[] { _toSecretariat } });
        Assert.Equal(HttpStatusCode.BadRequest, notAddressed.StatusCode);
        Assert.True((await ErrorsAsync(notAddressed)).ContainsKey("recommendationIds"));

        using var badLink = await api.PostAsJsonAsync("/api/v1/processes/demo/policy-changes",
            new { stateCode = "MAR", title = "Law with a strange link", kind = "Law", on = Day(-5), link = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
        Assert.True((await ErrorsAsync(badLink)).ContainsKey("link"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Changes_tied_to_members_only_outputs_are_shown_to_members_only()
    {
        var anonymous = HtmlClient.For(_factory);
        var page = await anonymous.GetAsync("/processes/demo/impact");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Texts("#policy-changes strong"));
        Assert.DoesNotContain("Law on private recruitment agencies", page.Html);
        using var list = await _factory.CreateClient().GetAsync("/api/v1/processes/demo/policy-changes");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());

        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        Assert.Contains("Law on private recruitment agencies and their public register (demo)", (await browser.GetAsync("/processes/demo/impact")).Texts("#policy-changes strong"));
    }

    [Fact]
    public async Task A_focal_point_corrects_and_removes_a_change_after_confirming()
    {
        using var api = await TestSignIn.HttpClientAsync(_factory, _focalPoint);
        using var created = await api.PostAsJsonAsync("/api/v1/processes/demo/policy-changes",
            new { stateCode = "MAR", title = "Circular (test)", kind = "Practice", on = Day(-3) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var corrected = await api.PutAsJsonAsync($"/api/v1/processes/demo/policy-changes/{id}",
            new { stateCode = "MAR", title = "Circular on fees (test)", kind = "Practice", on = Day(-3) });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("Circular on fees (test)", (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        var asking = await browser.GetAsync($"/processes/demo/impact/changes/{id}?remove=true");
        Assert.NotNull(asking.Document.QuerySelector("#confirm-removal form"));
        var removed = await browser.SubmitAsync(asking, "#confirm-removal form", new Dictionary<string, string>());
        Assert.EndsWith("/processes/demo/impact", removed.Url);
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.PolicyChanges.AnyAsync(c => c.Id == id));
    }

    private async Task<int> FirstChangeAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.PolicyChanges.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    private static async Task<Dictionary<string, JsonElement>> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, JsonElement>>()!;
}
