using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Caucus;

/// <summary>The civil society caucus of the demo process (issue 11 item 7) and statements to meetings (item 6): a joint
/// position drafted in versions, commented on, endorsed or dissented from once per organisation by its representatives,
/// then submitted once to a meeting of the process where it shows with its endorsers and dissenters; statements and
/// position papers of invited organisations, shown with the meeting's documents and in its pack.</summary>
public sealed class CaucusTests : IAsyncLifetime
{
    private const string Caucus = "/processes/" + DemoData.ProcessSlug + "/caucus";
    private const string Api = "/api/v1/processes/" + DemoData.ProcessSlug + "/caucus";
    private RcpHubFactory _factory = null!;
    private int _demo, _network, _diaspora, _experts, _ministerial, _draft;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _network = await scope.Db.Organizations.Where(o => o.Slug == "demo-migrant-voices").Select(o => o.Id).SingleAsync();
        _diaspora = await scope.Db.Organizations.Where(o => o.Slug == "demo-sahel-diaspora").Select(o => o.Id).SingleAsync();
        _experts = await scope.Db.Meetings.Where(m => m.ProcessId == _demo).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        _ministerial = await scope.Db.Meetings.Where(m => m.ProcessId == _demo && m.Audience == MeetingAudience.Public).Select(m => m.Id).FirstAsync();
        _draft = await scope.Db.CaucusPositions.Where(p => p.ProcessId == _demo && p.SubmittedAt == null).Select(p => p.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<AppUser> DemoAsync(string role)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == $"{role}@demo.rcphub.test");
    }

    private async Task<int> StartAsync(HttpClient client, string title)
    {
        using var created = await client.PostAsJsonAsync(Api, new { title, text = "Workers pay nothing.\r\n\r\nStates publish withdrawn licences." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetProperty("id").GetInt32();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Civil_society_drafts_a_position_comments_on_a_paragraph_and_sees_the_changed_words()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, await DemoAsync("civil-society"));
        var list = await browser.GetAsync(Caucus);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var started = await browser.SubmitAsync(list, "#create-form", new Dictionary<string, string>
        {
            ["Create.Title"] = "Position on skills recognition (test)",
            ["Create.Text"] = "Recognise skills.\r\n\r\nFund bridging courses.",
        });
        Assert.Equal("The position is started: its text is version 1.", started.Text(".notice"));
        Assert.Equal(["Recognise skills.", "Fund bridging courses."], started.Texts("ol.paragraphs > li > p"));

        var saved = await browser.SubmitAsync(started, "#version-form", new Dictionary<string, string>
        {
            ["NewVersion.Text"] = "Recognise foreign skills.\r\n\r\nFund bridging courses.",
            ["NewVersion.Note"] = "Foreign added",
        });
        Assert.Equal("Version 2 is saved.", saved.Text(".notice"));
        var address = saved.Url.Split('?', '#')[0];
        var commented = await browser.SubmitAsync(await browser.GetAsync(address + "?paragraph=2"), "#comment-form",
            new Dictionary<string, string> { ["Comment.Text"] = "Name who pays the courses." });
        Assert.Equal("Your comment on paragraph 2 is saved.", commented.Text(".notice"));
        Assert.Contains("Name who pays the courses.", commented.Text("#p2 ul.comments"), StringComparison.Ordinal);
        // The comment is made for the first organisation the person acts for (the network, registered first).
        Assert.Contains("Migrant Voices Network (demo)", commented.Text("#p2 ul.comments"), StringComparison.Ordinal);

        var diff = await browser.GetAsync(address + "/diff");
        Assert.Contains("foreign", diff.Texts("ins"));
        Assert.Equal("Fund bridging courses.", diff.Text("ol.diff li.same p"));
    }

    [Fact]
    public async Task An_organisation_endorses_once_by_a_representative_and_a_dissent_needs_its_text()
    {
        using var civilSociety = await TestSignIn.HttpClientAsync(_factory, await DemoAsync("civil-society"));
        var id = await StartAsync(civilSociety, "Position on fees (test)");

        var endorsed = await PostAsync(civilSociety, $"{Api}/{id}/stances", new { organizationId = _network, kind = "Endorsed" });
        Assert.Equal(HttpStatusCode.Created, endorsed.Status);
        Assert.Equal("Migrant Voices Network (demo)", endorsed.Body.GetProperty("organization").GetString());

        var twice = await PostAsync(civilSociety, $"{Api}/{id}/stances", new { organizationId = _network, kind = "Dissented", dissentText = "After all, no." });
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);

        var silent = await PostAsync(civilSociety, $"{Api}/{id}/stances", new { organizationId = _diaspora, kind = "Dissented" });
        Assert.Equal(HttpStatusCode.BadRequest, silent.Status);
        Assert.True(silent.Body.GetProperty("errors").TryGetProperty("dissentText", out _));

        // A civil society participant of the process who does not act for the network cannot speak for it.
        var outsider = await TestSignIn.CreateUserAsync(_factory, "outsider@cso.example", roles: new ReaderRole(_demo, ProcessRole.CivilSociety));
        using var other = await TestSignIn.HttpClientAsync(_factory, outsider);
        var refused = await PostAsync(other, $"{Api}/{id}/stances", new { organizationId = _diaspora, kind = "Endorsed" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Body.GetProperty("errors").TryGetProperty("organizationId", out _));

        await using var scope = _factory.Scope();
        var stances = await scope.Db.CaucusStances.Where(s => s.PositionId == id).ToListAsync();
        Assert.Equal((_network, CaucusStanceKind.Endorsed, 1), (stances.Single().OrganizationId, stances.Single().Kind, stances.Single().VersionNumber));
    }

    [Fact]
    public async Task A_position_is_submitted_once_to_a_meeting_of_its_process_with_its_endorsers_and_dissenters()
    {
        using var civilSociety = await TestSignIn.HttpClientAsync(_factory, await DemoAsync("civil-society"));
        var id = await StartAsync(civilSociety, "Position for the experts (test)");
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(civilSociety, $"{Api}/{id}/submission", new { meetingId = _experts })).Status);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(civilSociety, $"{Api}/{id}/stances", new { organizationId = _network, kind = "Endorsed" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(civilSociety, $"{Api}/{id}/stances",
            new { organizationId = _diaspora, kind = "Dissented", dissentText = "Remittance costs are missing." })).Status);

        var elsewhere = (await Arrange.MeetingAsync(_factory, await Arrange.ProcessIdAsync(_factory, "midsa"), "A meeting of another process")).Id;
        var wrong = await PostAsync(civilSociety, $"{Api}/{id}/submission", new { meetingId = elsewhere });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.True(wrong.Body.GetProperty("errors").TryGetProperty("meetingId", out _));

        var submitted = await PostAsync(civilSociety, $"{Api}/{id}/submission", new { meetingId = _experts });
        Assert.Equal(HttpStatusCode.Created, submitted.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(civilSociety, $"{Api}/{id}/submission", new { meetingId = _experts })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(civilSociety, $"{Api}/{id}/versions", new { text = "Too late." })).Status);

        // The meeting's own people see it among its statements and with its documents.
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, await DemoAsync("secretariat"));
        var statements = await secretariat.GetAsync($"/meetings/{_experts}/statements");
        var article = statements.Document.QuerySelectorAll("article.statement").Single(a => a.TextContent.Contains("Position for the experts (test)", StringComparison.Ordinal));
        Assert.Contains("Migrant Voices Network (demo)", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("Remittance costs are missing.", article.TextContent, StringComparison.Ordinal);
        var documents = await secretariat.GetAsync($"/meetings/{_experts}/documents");
        Assert.Contains("Position for the experts (test)", documents.Text("section[aria-labelledby=statements]"), StringComparison.Ordinal);
        // The secretariat reads the caucus but does not write in it.
        var readOnly = await secretariat.GetAsync($"{Caucus}/{id}");
        Assert.Equal(HttpStatusCode.OK, readOnly.Status);
        Assert.Null(readOnly.Document.QuerySelector("#stance-form"));
    }

    [Fact]
    public async Task A_representative_of_an_invited_organisation_submits_a_statement_with_a_position_paper_found_in_the_pack()
    {
        await using (var scope = _factory.Scope())
        {
            scope.Db.MeetingInvitees.Add(new MeetingInvitee { MeetingId = _ministerial, OrganizationId = _network });
            await scope.Db.SaveChangesAsync();
        }
        using var browser = await TestSignIn.HtmlClientAsync(_factory, await DemoAsync("civil-society"));
        var page = await browser.GetAsync($"/meetings/{_ministerial}/statements");
        // Only the invited organisation is offered.
        Assert.Equal(["Migrant Voices Network (demo)"], page.Texts("#Statement_OrganizationId option"));
        var pdf = DocumentFiles.Pdf("Position paper on recruitment fees");
        var submitted = await browser.SubmitAsync(page, "#statement-form", new Dictionary<string, string>
        {
            ["Statement.Title"] = "Statement on recruitment fees (test)",
            ["Statement.Text"] = "We ask the ministers to ban recruitment fees.",
        }, files: new Dictionary<string, (string, byte[])> { ["Paper"] = ("fees.pdf", pdf) });
        Assert.Equal("The statement is submitted to the meeting.", submitted.Text(".notice"));
        Assert.Contains("We ask the ministers to ban recruitment fees.", submitted.Text("article.statement"), StringComparison.Ordinal);

        // Everyone reads a public meeting: the statement, its paper among the documents, both in the pack.
        using var anonymous = HtmlClient.For(_factory);
        var documents = await anonymous.GetAsync($"/meetings/{_ministerial}/documents");
        Assert.Contains("Statement on recruitment fees (test)", documents.Texts("a"));
        using var pack = new ZipArchive(await anonymous.Http.GetStreamAsync($"/api/v1/meetings/{_ministerial}/pack"));
        Assert.Contains(pack.Entries, e => e.FullName.EndsWith("fees.pdf", StringComparison.Ordinal));
        using var agenda = new StreamReader(pack.GetEntry("agenda.html")!.Open());
        Assert.Contains("We ask the ministers to ban recruitment fees.", await agenda.ReadToEndAsync(), StringComparison.Ordinal);
        var listed = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{_ministerial}/statements");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("organization").GetString() == "Migrant Voices Network (demo)");
    }

    [Fact]
    public async Task A_statement_for_an_organisation_not_invited_is_refused_and_a_registry_representative_submits_without_a_role()
    {
        using var civilSociety = await TestSignIn.HttpClientAsync(_factory, await DemoAsync("civil-society"));
        var refused = await PostAsync(civilSociety, $"/api/v1/meetings/{_ministerial}/statements", new { organizationId = _diaspora, title = "Not invited", text = "Hello." });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Body.GetProperty("errors").TryGetProperty("organizationId", out _));

        // Someone who acts for the invited network in the registry, without any role in the process.
        await using (var scope = _factory.Scope())
        {
            scope.Db.MeetingInvitees.Add(new MeetingInvitee { MeetingId = _ministerial, OrganizationId = _network });
            await scope.Db.SaveChangesAsync();
        }
        var member = await TestSignIn.CreateUserAsync(_factory, "member@network.example");
        var stranger = await TestSignIn.CreateUserAsync(_factory, "stranger@example.org");
        await using (var scope = _factory.Scope())
        {
            scope.Db.OrganizationRepresentatives.Add(new OrganizationRepresentative { OrganizationId = _network, UserId = member.Id, AddedAt = DateTimeOffset.UtcNow });
            await scope.Db.SaveChangesAsync();
        }
        using var representative = await TestSignIn.HttpClientAsync(_factory, member);
        var accepted = await PostAsync(representative, $"/api/v1/meetings/{_ministerial}/statements", new { organizationId = _network, title = "Network statement", text = "We support the conference." });
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        Assert.Equal("We support the conference.", accepted.Body.GetProperty("text").GetString());

        using var nobody = await TestSignIn.HttpClientAsync(_factory, stranger);
        using var forbidden = await nobody.PostAsJsonAsync($"/api/v1/meetings/{_ministerial}/statements", new { organizationId = _network, title = "Impostor", text = "Hi." });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        await using var check = _factory.Scope();
        Assert.Equal(["Network statement"], await check.Db.Statements.Where(s => s.MeetingId == _ministerial).Select(s => s.Title).ToListAsync());
    }

    [Fact]
    public async Task A_focal_point_does_not_read_the_caucus_and_the_demo_draft_shows_its_endorsement()
    {
        using var focalPoint = await TestSignIn.HttpClientAsync(_factory, await DemoAsync("focal-point"));
        using var refused = await focalPoint.GetAsync(Api);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var civilSociety = await TestSignIn.HttpClientAsync(_factory, await DemoAsync("civil-society"));
        var draft = await civilSociety.GetFromJsonAsync<JsonElement>($"{Api}/{_draft}");
        Assert.Equal(2, draft.GetProperty("versions").GetArrayLength());
        Assert.Equal("Endorsed", draft.GetProperty("stances")[0].GetProperty("kind").GetString());
    }
}
