using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Demo;

public sealed class DemoDataTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Loading_the_demo_twice_creates_everything_once_and_the_demo_secretariat_can_work()
    {
        using var first = new StringWriter();
        await DemoData.LoadAsync(_factory.Services, first);
        await DemoData.LoadAsync(_factory.Services, TextWriter.Null);

        Assert.Contains(RcpHubFactory.DemoPassword, first.ToString());
        await using (var scope = _factory.Scope())
        {
            var db = scope.Db;
            var process = await db.Processes.Include(p => p.Memberships).Include(p => p.ChairTerms).Include(p => p.ChairRotation).Include(p => p.Bodies).ThenInclude(b => b.Members)
                .SingleAsync(p => p.Slug == "demo");
            Assert.Equal("DEMO", process.Acronym);
            Assert.Contains("not a real process", process.Name);
            Assert.Contains("Demo data", process.Notes);
            Assert.True(process.Memberships.Count(m => m.Role == MembershipRole.Member && m.LeftOn == null) >= 5);
            Assert.Contains(process.Memberships, m => m.Role == MembershipRole.Observer);
            Assert.NotEmpty(process.ChairTerms);
            Assert.True(process.ChairRotation.Count >= 5);
            Assert.Contains(process.Bodies, b => b.Kind == BodyKind.SteeringCommittee && b.Members.Count > 0);
            Assert.Contains(process.Bodies, b => b.Kind == BodyKind.WorkingGroup && b.Members.Count > 0);

            foreach (var account in DemoData.Accounts)
            {
                var users = await db.Users.Where(u => u.Email == account.Email).ToListAsync();
                var user = Assert.Single(users);
                Assert.True(user.IsDemo);
                Assert.Equal(account.IsAdministrator, user.IsPlatformAdministrator);
                if (account.Role is { } role)
                {
                    Assert.Single(await db.ProcessRoleAssignments.Where(a => a.UserId == user.Id && a.ProcessId == process.Id && a.Role == role).ToListAsync());
                }
            }
            var focalPoint = await db.ProcessRoleAssignments.SingleAsync(a => a.ProcessId == process.Id && a.Role == ProcessRole.FocalPoint);
            Assert.Equal("Ministry of Interior", focalPoint.Ministry);
            Assert.Contains(process.Memberships, m => m.StateCode == focalPoint.StateCode && m.Role == MembershipRole.Member);
        }

        using var client = HtmlClient.For(_factory);
        var home = await client.SignInAsync("secretariat@demo.rcphub.test", RcpHubFactory.DemoPassword);
        Assert.Contains("Demo data", home.Text(".demo-banner"));
        var invitations = await client.GetAsync("/processes/demo/manage/invitations");
        Assert.Equal(HttpStatusCode.OK, invitations.Status);
        Assert.Contains("DEMO", invitations.Text("h1"));
        Assert.Contains("Ministry of Interior", (await client.GetAsync("/processes/demo/manage/people")).Text("#people"));
    }

    [Fact]
    public async Task A_real_account_sees_no_demo_banner()
    {
        var email = TestAccounts.NewEmail("real");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);
        var home = await client.SignInAsync(email);
        Assert.Null(home.Document.QuerySelector(".demo-banner"));
    }

    [Fact]
    public async Task Without_a_configured_password_each_demo_account_gets_its_own_random_one_which_is_printed()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f => f.Settings["Demo:Password"] = "");
        using var output = new StringWriter();
        await DemoData.LoadAsync(factory.Services, output);

        var printed = DemoData.Accounts.ToDictionary(a => a.Email, a => output.ToString().Split('\n').Single(l => l.Contains(a.Email, StringComparison.Ordinal)).Trim().Split(' ')[^1]);
        Assert.Equal(DemoData.Accounts.Count, printed.Values.Distinct().Count());
        Assert.DoesNotContain(RcpHubFactory.DemoPassword, output.ToString(), StringComparison.Ordinal);
        using var wrong = HtmlClient.For(factory);
        Assert.Null((await wrong.SignInAsync("admin@demo.rcphub.test", RcpHubFactory.DemoPassword)).Document.QuerySelector(".demo-banner"));
        using var right = HtmlClient.For(factory);
        Assert.NotNull((await right.SignInAsync("admin@demo.rcphub.test", printed["admin@demo.rcphub.test"])).Document.QuerySelector(".demo-banner"));
    }

    [Fact]
    public void The_demo_is_refused_outside_Development_unless_forced()
    {
        var environment = _factory.Services.GetRequiredService<IHostEnvironment>();
        Assert.Equal("Testing", environment.EnvironmentName);
        Assert.Contains("--force-demo", DemoData.Refusal(environment, ["--demo"]));
        Assert.Null(DemoData.Refusal(environment, ["--demo", "--force-demo"]));
        environment.EnvironmentName = Environments.Development;
        try
        {
            Assert.Null(DemoData.Refusal(environment, ["--demo"]));
        }
        finally
        {
            environment.EnvironmentName = "Testing";
        }
    }

    [Fact]
    public async Task The_demo_process_is_left_out_of_public_counts_the_directory_and_the_map()
    {
        using var client = HtmlClient.For(_factory);
        var homeBefore = await client.GetAsync("/");
        var mapBefore = await client.GetAsync("/map");

        await DemoData.LoadAsync(_factory.Services, TextWriter.Null);

        var home = await client.GetAsync("/");
        Assert.Equal(homeBefore.Texts(".stats strong"), home.Texts(".stats strong"));
        var map = await client.GetAsync("/map");
        Assert.Equal(mapBefore.Html.Length, map.Html.Length);
        Assert.DoesNotContain("/processes/demo", map.Html, StringComparison.Ordinal);
        var directory = await client.GetAsync("/processes");
        Assert.DoesNotContain("/processes/demo\"", directory.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO", await client.Http.GetStringAsync("/api/v1/processes"), StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO", await client.Http.GetStringAsync("/api/v1/processes.csv"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/processes/demo")).Status);
    }

    [Fact]
    public async Task Remove_demo_deletes_the_demo_process_its_meetings_and_the_demo_accounts_and_nothing_else()
    {
        await DemoData.LoadAsync(_factory.Services, TextWriter.Null);
        int processes, meetings;
        await using (var scope = _factory.Scope())
        {
            processes = await scope.Db.Processes.CountAsync(p => !p.IsDemo);
            meetings = await scope.Db.Meetings.CountAsync(m => !m.Process!.IsDemo);
            Assert.NotEmpty(await scope.Db.Delegations.Where(d => d.Meeting!.Process!.IsDemo).ToListAsync());
        }

        Assert.Equal(0, await DemoData.RemoveAsync(_factory.Services, TextWriter.Null));

        await using (var scope = _factory.Scope())
        {
            Assert.False(await scope.Db.Processes.AnyAsync(p => p.IsDemo || p.Slug == DemoData.ProcessSlug));
            Assert.False(await scope.Db.Users.AnyAsync(u => u.IsDemo));
            Assert.False(await scope.Db.Delegations.AnyAsync());
            Assert.Equal(processes, await scope.Db.Processes.CountAsync());
            Assert.Equal(meetings, await scope.Db.Meetings.CountAsync());
        }
        using var client = HtmlClient.For(_factory);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/processes/demo")).Status);
        Assert.Null((await client.SignInAsync("admin@demo.rcphub.test", RcpHubFactory.DemoPassword)).Document.QuerySelector(".demo-banner"));
    }
}
