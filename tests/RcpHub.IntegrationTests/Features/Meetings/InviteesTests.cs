using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>Who is invited to a meeting: every member state or every observer in one step, each action told, and a
/// removal asked about before it is done.</summary>
public sealed class InviteesTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private HtmlClient _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _browser = await TestSignIn.HtmlClientAsync(_factory, secretariat);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _factory.DisposeAsync();
    }

    private static Task<HtmlClient.Page> SubmitAsync(HtmlClient client, HtmlClient.Page page, string handler, Dictionary<string, string>? values = null) =>
        client.SubmitAsync(page, $"form[action*='handler={handler}']", values ?? []);

    [Fact]
    public async Task All_member_states_then_all_observers_are_invited_in_one_step_each_without_duplicates()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Ministerial conference", MeetingAudience.ByInvitation);
        var url = $"/processes/midsa/meetings/{meeting.Id}/invitees";
        int members, observers;
        await using (var scope = _factory.Scope())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var current = (await scope.Db.Memberships.AsNoTracking().Where(m => m.ProcessId == _midsa).ToListAsync()).Where(m => m.IsCurrent(today)).ToList();
            members = current.Where(m => m.Role == MembershipRole.Member && m.StateCode != null).Select(m => m.StateCode).Distinct().Count();
            observers = current.Where(m => m.Role == MembershipRole.Observer).Select(m => m.StateCode ?? "org:" + m.OrganizationId).Distinct().Count();
        }
        Assert.True(members > 1);

        var page = await _browser.GetAsync(url);
        Assert.Equal("Who is invited: Ministerial conference", page.Text("h1"));
        Assert.Equal("page", page.Document.QuerySelector("nav.tabs a[href$='/invitees']")!.GetAttribute("aria-current"));
        Assert.Equal("Who is invited", page.Text("nav.tabs a[href$='/invitees']"));

        page = await SubmitAsync(_browser, page, "AddState", new() { ["Invitee.StateCode"] = "ZAF" });
        Assert.Equal("South Africa is invited.", page.Text(".notice.ok"));

        page = await SubmitAsync(_browser, page, "AddMembers");
        Assert.Equal(members - 1 == 1 ? "1 member state invited." : $"{members - 1} member states invited.", page.Text(".notice.ok"));
        Assert.Equal(members, page.Document.QuerySelectorAll("table.rows tbody tr").Length);

        page = await SubmitAsync(_browser, page, "AddMembers");
        Assert.Equal("Every member state is already invited.", page.Text(".notice.ok"));

        page = await SubmitAsync(_browser, page, "AddObservers");
        Assert.Equal(observers == 0 ? "Every observer is already invited." : observers == 1 ? "1 observer invited." : $"{observers} observers invited.", page.Text(".notice.ok"));

        await using var check = _factory.Scope();
        var invited = await check.Db.MeetingInvitees.Where(i => i.MeetingId == meeting.Id).ToListAsync();
        Assert.Equal(members + observers, invited.Count);
        Assert.Equal(invited.Count, invited.Select(i => i.StateCode ?? "org:" + i.OrganizationId).Distinct().Count());
    }

    [Fact]
    public async Task Removing_an_invitee_asks_first_and_then_says_what_it_did()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Closed workshop", MeetingAudience.ByInvitation,
            configure: m => m.Invitees.Add(new MeetingInvitee { StateCode = "ZMB" }));
        var url = $"/processes/midsa/meetings/{meeting.Id}/invitees";
        var page = await _browser.GetAsync(url);
        Assert.Empty(page.Document.QuerySelectorAll("table.rows form"));
        var ask = page.Document.QuerySelector("table.rows a[href^='?remove=']")!.GetAttribute("href")!.Split('#')[0];

        var asked = await _browser.GetAsync(url + ask);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Equal("Remove Zambia from the invitees?", asked.Text("#confirm-removal strong"));
        Assert.Equal(url, asked.Document.QuerySelector("#confirm-removal a")!.GetAttribute("href"));
        await using (var scope = _factory.Scope())
        {
            Assert.Equal(1, await scope.Db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting.Id));
        }

        var removed = await _browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("Zambia is no longer invited.", removed.Text(".notice.ok"));
        Assert.Contains("Nobody is invited yet.", removed.Text("main"), StringComparison.Ordinal);
        await using var check = _factory.Scope();
        Assert.Equal(0, await check.Db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting.Id));
    }

    [Fact]
    public async Task Sessions_and_agenda_items_are_removed_only_once_confirmed()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Meeting with a session", configure: m =>
        {
            m.Sessions.Add(new Session { Title = "Opening session", Position = 1 });
            m.AgendaItems.Add(new AgendaItem { Title = "Opening remarks", Position = 1 });
        });
        var sessions = $"/processes/midsa/meetings/{meeting.Id}/sessions";
        var asked = await _browser.GetAsync($"{sessions}?remove={meeting.Sessions[0].Id}");
        Assert.Equal("Remove the session Opening session, with its speakers?", asked.Text("#confirm-removal strong"));
        var removed = await _browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The session Opening session is removed.", removed.Text(".notice.ok"));

        var agenda = $"/processes/midsa/meetings/{meeting.Id}/agenda";
        asked = await _browser.GetAsync($"{agenda}?remove={meeting.AgendaItems[0].Id}");
        Assert.Equal("Remove the agenda item Opening remarks?", asked.Text("#confirm-removal strong"));
        Assert.Equal(agenda, asked.Document.QuerySelector("#confirm-removal a")!.GetAttribute("href"));
        removed = await _browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The agenda item Opening remarks is removed.", removed.Text(".notice.ok"));
        await using var check = _factory.Scope();
        Assert.False(await check.Db.Sessions.AnyAsync(s => s.MeetingId == meeting.Id));
        Assert.False(await check.Db.AgendaItems.AnyAsync(i => i.MeetingId == meeting.Id));
    }
}
