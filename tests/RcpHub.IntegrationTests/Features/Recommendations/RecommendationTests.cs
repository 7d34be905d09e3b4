using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Recommendations;

/// <summary>Recommendations of the demo process: output 1 (members only, adopted, recommendations 1-3, #1 carried from the
/// expert meeting's session report, French translation final) and output 2 (public draft, none yet).</summary>
public sealed class RecommendationTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed record Demo(int MembersOnlyOutput, int DraftOutput, int Meeting, int Session, int CarriedPoint, int OtherPoint, string OtherPointText);

    private async Task<Demo> DemoAsync()
    {
        await using var scope = _factory.Scope();
        var db = scope.Db;
        var outputs = await db.Outputs.Where(o => o.Process!.Slug == DemoData.ProcessSlug).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        var carried = await db.Recommendations.Where(r => r.OutputId == outputs[0] && r.SourcePointId != null).Select(r => r.SourcePointId!.Value).SingleAsync();
        var version = await db.SessionReportVersions.Where(v => v.Points.Any(p => p.Id == carried))
            .Select(v => new { v.SessionId, v.Session!.MeetingId, Other = v.Points.Where(p => p.Kind == ReportPointKind.Recommendation && p.Id != carried).OrderBy(p => p.Position).Select(p => new { p.Id, p.Text }).First() })
            .SingleAsync();
        return new Demo(outputs[0], outputs[1], version.MeetingId, version.SessionId, carried, version.Other.Id, version.Other.Text);
    }

    private static string Email(ProcessRole role) => DemoData.Accounts.Single(a => a.Role == role && !a.IsAdministrator).Email;

    private Task<HtmlClient> AsAsync(ProcessRole role, string language = "en") => TestUsers.SignInAsync(_factory, Email(role), language);

    private async Task<int> StoredAsync(int outputId)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Recommendations.CountAsync(r => r.OutputId == outputId);
    }

    [Fact]
    public async Task Carrying_a_point_makes_a_recommendation_linked_both_ways_and_a_point_is_carried_once()
    {
        var demo = await DemoAsync();
        using var secretariat = await AsAsync(ProcessRole.Secretariat);
        var reportAddress = $"/meetings/{demo.Meeting}/sessions/{demo.Session}/report";
        int OutputCount()
        {
            using var scope = _factory.Scope();
            return scope.Db.Outputs.Count();
        }
        var outputsBefore = OutputCount();

        // Into a new output of the meeting, in the same step.
        var report = await secretariat.GetAsync(reportAddress);
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var carried = await secretariat.SubmitAsync(report, $"#carry-{demo.OtherPoint}", new Dictionary<string, string> { ["into"] = "new" });
        Assert.Equal(HttpStatusCode.OK, carried.Status);
        int made;
        await using (var scope = _factory.Scope())
        {
            var output = await scope.Db.Outputs.AsNoTracking().Include(o => o.Recommendations).OrderBy(o => o.Id).LastAsync();
            Assert.Equal((OutputKind.Recommendations, (int?)demo.Meeting, (DateOnly?)null), (output.Kind, output.MeetingId, output.AdoptedOn));
            var stored = Assert.Single(output.Recommendations);
            Assert.Equal((1, demo.OtherPoint, demo.OtherPointText), (stored.Number, stored.SourcePointId!.Value, stored.Text));
            Assert.Contains(output.Title, carried.Text($"#point-{demo.OtherPoint} .carried"), StringComparison.Ordinal);
            made = output.Id;
        }
        Assert.Contains("recommendation 1", carried.Text($"#point-{demo.OtherPoint} .carried"), StringComparison.Ordinal);
        var link = carried.Document.QuerySelector($"#point-{demo.OtherPoint} .carried a")!.GetAttribute("href");
        Assert.Equal($"/processes/{DemoData.ProcessSlug}/outputs/{made}/recommendations/1", link);

        var recommendation = await secretariat.GetAsync(link!);
        Assert.Equal(HttpStatusCode.OK, recommendation.Status);
        Assert.Contains(demo.OtherPointText, recommendation.Text("#shown-text"), StringComparison.Ordinal);
        var origin = recommendation.Document.QuerySelector("#origin a")!.GetAttribute("href")!;
        Assert.StartsWith($"{reportAddress}?version=", origin, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(origin)).Status);

        // Carried once: neither into the same output again, nor into another draft, nor into yet another new output.
        foreach (var into in new[] { made.ToString(System.Globalization.CultureInfo.InvariantCulture), demo.DraftOutput.ToString(System.Globalization.CultureInfo.InvariantCulture), "new" })
        {
            var again = await secretariat.SubmitAsync(await secretariat.GetAsync(reportAddress), $"#carry-{demo.OtherPoint}", new Dictionary<string, string> { ["into"] = into });
            Assert.Equal(HttpStatusCode.Conflict, again.Status);
            Assert.Contains("already been carried into an output", again.Text("#carry-refusal"), StringComparison.Ordinal);
        }
        Assert.Equal((1, 0, outputsBefore + 1), (await StoredAsync(made), await StoredAsync(demo.DraftOutput), OutputCount()));
    }

    [Fact]
    public async Task Two_carries_of_one_point_at_the_same_instant_store_it_once_and_refuse_the_other_with_a_message()
    {
        var demo = await DemoAsync();
        using var first = await AsAsync(ProcessRole.Secretariat);
        using var second = await AsAsync(ProcessRole.Secretariat);
        var reportAddress = $"/meetings/{demo.Meeting}/sessions/{demo.Session}/report";
        var (one, two) = (await first.GetAsync(reportAddress), await second.GetAsync(reportAddress));
        var into = new Dictionary<string, string> { ["into"] = demo.DraftOutput.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var answers = await Task.WhenAll(first.SubmitAsync(one, $"#carry-{demo.OtherPoint}", into), second.SubmitAsync(two, $"#carry-{demo.OtherPoint}", into));
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers.Select(a => a.Status).Order());
        Assert.Contains("already been carried into an output", answers.Single(a => a.Status == HttpStatusCode.Conflict).Text("#carry-refusal"), StringComparison.Ordinal);
        Assert.Equal(1, await StoredAsync(demo.DraftOutput));

        // Whatever the timing of two requests, the database holds a point once: a second row naming it is refused.
        await using var scope = _factory.Scope();
        scope.Db.Recommendations.Add(new Recommendation { OutputId = demo.DraftOutput, Number = 99, OriginalLanguage = "en", Text = "A copy", SourcePointId = demo.OtherPoint });
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync());
        Assert.True(RcpHub.Data.NumberedSave.IsUniqueViolation(refused));
    }

    [Fact]
    public async Task A_french_reader_sees_the_french_translation_with_its_status_and_a_russian_reader_the_original_marked()
    {
        var demo = await DemoAsync();
        var address = $"/processes/{DemoData.ProcessSlug}/outputs/{demo.MembersOnlyOutput}/recommendations/1";

        using var french = await AsAsync(ProcessRole.Chair, "fr");
        var inFrench = await french.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, inFrench.Status);
        Assert.Contains("Partager, deux fois par an", inFrench.Text("#shown-text"), StringComparison.Ordinal);
        Assert.Contains("traduction définitive", inFrench.Text("#shown-text"), StringComparison.Ordinal);
        Assert.Equal("fr", inFrench.Document.QuerySelector("#shown-text span")!.GetAttribute("lang"));

        using var russian = await AsAsync(ProcessRole.Chair, "ru");
        var inRussian = await russian.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, inRussian.Status);
        Assert.Contains("Share, twice a year", inRussian.Text("#shown-text"), StringComparison.Ordinal);
        Assert.Contains("язык оригинала", inRussian.Text("#shown-text"), StringComparison.Ordinal);
        Assert.Equal("en", inRussian.Document.QuerySelector("#shown-text span")!.GetAttribute("lang"));
        // Both language versions side by side.
        Assert.Equal(2, inRussian.Document.QuerySelectorAll(".language-versions article").Length);

        // A GCM title the reference list has no Russian for: the official English text, marked, never translated.
        var objectives = await russian.GetAsync("/gcm");
        Assert.Contains("официальный английский текст", objectives.Text("#objective-6"), StringComparison.Ordinal);
        Assert.Equal("en", objectives.Document.QuerySelector("#objective-6 a span")!.GetAttribute("lang"));
        var inFrenchList = await french.GetAsync("/gcm");
        Assert.DoesNotContain("texte officiel anglais", inFrenchList.Text("#objective-6"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ProcessRole.Observer)]
    [InlineData(ProcessRole.CivilSociety)]
    public async Task A_members_only_recommendation_is_never_listed_or_counted_for_those_outside_its_audience(ProcessRole? role)
    {
        var demo = await DemoAsync();
        using var reader = role is { } r ? await AsAsync(r) : HtmlClient.For(_factory);

        var gcm = await reader.GetAsync("/gcm");
        Assert.Equal("0", gcm.Text("#objective-6 .count"));
        var six = await reader.GetAsync("/gcm/6");
        Assert.NotNull(six.Document.QuerySelector("#no-recommendations"));
        Assert.DoesNotContain("Share, twice a year", six.Html, StringComparison.Ordinal);
        var sdg = await reader.GetAsync("/sdg");
        Assert.Equal("0", sdg.Text("#sdg-10-7 .count"));
        var target = await reader.GetAsync("/sdg/10.7");
        Assert.NotNull(target.Document.QuerySelector("#no-recommendations"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/processes/{DemoData.ProcessSlug}/outputs/{demo.MembersOnlyOutput}/recommendations/1")).Status);

        var objectives = await reader.Http.GetFromJsonAsync<JsonElement>("/api/v1/gcm-objectives");
        Assert.Equal(0, objectives.EnumerateArray().Single(o => o.GetProperty("number").GetInt32() == 6).GetProperty("recommendations").GetInt32());
        var objective = await reader.Http.GetFromJsonAsync<JsonElement>("/api/v1/gcm-objectives/6");
        Assert.Equal(0, objective.GetProperty("recommendations").GetArrayLength());
        var targets = await reader.Http.GetFromJsonAsync<JsonElement>("/api/v1/sdg-targets");
        Assert.Equal(0, targets.EnumerateArray().Single(o => o.GetProperty("code").GetString() == "10.7").GetProperty("recommendations").GetInt32());
        var item = await reader.Http.GetFromJsonAsync<JsonElement>("/api/v1/sdg-targets/10.7");
        Assert.Equal(0, item.GetProperty("recommendations").GetArrayLength());
        using var list = await reader.Http.GetAsync($"/api/v1/processes/{DemoData.ProcessSlug}/outputs/{demo.MembersOnlyOutput}/recommendations/");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);

        // The members do see them: the counts above are not zero by accident.
        using var member = await AsAsync(ProcessRole.FocalPoint);
        Assert.Equal("2", (await member.GetAsync("/gcm")).Text("#objective-6 .count"));
        Assert.Equal(2, (await member.Http.GetFromJsonAsync<JsonElement>("/api/v1/gcm-objectives/6")).GetProperty("recommendations").GetArrayLength());
        Assert.Equal("1", (await member.GetAsync("/sdg")).Text("#sdg-10-7 .count"));
    }

    [Theory]
    [InlineData("""{"text":"Open a help desk (test).","originalLanguage":"en"}""", "addressees")]
    [InlineData("""{"text":"Open a help desk (test).","originalLanguage":"en","toAllMembers":true,"sdgTargets":["10.99"]}""", "sdgTargets")]
    [InlineData("""{"text":"Open a help desk (test).","originalLanguage":"en","toAllMembers":true,"gcmObjectives":[24]}""", "gcmObjectives")]
    [InlineData("""{"text":"Open a help desk (test).","originalLanguage":"en","states":["PRT"]}""", "states")]
    [InlineData("""{"text":"","originalLanguage":"en","toSecretariat":true}""", "text")]
    public async Task Bad_input_through_the_api_is_refused_with_the_field_named_and_nothing_stored(string json, string field)
    {
        var demo = await DemoAsync();
        using var secretariat = await AsAsync(ProcessRole.Secretariat);
        using var response = await secretariat.Http.PostAsync($"/api/v1/processes/{DemoData.ProcessSlug}/outputs/{demo.DraftOutput}/recommendations/",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await StoredAsync(demo.DraftOutput));
    }

    [Fact]
    public async Task Bad_input_on_the_form_is_refused_with_the_field_named_and_nothing_stored_and_good_input_is_numbered()
    {
        var demo = await DemoAsync();
        using var secretariat = await AsAsync(ProcessRole.Secretariat);
        var address = $"/processes/{DemoData.ProcessSlug}/outputs/{demo.DraftOutput}/recommendations/new";

        var page = await secretariat.GetAsync(address);
        var refused = await secretariat.SubmitAsync(page, "#recommendation-form", new Dictionary<string, string> { ["Input.Text"] = "Open a help desk (test)." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Say to whom the recommendation is addressed", refused.Text("#addressees"), StringComparison.Ordinal);

        var objective = await secretariat.SubmitAsync(page, "#recommendation-form",
            new Dictionary<string, string> { ["Input.Text"] = "Open a help desk (test).", ["Input.ToSecretariat"] = "true", ["Input.GcmObjectives"] = "24" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, objective.Status);
        Assert.Contains("There is no GCM objective 24", objective.Text("#gcm"), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(demo.DraftOutput));

        var saved = await secretariat.SubmitAsync(page, "#recommendation-form",
            new Dictionary<string, string> { ["Input.Text"] = "Open a help desk (test).", ["Input.States"] = "SEN", ["Input.GcmObjectives"] = "6", ["Input.SdgTargets"] = "10.7.2" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.EndsWith($"/outputs/{demo.DraftOutput}/recommendations/1", saved.Url, StringComparison.Ordinal);
        Assert.Contains("10.7.2", saved.Text("#sdg-links"), StringComparison.Ordinal);

        // After adoption of output 1, its text is frozen but links may still be added.
        var edit = await secretariat.GetAsync($"/processes/{DemoData.ProcessSlug}/outputs/{demo.MembersOnlyOutput}/recommendations/3/edit");
        var frozen = await secretariat.SubmitAsync(edit, "#recommendation-form", new Dictionary<string, string> { ["Input.Text"] = "Another text (test)." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, frozen.Status);
        var linked = await secretariat.SubmitAsync(edit, "#recommendation-form", new Dictionary<string, string> { ["Input.SdgTargets"] = "17.18" });
        Assert.Equal(HttpStatusCode.OK, linked.Status);
        Assert.Contains("17.18", linked.Text("#sdg-links"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translation_added_after_adoption_is_shown_with_its_status_and_a_status_outside_the_list_is_refused()
    {
        var demo = await DemoAsync();
        using var secretariat = await AsAsync(ProcessRole.Secretariat);
        var address = $"/processes/{DemoData.ProcessSlug}/outputs/{demo.MembersOnlyOutput}/recommendations/2";

        var form = await secretariat.GetAsync($"{address}/translation?language=es");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var saved = await secretariat.SubmitAsync(form, "#translation-form",
            new Dictionary<string, string> { ["Translation.Text"] = "Crear un registro nacional de agencias privadas de contratación (prueba).", ["Translation.Status"] = "Draft" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.EndsWith(address, saved.Url, StringComparison.Ordinal);

        using var spanish = await AsAsync(ProcessRole.FocalPoint, "es");
        var inSpanish = await spanish.GetAsync(address);
        Assert.Contains("Crear un registro nacional", inSpanish.Text("#shown-text"), StringComparison.Ordinal);
        Assert.Contains("traducción provisional", inSpanish.Text("#shown-text"), StringComparison.Ordinal);

        using var refused = await secretariat.Http.PutAsync($"/api/v1/processes/{DemoData.ProcessSlug}/outputs/{demo.MembersOnlyOutput}/recommendations/2/translations",
            new StringContent("""{"language":"ru","text":"Текст (тест).","status":"Original"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
        await using var scope = _factory.Scope();
        var id = await scope.Db.Recommendations.Where(r => r.OutputId == demo.MembersOnlyOutput && r.Number == 2).Select(r => r.Id).SingleAsync();
        Assert.Equal(["es"], await scope.Db.RecommendationTranslations.Where(x => x.RecommendationId == id).Select(x => x.Language).ToListAsync());
    }
}
