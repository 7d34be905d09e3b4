using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Domain.Selection;
using RcpHub.Features.Calls;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Calls;

/// <summary>Calls for participation on the demo process (issue 11, items 2-5): a call published and changed with a reason
/// told to its applicants, applications refused after the deadline or twice for one organisation and hidden from other
/// applicants, blind scoring once per member and never with a conflict, the proposal, the decision with reasons, and the
/// published report whose pseudonymised inputs recompute to the published proposal.</summary>
public sealed class CallsTests : MailingTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private AppUser _secretariat = null!;
    private int _demo;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PageCatalogue.PrepareAsync(Factory);
        await using var scope = Factory.Scope();
        _demo = await scope.Db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        _secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
    }

    private const string Calls = CallArrange.Calls;

    private Task<(AppUser User, int Organization)> ApplicantAsync(string name) => CallArrange.ApplicantAsync(Factory, name);

    private static JsonObject CallBody(string targets = "", int places = 2, string method = "ScoreOptimal", decimal? threshold = null) => new()
    {
        ["title"] = "Civil society at the ministerial meeting",
        ["eligibility"] = "Organisations working with migrants.",
        ["places"] = places,
        ["travelFunded"] = true,
        ["deadline"] = DateTimeOffset.UtcNow.AddDays(10),
        ["method"] = method,
        ["lotteryThreshold"] = threshold,
        ["criteria"] = "Relevance | 3\nReach | 1",
        ["targets"] = targets,
        ["regions"] = "West Africa | SEN NGA",
    };

    private async Task<int> PublishedCallAsync(HttpClient secretariat, string targets = "", int places = 2, string method = "ScoreOptimal", decimal? threshold = null)
    {
        using var created = await secretariat.PostAsJsonAsync(Calls, CallBody(targets, places, method, threshold));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        using var published = await secretariat.PostAsync($"{Calls}/{id}/publication", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    private static JsonObject ApplicationBody(int organization, string country = "SEN", bool migrantLed = false, string gender = "Female") => new()
    {
        ["organizationId"] = organization,
        ["motivation"] = "We work with migrants.",
        ["representativeName"] = "Aminata Diallo",
        ["representativeEmail"] = "aminata@example.org",
        ["representativeGender"] = gender,
        ["firstTime"] = true,
        ["countryCode"] = country,
        ["organizationType"] = "Ngo",
        ["migrantLed"] = migrantLed,
    };

    private async Task<int> ApplyAsync(HttpClient applicant, int call, JsonObject body)
    {
        using var applied = await applicant.PostAsJsonAsync($"{Calls}/{call}/applications", body);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (await applied.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }

    private async Task CloseAsync(int call)
    {
        await using var scope = Factory.Scope();
        await scope.Db.ParticipationCalls.Where(c => c.Id == call).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    private async Task<List<int>> CriteriaAsync(int call)
    {
        await using var scope = Factory.Scope();
        return await scope.Db.Set<CallCriterion>().Where(c => c.CallId == call).OrderBy(c => c.Position).Select(c => c.Id).ToListAsync();
    }

    private static JsonObject Scores(List<int> criteria, params int[] values) =>
        new() { ["scores"] = new JsonArray([.. criteria.Zip(values).Select(x => (JsonNode)new JsonObject { ["criterionId"] = x.First, ["value"] = x.Second })]) };

    private async Task AddPanelAsync(int call, params AppUser[] members)
    {
        await using var scope = Factory.Scope();
        foreach (var member in members)
        {
            scope.Db.CallPanelMembers.Add(new CallPanelMember { CallId = call, UserId = member.Id, AddedAt = DateTimeOffset.UtcNow });
        }
        await scope.Db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_published_call_changes_only_with_a_reason_and_its_applicants_are_told_by_mail()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var call = await PublishedCallAsync(secretariat);
        var (applicant, organization) = await ApplicantAsync("reason");
        using var applicantClient = await TestSignIn.HttpClientAsync(Factory, applicant);
        await ApplyAsync(applicantClient, call, ApplicationBody(organization));

        var changed = CallBody(places: 3);
        using var refused = await secretariat.PutAsJsonAsync($"{Calls}/{call}", changed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"reason\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(2, await scope.Db.ParticipationCalls.Where(c => c.Id == call).Select(c => c.Places).SingleAsync());
        }

        changed["reason"] = "A donor funds a third place.";
        using var accepted = await secretariat.PutAsJsonAsync($"{Calls}/{call}", changed);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var mail = await Smtp.WaitForMessageToAsync(applicant.Email!, MailWait);
        Assert.Contains("A donor funds a third place.", mail.Body, StringComparison.Ordinal);

        using var anonymous = Factory.CreateClient();
        var page = await anonymous.GetStringAsync($"/processes/demo/calls/{call}");
        Assert.Contains("A donor funds a third place.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applications_are_refused_twice_per_organisation_and_after_the_deadline_and_one_applicant_cannot_read_another()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var call = await PublishedCallAsync(secretariat);
        var (first, firstOrganization) = await ApplicantAsync("first");
        var (second, secondOrganization) = await ApplicantAsync("second");
        using var firstClient = await TestSignIn.HttpClientAsync(Factory, first);
        using var secondClient = await TestSignIn.HttpClientAsync(Factory, second);
        var application = await ApplyAsync(firstClient, call, ApplicationBody(firstOrganization));

        using var twice = await firstClient.PostAsJsonAsync($"{Calls}/{call}/applications", ApplicationBody(firstOrganization));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("organizationId", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var notTheirs = await secondClient.PostAsJsonAsync($"{Calls}/{call}/applications", ApplicationBody(firstOrganization));
        Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);

        using var other = await secondClient.GetAsync($"{Calls}/{call}/applications/{application}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var otherPage = await secondClient.GetAsync($"/processes/demo/calls/{call}/applications/{application}");
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        using var own = await firstClient.GetAsync($"{Calls}/{call}/applications/{application}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        await CloseAsync(call);
        using var late = await secondClient.PostAsJsonAsync($"{Calls}/{call}/applications", ApplicationBody(secondOrganization));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        await using var scope = Factory.Scope();
        Assert.Equal(1, await scope.Db.CallApplications.CountAsync(a => a.CallId == call));
    }

    [Fact]
    public async Task Panel_members_score_once_blind_to_each_other_and_never_an_application_they_are_conflicted_with()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var call = await PublishedCallAsync(secretariat);
        var (applicant, organization) = await ApplicantAsync("blind");
        using var applicantClient = await TestSignIn.HttpClientAsync(Factory, applicant);
        var application = await ApplyAsync(applicantClient, call, ApplicationBody(organization));
        var alice = await TestSignIn.CreateUserAsync(Factory, $"alice-{Guid.NewGuid():N}@example.org");
        var bruno = await TestSignIn.CreateUserAsync(Factory, $"bruno-{Guid.NewGuid():N}@example.org");
        await AddPanelAsync(call, alice, bruno);
        var criteria = await CriteriaAsync(call);
        var address = $"{Calls}/{call}/applications/{application}/scores";

        using var aliceClient = await TestSignIn.HttpClientAsync(Factory, alice);
        using (var scored = await aliceClient.PostAsJsonAsync(address, Scores(criteria, 8, 6)))
        {
            Assert.Equal(HttpStatusCode.NoContent, scored.StatusCode);
        }
        using (var again = await aliceClient.PostAsJsonAsync(address, Scores(criteria, 2, 2)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }
        using (var applicantScores = await applicantClient.PostAsJsonAsync(address, Scores(criteria, 10, 10)))
        {
            Assert.Equal(HttpStatusCode.NotFound, applicantScores.StatusCode);
        }

        using var brunoPages = await TestSignIn.HtmlClientAsync(Factory, bruno);
        var blind = await brunoPages.GetAsync($"/processes/demo/calls/{call}/applications/{application}");
        Assert.NotNull(blind.Document.QuerySelector("#scores-hidden"));
        Assert.Null(blind.Document.QuerySelector("#scores"));

        var declared = await brunoPages.SubmitAsync(blind, "#conflict-form", new Dictionary<string, string> { ["Note"] = "I sit on its board." });
        Assert.True(declared.Document.QuerySelector("#you-conflicted") is not null, $"{declared.Status} {declared.Url}: {declared.Document.Body?.TextContent}");
        using var brunoClient = await TestSignIn.HttpClientAsync(Factory, bruno);
        using (var conflicted = await brunoClient.PostAsJsonAsync(address, Scores(criteria, 9, 9)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, conflicted.StatusCode);
        }

        await using (var scope = Factory.Scope())
        {
            var stored = await scope.Db.CallScores.Where(s => s.ApplicationId == application).ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.All(stored, s => Assert.Equal(alice.Id, s.UserId));
        }
        // Every member without a conflict has scored: the panel now sees the scores.
        var open = await brunoPages.GetAsync($"/processes/demo/calls/{call}/applications/{application}");
        Assert.NotNull(open.Document.QuerySelector("#scores"));
        Assert.Contains("7.50", open.Text("#weighted-score"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_panel_decides_with_reasons_and_the_published_inputs_recompute_to_the_published_proposal()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var call = await PublishedCallAsync(secretariat, targets: "migrantLed | yes | 1 |\nregion | West Africa | 1 | 1");
        var applicants = new List<(AppUser User, int Application)>();
        var profiles = new[] { ("SEN", false), ("FRA", true), ("NGA", true), ("ESP", false) };
        foreach (var (country, migrantLed) in profiles)
        {
            var (user, organization) = await ApplicantAsync("select-" + country.ToLowerInvariant());
            using var client = await TestSignIn.HttpClientAsync(Factory, user);
            applicants.Add((user, await ApplyAsync(client, call, ApplicationBody(organization, country, migrantLed))));
        }
        var member = await TestSignIn.CreateUserAsync(Factory, $"member-{Guid.NewGuid():N}@example.org");
        await AddPanelAsync(call, member);
        var criteria = await CriteriaAsync(call);
        using var memberClient = await TestSignIn.HttpClientAsync(Factory, member);
        var values = new[] { (9, 9), (5, 5), (4, 4), (8, 8) };
        foreach (var ((_, application), (relevance, reach)) in applicants.Zip(values))
        {
            using var scored = await memberClient.PostAsJsonAsync($"{Calls}/{call}/applications/{application}/scores", Scores(criteria, relevance, reach));
            Assert.Equal(HttpStatusCode.NoContent, scored.StatusCode);
        }
        await CloseAsync(call);

        using var pages = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        var proposed = await pages.SubmitAsync(panel, "#propose", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, proposed.Status);

        // Anyone downloads the pseudonymised inputs and recomputes the proposal with the published method.
        using var anonymous = Factory.CreateClient();
        var inputs = (await anonymous.GetFromJsonAsync<SelectionInputs>($"{Calls}/{call}/selection-inputs", Web))!;
        Assert.DoesNotContain("association", JsonSerializer.Serialize(inputs), StringComparison.OrdinalIgnoreCase);
        var recomputed = Assert.IsType<SelectionResult.Selected>(ScoreOptimalSelection.Propose(CallProposals.Problem(inputs)));
        var report = (await anonymous.GetFromJsonAsync<SelectionReport>($"{Calls}/{call}/report", Web))!;
        Assert.Equal(recomputed.Keys.Order(StringComparer.Ordinal), report.Proposal!.Selected.Order(StringComparer.Ordinal));
        Assert.Equal(2, recomputed.Keys.Count);

        // A departure from the proposal without a reason is refused, and nothing is decided.
        await using (var scope = Factory.Scope())
        {
            var pseudonyms = await scope.Db.CallApplications.Where(a => a.CallId == call).ToDictionaryAsync(a => a.Pseudonym, a => a.Id);
            var chosen = report.Proposal.Selected.Select(k => pseudonyms[k]).ToList();
            var left = pseudonyms.Values.Except(chosen).First();
            panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
            var fields = new Dictionary<string, string> { ["Selected"] = chosen[0].ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var refused = await pages.SubmitAsync(panel, "#decide", fields);
            Assert.Contains("Say why the panel departs from the proposal", refused.Text("#decide"), StringComparison.Ordinal);
            Assert.Null(await scope.Db.ParticipationCalls.Where(c => c.Id == call).Select(c => c.DecidedAt).SingleAsync());

            fields[$"Reasons[{chosen[1]}]"] = "The organisation withdrew its representative.";
            var decided = await pages.SubmitAsync(panel, "#decide", fields);
            Assert.Equal(HttpStatusCode.OK, decided.Status);
            Assert.Equal(ApplicationOutcome.Selected, await scope.Db.CallApplications.Where(a => a.Id == chosen[0]).Select(a => a.Outcome).SingleAsync());
            Assert.Equal(ApplicationOutcome.NotSelected, await scope.Db.CallApplications.Where(a => a.Id == left).Select(a => a.Outcome).SingleAsync());
        }
        foreach (var (user, _) in applicants)
        {
            var mail = await Smtp.WaitForMessageToAsync(user.Email!, MailWait);
            Assert.Contains("Civil society at the ministerial meeting", mail.Subject, StringComparison.Ordinal);
        }

        panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        Assert.Equal(HttpStatusCode.OK, (await pages.SubmitAsync(panel, "#publish-report", new Dictionary<string, string>())).Status);
        var published = await anonymous.GetStringAsync($"/processes/demo/calls/{call}/report");
        Assert.Contains("The organisation withdrew its representative.", published, StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, published, StringComparison.Ordinal);
        Assert.DoesNotContain("aminata@example.org", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lottery_publishes_every_chance_and_a_seed_commitment_before_the_draw_and_its_revealed_seed_reproduces_the_draw()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var call = await PublishedCallAsync(secretariat, targets: "migrantLed | yes | 1 |", method: "FairLottery", threshold: 5m);
        var profiles = new[] { ("SEN", true), ("FRA", false), ("NGA", false), ("ESP", false) };
        var applications = new List<int>();
        foreach (var (country, migrantLed) in profiles)
        {
            var (user, organization) = await ApplicantAsync("lottery-" + country.ToLowerInvariant());
            using var client = await TestSignIn.HttpClientAsync(Factory, user);
            applications.Add(await ApplyAsync(client, call, ApplicationBody(organization, country, migrantLed)));
        }
        var member = await TestSignIn.CreateUserAsync(Factory, $"member-{Guid.NewGuid():N}@example.org");
        await AddPanelAsync(call, member);
        var criteria = await CriteriaAsync(call);
        using var memberClient = await TestSignIn.HttpClientAsync(Factory, member);
        // The last application scores below the published threshold: it takes no part in the lottery.
        foreach (var (application, value) in applications.Zip(new[] { 8, 7, 6, 2 }))
        {
            using var scored = await memberClient.PostAsJsonAsync($"{Calls}/{call}/applications/{application}/scores", Scores(criteria, value, value));
            Assert.Equal(HttpStatusCode.NoContent, scored.StatusCode);
        }
        await CloseAsync(call);

        using var pages = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        Assert.Equal(HttpStatusCode.OK, (await pages.SubmitAsync(panel, "#propose", new Dictionary<string, string>())).Status);

        // Before the draw: every chance and the commitment are public, the seed is not, and nothing is selected yet.
        using var anonymous = Factory.CreateClient();
        var before = (await anonymous.GetFromJsonAsync<SelectionReport>($"{Calls}/{call}/report", Web))!;
        Assert.Null(before.Seed);
        Assert.Empty(before.Proposal!.Selected);
        var commitment = Assert.IsType<string>(before.SeedCommitment);
        var chances = before.Proposal.Chances!;
        Assert.Equal(3, chances.Count);
        // Two places among three: the migrant-led applicant, whom the target needs, is certain; the other two share the other place.
        Dictionary<int, string> pseudonyms;
        await using (var scope = Factory.Scope())
        {
            pseudonyms = await scope.Db.CallApplications.Where(a => a.CallId == call).ToDictionaryAsync(a => a.Id, a => a.Pseudonym);
        }
        Assert.DoesNotContain(pseudonyms[applications[3]], chances.Keys);
        Assert.Equal(1m, Math.Round(chances[pseudonyms[applications[0]]], 6));
        Assert.Equal(0.5m, Math.Round(chances[pseudonyms[applications[1]]], 6));
        Assert.Equal(0.5m, Math.Round(chances[pseudonyms[applications[2]]], 6));
        var page = await HtmlClient.For(Factory).GetAsync($"/processes/demo/calls/{call}/report");
        Assert.Contains(commitment, page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(3, page.Texts("#chances tbody tr").Count);
        Assert.Contains(pseudonyms[applications[1]], page.Text("#chances"), StringComparison.Ordinal);

        // Anyone recomputes the same chances from the published inputs.
        var inputs = (await anonymous.GetFromJsonAsync<SelectionInputs>($"{Calls}/{call}/selection-inputs", Web))!;
        var distribution = Assert.IsType<LotteryResult.Distribution>(FairLottery.Distribute(CallProposals.Problem(inputs)));
        foreach (var chance in distribution.Chances)
        {
            Assert.Equal(Math.Round(chances[chance.Key], 6), Math.Round(chance.Chance, 6));
        }

        panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        Assert.Equal(HttpStatusCode.OK, (await pages.SubmitAsync(panel, "#draw", new Dictionary<string, string>())).Status);

        // After it: the seed is revealed, matches the commitment, and draws exactly the published selection.
        var after = (await anonymous.GetFromJsonAsync<SelectionReport>($"{Calls}/{call}/report", Web))!;
        var seed = Assert.IsType<string>(after.Seed);
        Assert.Equal(commitment, FairLottery.Commit(seed));
        Assert.Equal(FairLottery.Draw(distribution, seed).Order(StringComparer.Ordinal), after.Proposal!.Selected.Order(StringComparer.Ordinal));
        Assert.Contains(pseudonyms[applications[0]], after.Proposal.Selected);
        Assert.Equal(2, after.Proposal.Selected.Count);
        Assert.Contains(seed, (await HtmlClient.For(Factory).GetAsync($"/processes/demo/calls/{call}/report")).Text("#seed"), StringComparison.Ordinal);

        // A second draw is refused: the published selection stays.
        panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        Assert.Null(panel.Document.QuerySelector("#draw"));
    }

    [Fact]
    public async Task Targets_that_no_selection_can_meet_are_named()
    {
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, _secretariat);
        var call = await PublishedCallAsync(secretariat, targets: "migrantLed | yes | 1 |\ncountry | SEN | 2 | 2");
        foreach (var country in new[] { "SEN", "FRA", "SEN" })
        {
            var (user, organization) = await ApplicantAsync("infeasible");
            using var client = await TestSignIn.HttpClientAsync(Factory, user);
            await ApplyAsync(client, call, ApplicationBody(organization, country, migrantLed: country == "FRA"));
        }
        await AddPanelAsync(call, _secretariat);
        var criteria = await CriteriaAsync(call);
        await using (var scope = Factory.Scope())
        {
            foreach (var application in await scope.Db.CallApplications.Where(a => a.CallId == call).Select(a => a.Id).ToListAsync())
            {
                using var scored = await secretariat.PostAsJsonAsync($"{Calls}/{call}/applications/{application}/scores", Scores(criteria, 5, 5));
                Assert.Equal(HttpStatusCode.NoContent, scored.StatusCode);
            }
        }
        await CloseAsync(call);
        using var pages = await TestSignIn.HtmlClientAsync(Factory, _secretariat);
        var panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        var proposed = await pages.SubmitAsync(panel, "#propose", new Dictionary<string, string>());
        Assert.True(proposed.Document.QuerySelector("#infeasible") is not null, $"{proposed.Status} {proposed.Url}: {proposed.Document.Body?.TextContent}");
        var explained = proposed.Text("#infeasible");
        Assert.Contains("No selection can meet these targets together", explained, StringComparison.Ordinal);
        Assert.Contains("SEN", explained, StringComparison.Ordinal);
    }
}
