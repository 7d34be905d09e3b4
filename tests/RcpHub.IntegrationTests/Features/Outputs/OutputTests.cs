using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Outputs;

/// <summary>Outputs of the demo process: drafted in versions by the secretariat, compared word by word, commented on by
/// the member states paragraph by paragraph, adopted once, then given the states' positions; each read only by its
/// audience, on pages and in the API alike.</summary>
public sealed class OutputTests : IAsyncLifetime
{
    private const string Outputs = "/processes/" + DemoData.ProcessSlug + "/outputs";
    private const string Api = "/api/v1/processes/" + DemoData.ProcessSlug + "/outputs";
    private RcpHubFactory _factory = null!;
    private int _membersOnly, _publicDraft;
    private List<int> _public = [];

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        _membersOnly = await scope.Db.Outputs.Where(o => o.Title == "Recommendations on fair recruitment (demo)").Select(o => o.Id).SingleAsync();
        _publicDraft = await scope.Db.Outputs.Where(o => o.Title == "Rabat Declaration on Labour Mobility (demo draft)").Select(o => o.Id).SingleAsync();
        _public = await scope.Db.Outputs.Where(o => o.Process!.Slug == "demo" && o.Audience == MeetingAudience.Public).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<AppUser> DemoAsync(string email)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private Task<AppUser> SecretariatAsync() => DemoAsync("secretariat@demo.rcphub.test");
    private Task<AppUser> FocalPointAsync() => DemoAsync("focal-point@demo.rcphub.test");

