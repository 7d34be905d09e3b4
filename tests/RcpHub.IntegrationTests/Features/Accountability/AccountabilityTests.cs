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
