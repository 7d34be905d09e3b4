using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

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

        Assert.Contains(DemoData.DefaultPassword, first.ToString());
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
        var home = await client.SignInAsync("secretariat@demo.rcphub.test", DemoData.DefaultPassword);
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
}