    private async Task<int> MeetingAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Meetings.Where(m => m.Process!.Slug == DemoData.ProcessSlug).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    /// <summary>A draft declaration started through the API by the secretariat, with two paragraphs.</summary>
    private async Task<int> DraftAsync(HttpClient secretariat)
    {
        using var created = await secretariat.PostAsJsonAsync(Api, new
        {
            kind = "Declaration", title = "Declaration on safe migration (test)", originalLanguage = "en", audience = "Public",
            text = "We meet in Dakar.\r\n\r\nWe commit to safe migration.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("output").GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_secretariat_drafts_saves_a_second_version_and_sees_the_changed_words_marked()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, await SecretariatAsync());
        var list = await browser.GetAsync(Outputs);
        var started = await browser.SubmitAsync(list, "#create-output", new Dictionary<string, string>
        {
            ["Create.Title"] = "Action plan on labour mobility (test)",
            ["Create.Kind"] = "ActionPlan",
            ["Create.OriginalLanguage"] = "en",
            ["Create.Audience"] = "MembersOnly",
            ["Create.Text"] = "The states will share data.\r\n\r\nThe secretariat will report yearly.",
        });
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal("The output is started: its text is version 1.", started.Text(".notice"));
        Assert.Equal(["The states will share data.", "The secretariat will report yearly."], started.Texts("ol.paragraphs > li > p"));

        var saved = await browser.SubmitAsync(started, "#version-form", new Dictionary<string, string>
        {
            ["NewVersion.Text"] = "The states will share anonymised data.\r\n\r\nThe secretariat will report yearly.\r\n\r\nA review follows in 2028.",
            ["NewVersion.Note"] = "Data protection added",
        });
        Assert.Equal("Version 2 is saved.", saved.Text(".notice"));
        Assert.Equal(3, saved.Texts("ol.paragraphs > li > p").Count);
        Assert.Equal(["2", "1"], saved.Texts("table.output-versions tbody th a"));

        var diff = await browser.GetAsync(saved.Url.Split('?', '#')[0] + "/diff?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, diff.Status);
        Assert.Contains("anonymised", diff.Texts("ins"));
        Assert.Contains("A review follows in 2028.", diff.Texts("ins"));
        Assert.Empty(diff.Texts("del"));
        Assert.Equal("The secretariat will report yearly.", diff.Text("ol.diff li.same p"));

        var back = await browser.SubmitAsync(diff, "#diff-choice", new Dictionary<string, string> { ["from"] = "2", ["to"] = "1" });
        Assert.Contains("anonymised", back.Texts("del"));
    }

    [Fact]
    public async Task A_focal_point_comments_on_paragraph_2_for_their_own_state()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, await FocalPointAsync());
        var page = await browser.GetAsync($"{Outputs}/{_publicDraft}?paragraph=2");
        var commented = await browser.SubmitAsync(page, "#comment-form", new Dictionary<string, string> { ["Comment.Text"] = "Name the secretariat's budget line." });
        Assert.Equal("Your comment on paragraph 2 is saved.", commented.Text(".notice"));
        var comment = commented.Document.QuerySelectorAll("#p2 ul.comments li").Single(li => li.TextContent.Contains("budget line", StringComparison.Ordinal));
        Assert.Contains("Morocco", comment.TextContent, StringComparison.Ordinal);

        await using var scope = _factory.Scope();
        var stored = await scope.Db.OutputComments.SingleAsync(c => c.Text == "Name the secretariat's budget line.");
        Assert.Equal(("MAR", 2), (stored.StateCode, stored.Paragraph));
    }

    [Fact]
    public async Task An_output_is_adopted_once_and_then_takes_no_comment_nor_version()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, await SecretariatAsync());
        var id = await DraftAsync(secretariat);
        var meeting = await MeetingAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var future = await secretariat.PostAsJsonAsync($"{Api}/{id}/adoption", new { on = today.AddDays(5), meetingId = meeting });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("\"on\"", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var adopted = await secretariat.PostAsJsonAsync($"{Api}/{id}/adoption", new { on = today.AddDays(-1), meetingId = meeting });
        Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);
        var answer = await adopted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("adoptedVersion").GetInt32());

        using var again = await secretariat.PostAsJsonAsync($"{Api}/{id}/adoption", new { on = today, meetingId = meeting });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("cannot be adopted a second time", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var version = await secretariat.PostAsJsonAsync($"{Api}/{id}/versions", new { text = "Changed after adoption." });
        Assert.Equal(HttpStatusCode.Conflict, version.StatusCode);

        using var focalPoint = await TestSignIn.HttpClientAsync(_factory, await FocalPointAsync());
        using var comment = await focalPoint.PostAsJsonAsync($"{Api}/{id}/comments", new { version = 1, paragraph = 1, text = "Too late?" });
        Assert.Equal(HttpStatusCode.Conflict, comment.StatusCode);
        Assert.Contains("comments are closed", await comment.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = _factory.Scope();
        var output = await scope.Db.Outputs.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal(today.AddDays(-1), output.AdoptedOn);
        Assert.Equal(1, await scope.Db.OutputVersions.CountAsync(v => v.OutputId == id));
        Assert.False(await scope.Db.OutputComments.AnyAsync(c => c.Text == "Too late?"));
    }

    [Fact]
    public async Task Two_adoptions_at_once_adopt_the_output_once_and_the_database_refuses_an_adoption_read_before_another()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, await SecretariatAsync());
        var id = await DraftAsync(secretariat);
        var meeting = await MeetingAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var answers = await Task.WhenAll(Enumerable.Range(1, 2).Select(days =>
            secretariat.PostAsJsonAsync($"{Api}/{id}/adoption", new { on = today.AddDays(-days), meetingId = meeting })));
        Assert.Equal(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).Order());
        Assert.Contains("cannot be adopted a second time", await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        // An adoption that read the output while it was still a draft, saved after another adoption: the database refuses it.
        var other = await DraftAsync(secretariat);
        await using var early = _factory.Scope();
        var stale = await early.Db.Outputs.SingleAsync(o => o.Id == other);
        using (var adopted = await secretariat.PostAsJsonAsync($"{Api}/{other}/adoption", new { on = today.AddDays(-1), meetingId = meeting }))
        {
            Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);
        }
        stale.AdoptedOn = today;
        stale.AdoptedAtMeetingId = meeting;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => early.Db.SaveChangesAsync());

        await using var scope = _factory.Scope();
        Assert.Equal(today.AddDays(-1), (await scope.Db.Outputs.AsNoTracking().SingleAsync(o => o.Id == other)).AdoptedOn);
        Assert.NotNull((await scope.Db.Outputs.AsNoTracking().SingleAsync(o => o.Id == id)).AdoptedOn);
    }

    [Fact]
    public async Task A_reservation_needs_its_text_and_only_a_member_state_takes_a_position()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, await SecretariatAsync());
        var page = await browser.GetAsync($"{Outputs}/{_membersOnly}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var refused = await browser.SubmitAsync(page, "#position-form", new Dictionary<string, string>
        {
            ["Position.StateCode"] = "ITA", ["Position.Kind"] = "Reservation", ["Position.ReservationText"] = "", ["Position.On"] = today,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Enter the text of the reservation.", refused.Text("#position-form [data-valmsg-for='Position.ReservationText']"));

        var recorded = await browser.SubmitAsync(page, "#position-form", new Dictionary<string, string>
        {
            ["Position.StateCode"] = "ITA", ["Position.Kind"] = "Reservation", ["Position.ReservationText"] = "Italy reserves on recommendation 2.", ["Position.On"] = today,
        });
        Assert.Equal("The position of Italy is recorded.", recorded.Text(".notice"));
        Assert.Contains("Italy reserves on recommendation 2.", recorded.Texts("table.output-positions td"));

        // Changing a position asks first: without ticking "replace", nothing changes.
        var unasked = await browser.SubmitAsync(recorded, "#position-form", new Dictionary<string, string>
        {
            ["Position.StateCode"] = "ITA", ["Position.Kind"] = "Signed", ["Position.On"] = today,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unasked.Status);

        using var api = await TestSignIn.HttpClientAsync(_factory, await SecretariatAsync());
        foreach (var state in new[] { "PRT", "CAN" })
        {
            using var response = await api.PutAsJsonAsync($"{Api}/{_membersOnly}/positions/{state}", new { kind = "Signed", on = today });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("not a member of the process", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var scope = _factory.Scope();
        var positions = await scope.Db.OutputPositions.Where(p => p.OutputId == _membersOnly).ToListAsync();
        Assert.Equal(StatePositionKind.Reservation, positions.Single(p => p.StateCode == "ITA").Kind);
        Assert.DoesNotContain(positions, p => p.StateCode is "PRT" or "CAN");
    }

    [Fact]
    public async Task A_members_only_output_is_not_shown_counted_nor_found_outside_its_members()
    {
        var readers = new List<(string Name, HtmlClient Client)>
        {
            ("anonymous", HtmlClient.For(_factory)),
            ("observer", await TestSignIn.HtmlClientAsync(_factory, await DemoAsync("observer@demo.rcphub.test"))),
            ("civil society", await TestSignIn.HtmlClientAsync(_factory, await DemoAsync("civil-society@demo.rcphub.test"))),
        };
        foreach (var (name, client) in readers)
        {
            using (client)
            {
                var list = await client.GetAsync(Outputs);
                Assert.Equal(HttpStatusCode.OK, list.Status);
                Assert.DoesNotContain("Recommendations on fair recruitment", list.Html, StringComparison.Ordinal);
                Assert.Contains("Rabat Declaration on Labour Mobility (demo draft)", list.Texts("ul.output-list a"));
                foreach (var address in new[] { $"{Outputs}/{_membersOnly}", $"{Outputs}/{_membersOnly}/diff", $"{Api}/{_membersOnly}", $"{Api}/{_membersOnly}/diff", $"{Api}/{_membersOnly}/comments" })
                {
                    using var response = await client.Http.GetAsync(address);
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {address} answered {(int)response.StatusCode}");
                }
                var json = await client.Http.GetFromJsonAsync<JsonElement>(Api);
                var listed = json.EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).Order().ToList();
                Assert.Contains(_publicDraft, listed);
                Assert.Equal(_public, listed);
            }
        }

        using var member = await TestSignIn.HtmlClientAsync(_factory, await FocalPointAsync());
        var seen = await member.GetAsync($"{Outputs}/{_membersOnly}");
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Contains("Germany reserves its position on recommendation 2 pending federal consultation (demo).", seen.Texts("table.output-positions td"));
    }

    [Fact]
    public async Task A_public_draft_is_read_by_anyone()
    {
        using var anonymous = HtmlClient.For(_factory);
        var page = await anonymous.GetAsync($"{Outputs}/{_publicDraft}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(3, page.Texts("ol.paragraphs > li > p").Count);
        Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]"));
        var earlier = await anonymous.GetAsync($"{Outputs}/{_publicDraft}?version=1");
        Assert.Contains("Please say that no fees are charged to workers (demo).", earlier.Texts("#p2 ul.comments li span"));

        var json = await anonymous.Http.GetFromJsonAsync<JsonElement>($"{Api}/{_publicDraft}");
        Assert.Equal(2, json.GetProperty("versions").GetArrayLength());
        var diff = await anonymous.Http.GetFromJsonAsync<JsonElement>($"{Api}/{_publicDraft}/diff");
        Assert.Contains(diff.GetProperty("paragraphs").EnumerateArray().SelectMany(p => p.GetProperty("pieces").EnumerateArray()),
            p => p.GetProperty("kind").GetString() == "Inserted" && p.GetProperty("text").GetString()!.Contains("no fees", StringComparison.Ordinal));
    }
}
