using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Floor;

/// <summary>An organisation invited to a meeting takes part in it: its people ask for the floor on its behalf, whatever
/// process their own role is in, and the floor names the organisation.</summary>
public sealed class FloorInviteesTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_people_of_an_invited_organisation_ask_for_the_floor_on_its_behalf()
    {
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        string iomName;
        int other;
        await using (var scope = _factory.Scope())
        {
            iomName = await scope.Db.Organizations.Where(o => o.Id == iom).Select(o => o.Name).SingleAsync(TestContext.Current.CancellationToken);
            other = await scope.Db.Organizations.Where(o => o.Id != iom).Select(o => o.Id).FirstAsync(TestContext.Current.CancellationToken);
        }
        var meeting = await Arrange.MeetingAsync(_factory, midsa, "Dialogue with partners", MeetingAudience.ByInvitation, configure: m =>
        {
            m.Sessions.Add(new Session { Title = "Partners speak", Position = 1 });
            m.Invitees.Add(new MeetingInvitee { OrganizationId = iom });
        });
        var floor = $"/processes/midsa/meetings/{meeting.Id}/sessions/{meeting.Sessions[0].Id}/floor";
        // Their role is in another process: the invitation, not a role in MIDSA, lets them take part.
        var representative = await TestSignIn.CreateUserAsync(_factory, "delegate@iom.example", roles: new ReaderRole(cp, ProcessRole.CivilSociety, OrganizationId: iom));
        var uninvited = await TestSignIn.CreateUserAsync(_factory, "delegate@other.example", roles: new ReaderRole(cp, ProcessRole.CivilSociety, OrganizationId: other));
        var secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));

        using var client = await TestSignIn.HtmlClientAsync(_factory, representative);
        var page = await client.GetAsync(floor);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([iomName], page.Texts("#SpeaksFor option"));

        var asked = await client.SubmitAsync(page, "form[action$='handler=Ask']", new Dictionary<string, string> { ["SpeaksFor"] = $"org:{iom}" });
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Equal("You are in line for the floor.", asked.Text(".notice.ok"));
        Assert.Contains($"You are waiting for the floor, for {iomName}.", asked.Html, StringComparison.Ordinal);

        using var chair = await TestSignIn.HtmlClientAsync(_factory, secretariat);
        Assert.Equal([$"delegate — {iomName}"], (await chair.GetAsync(floor)).Texts("#floor-queue li"));

        // The people of an organisation that is not invited do not see the meeting, so they cannot ask either.
        using var outsider = await TestSignIn.HtmlClientAsync(_factory, uninvited);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(floor)).Status);
        await using var check = _factory.Scope();
        Assert.Equal(iom, (await check.Db.FloorRequests.SingleAsync(r => r.SessionId == meeting.Sessions[0].Id, TestContext.Current.CancellationToken)).OrganizationId);
    }

    [Fact]
    public async Task A_person_who_acts_for_an_invited_organisation_in_the_registry_only_asks_for_the_floor_on_its_behalf()
    {
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        var meeting = await Arrange.MeetingAsync(_factory, midsa, "Dialogue with the registry's organisations", MeetingAudience.ByInvitation, configure: m =>
        {
            m.Sessions.Add(new Session { Title = "Organisations speak", Position = 1 });
            m.Invitees.Add(new MeetingInvitee { OrganizationId = iom });
        });
        var floor = $"/processes/midsa/meetings/{meeting.Id}/sessions/{meeting.Sessions[0].Id}/floor";
        // No role anywhere: a contact person of the organisation in the civil society registry (decision 0027).
        var contact = await TestSignIn.CreateUserAsync(_factory, "contact@iom.example");
        await using (var scope = _factory.Scope())
        {
            scope.Db.OrganizationRepresentatives.Add(new OrganizationRepresentative { OrganizationId = iom, UserId = contact.Id, AddedAt = DateTimeOffset.UtcNow });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var client = await TestSignIn.HtmlClientAsync(_factory, contact);
        var page = await client.GetAsync(floor);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var asked = await client.SubmitAsync(page, "form[action$='handler=Ask']", new Dictionary<string, string> { ["SpeaksFor"] = $"org:{iom}" });
        Assert.Equal("You are in line for the floor.", asked.Text(".notice.ok"));
        await using var check = _factory.Scope();
        Assert.Equal(iom, (await check.Db.FloorRequests.SingleAsync(r => r.SessionId == meeting.Sessions[0].Id, TestContext.Current.CancellationToken)).OrganizationId);
    }
}
