using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Accountability;

/// <summary>The public accountability page of a process, its JSON and its CSV: what the public outputs recommended and
/// how far it was implemented, in aggregate. Members-only outputs, their recommendations and the reports on them never
/// appear nor count there; state-by-state detail only for those who read the follow-up, never from the public cache.</summary>
public sealed class AccountabilityTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(string Page, string Json, string Csv)> PublicFiguresAsync(RcpHubFactory factory)
    {
        var page = await HtmlClient.For(factory).GetAsync("/processes/demo/accountability");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var figures = string.Join(" | ", page.Document.QuerySelectorAll("table.accountability tbody tr")
            .Select(r => string.Join(" ", r.QuerySelectorAll("td[data-figure]").Select(td => $"{td.GetAttribute("data-figure")}={td.TextContent.Trim()}"))));
        using var api = factory.CreateClient();
        var json = await api.GetStringAsync("/api/v1/processes/demo/accountability");
        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync("/api/v1/processes/demo/accountability.csv"));
        return (page.Text("#overall") + " || " + figures, json, csv);
    }

    [Fact]
    public async Task Reports_on_a_members_only_outputs_recommendations_change_no_public_figure()
    {
        var before = await PublicFiguresAsync(_factory);
        // The public action plan's one recommendation, asked of every member state; Morocco reported it planned.
        Assert.Contains("asked=", before.Page);
        Assert.Contains("Planned=1", before.Page);
        Assert.DoesNotContain("fair recruitment", before.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fair recruitment", before.Csv, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Action plan on labour migration data (demo)", before.Csv);

        await using (var scope = _factory.Scope())
        {
            var db = scope.Db;
            var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
            var user = await db.Users.Where(u => u.Email == "focal-point@demo.rcphub.test").Select(u => u.Id).SingleAsync();
            var membersOnly = await db.Recommendations.Where(r => r.Output!.ProcessId == demo && r.Output.Audience == MeetingAudience.MembersOnly)
                .Select(r => r.Id).ToListAsync();
            Assert.NotEmpty(membersOnly);
            foreach (var (recommendation, state) in membersOnly.SelectMany(r => new[] { "ESP", "SEN" }.Select(s => (r, s))))
            {
                db.FollowUpReports.Add(new FollowUpReport
                {
                    ProcessId = demo, RecommendationId = recommendation, StateCode = state, RoundKey = 0, Sequence = 1, IsLatest = true, IsLatestAcrossRounds = true,
                    Status = ImplementationStatus.Implemented, On = DateOnly.FromDateTime(DateTime.UtcNow), ReportedByUserId = user, ReportedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }

        var after = await PublicFiguresAsync(_factory);
        Assert.Equal(before.Page, after.Page);
        Assert.Equal(before.Json, after.Json);
        Assert.Equal(before.Csv, after.Csv);
    }

    [Fact]
    public async Task Anonymous_readers_see_aggregates_only_while_the_secretariat_sees_each_state()
    {
        var anonymous = await HtmlClient.For(_factory).GetAsync("/processes/demo/accountability");
        Assert.Empty(anonymous.Document.QuerySelectorAll("table.state-detail"));
        Assert.DoesNotContain("Morocco", anonymous.Html);

        await using var scope = _factory.Scope();
        var secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        using var browser = await TestSignIn.HtmlClientAsync(_factory, secretariat);
        var page = await browser.GetAsync("/processes/demo/accountability");
        Assert.Equal("Morocco", page.Text("table.state-detail tr[data-state=MAR] th"));
        Assert.Equal("Planned", page.Text("table.state-detail tr[data-state=MAR] td"));
        // One scrolling box per table, the one every table gets (decision 0016), never a second written around it.
        Assert.Empty(page.Document.QuerySelectorAll(".table-scroll .table-scroll"));
        Assert.All(page.Document.QuerySelectorAll("table"), table => Assert.Equal("table-scroll", table.ParentElement!.ClassName));
    }

    [Fact]
    public async Task Above_four_hundred_pairs_the_secretariat_picks_one_state_instead_of_getting_every_pair()
    {
        int output, first;
        await using (var scope = _factory.Scope())
        {
            var db = scope.Db;
            var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
            var user = await db.Users.Where(u => u.Email == "focal-point@demo.rcphub.test").Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            // 60 recommendations to the demo's 7 member states: 420 pairs, more than a page shows one by one.
            var plan = new Output
            {
                ProcessId = demo, Kind = OutputKind.Recommendations, Title = "Large public plan (test)", OriginalLanguage = "en",
                Audience = MeetingAudience.Public, AdoptedOn = DateOnly.FromDateTime(now.AddDays(-30).UtcDateTime),
                CreatedAt = now.AddDays(-31), UpdatedAt = now.AddDays(-30),
                Recommendations = [.. Enumerable.Range(1, 60).Select(n => new Recommendation
                {
                    Number = n, OriginalLanguage = "en", Text = $"Public recommendation {n} (test).", ToAllMembers = true,
                })],
            };
            db.Outputs.Add(plan);
            await db.SaveChangesAsync();
            (output, first) = (plan.Id, plan.Recommendations[0].Id);
            db.FollowUpReports.Add(new FollowUpReport
            {
                ProcessId = demo, RecommendationId = first, StateCode = "MAR", RoundKey = 0, Sequence = 1, IsLatest = true, IsLatestAcrossRounds = true,
                Status = ImplementationStatus.Implemented, On = DateOnly.FromDateTime(DateTime.UtcNow), ReportedByUserId = user, ReportedAt = now,
            });
            await db.SaveChangesAsync();
        }
        await using var users = _factory.Scope();
        var secretariat = await users.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        using var browser = await TestSignIn.HtmlClientAsync(_factory, secretariat);

        var page = await browser.GetAsync("/processes/demo/accountability");
        Assert.Contains("too many to show each state's status here", page.Text("#detail-too-large"));
        Assert.Empty(page.Document.QuerySelectorAll("table.state-detail"));
        Assert.Empty(page.Document.QuerySelectorAll("table.state-part"));
        Assert.Contains("Morocco", page.Document.QuerySelectorAll("#pick-state option").Select(o => o.TextContent));
        // The aggregate still counts every pair.
        Assert.Equal("7", page.Text($"tr[data-recommendation='{first}'] td[data-figure=asked]"));

        var picked = await browser.SubmitAsync(page, "form#pick-state-detail", new Dictionary<string, string> { ["state"] = "MAR" });
        var rows = picked.Document.QuerySelectorAll($"#output-{output} table.state-part[data-state=MAR] tbody tr");
        Assert.Equal(60, rows.Length);
        Assert.Equal("Implemented", picked.Text($"#output-{output} table.state-part tr[data-recommendation='{first}'] td"));
        Assert.Equal("MAR", picked.Document.QuerySelector("#pick-state option[selected]")!.GetAttribute("value"));

        var unknown = await browser.GetAsync("/processes/demo/accountability?state=ZZZ");
        Assert.NotNull(unknown.Document.QuerySelector("#pick-unknown"));
        Assert.Empty(unknown.Document.QuerySelectorAll("table.state-part"));

        var anonymous = await HtmlClient.For(_factory).GetAsync("/processes/demo/accountability?state=MAR");
        Assert.Null(anonymous.Document.QuerySelector("#pick-state-detail"));
        Assert.Empty(anonymous.Document.QuerySelectorAll("table.state-part"));
        Assert.DoesNotContain("Morocco", anonymous.Html);
    }

    [Fact]
    public async Task The_public_page_cache_never_gives_a_signed_in_readers_detail_to_anonymous_readers()
    {
        await using var cached = await RcpHubFactory.CreateAsync(f => f.Settings["PublicCache:Enabled"] = "true");
        await PageCatalogue.PrepareAsync(cached);
        var anonymous = HtmlClient.For(cached);
        await cached.CachingAsync(anonymous);
        await using var scope = cached.Scope();
        var secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        using var browser = await TestSignIn.HtmlClientAsync(cached, secretariat);

        Assert.NotEmpty((await browser.GetAsync("/processes/demo/accountability")).Document.QuerySelectorAll("table.state-detail"));
        var first = await anonymous.GetAsync("/processes/demo/accountability");
        Assert.NotEmpty((await browser.GetAsync("/processes/demo/accountability")).Document.QuerySelectorAll("table.state-detail"));
        var second = await anonymous.GetAsync("/processes/demo/accountability");

        Assert.Empty(first.Document.QuerySelectorAll("table.state-detail"));
        Assert.Empty(second.Document.QuerySelectorAll("table.state-detail"));
        Assert.DoesNotContain("Morocco", second.Html);
    }
}
