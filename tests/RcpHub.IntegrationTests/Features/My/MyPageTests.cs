using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;
using static RcpHub.IntegrationTests.Features.Delegations.ArrangeDelegations;

namespace RcpHub.IntegrationTests.Features.My;

/// <summary>"My RcpHub" (/my) and the secretariat's dashboard: what each person must do, by when and where, from the
/// same rules; nothing of a process reaches people of another.</summary>
public sealed class MyPageTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private AppUser _secretariat = null!, _southAfrica = null!, _rapporteur = null!, _observer = null!, _otherSecretariat = null!, _otherFocalPoint = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _southAfrica = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _rapporteur = await TestSignIn.CreateUserAsync(_factory, "focal.point@mz.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "MOZ"));
        _observer = await TestSignIn.CreateUserAsync(_factory, "observer@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Observer));
        _otherSecretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@cp.example", roles: new ReaderRole(cp, ProcessRole.Secretariat));
        _otherFocalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<HtmlClient> BrowserAsync(AppUser user) => TestSignIn.HtmlClientAsync(_factory, user);

    private static IElement? Duty(HtmlClient.Page page, string action) =>
        page.Document.QuerySelectorAll("li.duty").FirstOrDefault(li => li.QuerySelector("a, span")!.TextContent.Trim() == action);

    private static string Machine(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private Task<Meeting> InvitedMeetingAsync(string title) =>
        Arrange.MeetingAsync(_factory, _midsa, title, configure: m => m.Status = MeetingStatus.InvitationsSent);

    /// <summary>A meeting that started two hours ago and ends in six: its first session is over, its second still to come.</summary>
    private Task<Meeting> MeetingUnderWayAsync(string title) => Arrange.MeetingAsync(_factory, _midsa, title, configure: m =>
    {
        var now = DateTimeOffset.UtcNow;
        (m.StartsAtUtc, m.EndsAtUtc, m.Status) = (now.AddHours(-2), now.AddHours(6), MeetingStatus.InvitationsSent);
        m.Sessions.Add(new Session { Position = 1, Title = "Opening and labour mobility", StartsAtUtc = now.AddHours(-2), EndsAtUtc = now.AddHours(-1), RapporteurUserId = _rapporteur.Id });
        m.Sessions.Add(new Session { Position = 2, Title = "Closing and the way forward", StartsAtUtc = now.AddHours(4), EndsAtUtc = now.AddHours(6), RapporteurUserId = _rapporteur.Id });
    });

    [Fact]
    public async Task A_focal_point_is_asked_to_register_the_delegation_until_it_is_registered()
    {
        var meeting = await InvitedMeetingAsync("Expert meeting on labour migration");
        await Arrange.MeetingAsync(_factory, _midsa, "Planned meeting without invitations yet");
        using var browser = await BrowserAsync(_southAfrica);

        var my = await browser.GetAsync("/my");

        Assert.Equal(HttpStatusCode.OK, my.Status);
        Assert.Equal("My RcpHub", my.Text("h1"));
        var duty = Duty(my, "Register the delegation of South Africa");
        Assert.NotNull(duty);
        Assert.Equal($"/processes/midsa/meetings/{meeting.Id}/delegation?state=ZAF", duty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Expert meeting on labour migration", duty.TextContent, StringComparison.Ordinal);
        Assert.Equal(Machine(meeting.StartsAtUtc), duty.QuerySelector(".due time")!.GetAttribute("datetime"));
        Assert.Contains(meeting.StartsAtUtc.ToOffset(TimeSpan.FromHours(3)).ToString("D", CultureInfo.GetCultureInfo("en")), duty.QuerySelector(".due")!.TextContent, StringComparison.Ordinal);
        Assert.Null(duty.QuerySelector(".overdue"));
        Assert.DoesNotContain("Planned meeting without invitations yet", my.Text("ul.duties"), StringComparison.Ordinal);
        Assert.Contains("Expert meeting on labour migration", my.Text("ul.my-meetings"), StringComparison.Ordinal);
        Assert.Contains("Member-state focal point, South Africa", my.Text("#my-roles"), StringComparison.Ordinal);

        var form = await browser.GetAsync(duty.QuerySelector("a")!.GetAttribute("href")!);
        var saved = await browser.SubmitAsync(form, "form.delegation-form", new Dictionary<string, string>
        {
            ["Input.Head"] = "0",
            ["Input.Delegates[0].Name"] = "Thandiwe Nkosi",
            ["Input.Delegates[0].Function"] = "Director-General",
            ["Input.Delegates[0].Ministry"] = "Department of Home Affairs",
            ["Input.Delegates[0].Gender"] = "Woman",
        });
        Assert.Contains("The delegation is registered.", saved.Html, StringComparison.Ordinal);

        var after = await browser.GetAsync("/my");
        Assert.Null(Duty(after, "Register the delegation of South Africa"));
        Assert.Contains("Nothing waits on you.", after.Text(".empty-state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_delegation_asks_to_be_corrected()
    {
        var meeting = await InvitedMeetingAsync("Senior officials' meeting");
        await DelegationAsync(_factory, meeting.Id, "ZAF", _southAfrica.Id, DelegationStatus.Returned, Delegate("Thandiwe Nkosi", "Home Affairs", Gender.Woman, head: true));
        using var browser = await BrowserAsync(_southAfrica);

        var my = await browser.GetAsync("/my");

        Assert.Null(Duty(my, "Register the delegation of South Africa"));
        Assert.NotNull(Duty(my, "Correct the delegation of South Africa: the secretariat returned it"));
    }

    [Fact]
    public async Task A_rapporteur_is_asked_for_the_report_of_a_session_once_it_is_held_and_told_when_it_is_late()
    {
        var underWay = await MeetingUnderWayAsync("Regional conference on mixed migration");
        var past = await Arrange.MeetingAsync(_factory, _midsa, "Expert meeting held last week", daysFromNow: -7, configure: m =>
        {
            m.Status = MeetingStatus.Held;
            m.Sessions.Add(new Session { Position = 1, Title = "Remittances", RapporteurUserId = _rapporteur.Id });
        });
        using var browser = await BrowserAsync(_rapporteur);

        var my = await browser.GetAsync("/my");

        var opening = Duty(my, "Write the report of the session “Opening and labour mobility”");
        Assert.NotNull(opening);
        var session = underWay.Sessions.Single(s => s.Position == 1);
        Assert.Equal($"/meetings/{underWay.Id}/sessions/{session.Id}/report", opening.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Machine(session.EndsAtUtc!.Value), opening.QuerySelector(".due time")!.GetAttribute("datetime"));
        Assert.Null(opening.QuerySelector(".overdue"));
        Assert.Null(Duty(my, "Write the report of the session “Closing and the way forward”"));
        var remittances = Duty(my, "Write the report of the session “Remittances”");
        Assert.NotNull(remittances);
        Assert.Equal(Machine(past.EndsAtUtc), remittances.QuerySelector(".due time")!.GetAttribute("datetime"));
        Assert.Equal("Overdue", remittances.QuerySelector(".overdue")!.TextContent.Trim());

        var written = await browser.SubmitAsync(await browser.GetAsync(opening.QuerySelector("a")!.GetAttribute("href")!), "form.report-form",
            new Dictionary<string, string> { ["Input.Summary"] = "States agreed to compare labour mobility schemes." });
        Assert.Equal(HttpStatusCode.OK, written.Status);
        Assert.Null(Duty(await browser.GetAsync("/my"), "Write the report of the session “Opening and labour mobility”"));

        using var secretariat = await BrowserAsync(_secretariat);
        var dashboard = await secretariat.GetAsync("/processes/midsa/manage");
        Assert.Equal("1", dashboard.Text("h3[data-kind=MissingSessionReport] .count"));
        Assert.NotNull(Duty(dashboard, "Write or ask for the report of the session “Remittances”"));
        Assert.Equal("1", dashboard.Text("h3[data-kind=AdoptMeetingReport] .count"));
        Assert.Equal($"/meetings/{past.Id}/report", Duty(dashboard, "Adopt the meeting report")!.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_secretariat_sees_what_waits_on_it_on_its_page_and_on_the_dashboard()
    {
        var invited = await InvitedMeetingAsync("Expert meeting on labour migration");
        await DelegationAsync(_factory, invited.Id, "ZAF", _southAfrica.Id, DelegationStatus.Registered, Delegate("Thandiwe Nkosi", "Home Affairs", Gender.Woman, head: true));
        await DelegationAsync(_factory, invited.Id, "MOZ", _rapporteur.Id, DelegationStatus.Registered, Delegate("Alberto Chissano", "Interior", Gender.Man, head: true));
        var planned = await Arrange.MeetingAsync(_factory, _midsa, "Ministerial conference", daysFromNow: 90);
        using var browser = await BrowserAsync(_secretariat);

        var my = await browser.GetAsync("/my");
        var confirm = Duty(my, "Confirm the delegations waiting: 2");
        Assert.NotNull(confirm);
        Assert.Equal($"/meetings/{invited.Id}/participants", confirm.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Machine(invited.StartsAtUtc), confirm.QuerySelector(".due time")!.GetAttribute("datetime"));

        var dashboard = await browser.GetAsync("/processes/midsa/manage");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("2", dashboard.Text("h3[data-kind=ConfirmDelegations] .count"));
        Assert.Equal($"/meetings/{invited.Id}/participants", Duty(dashboard, "Confirm the delegations waiting: 2")!.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", dashboard.Text("h3[data-kind=SendInvitation] .count"));
        var send = Duty(dashboard, "Send the invitation")!;
        Assert.Equal($"/processes/midsa/meetings/{planned.Id}/invitations", send.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Machine(planned.StartsAtUtc), send.QuerySelector(".due time")!.GetAttribute("datetime"));
        Assert.Equal("0", dashboard.Text("h3[data-kind=MissingSessionReport] .count"));

        // Every current member state without a focal point account: all but South Africa and Mozambique here.
        int withoutFocalPoint;
        await using (var scope = _factory.Scope())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            withoutFocalPoint = await scope.Db.Memberships.CurrentOn(today)
                .CountAsync(m => m.ProcessId == _midsa && m.Role == MembershipRole.Member && m.StateCode != null && m.StateCode != "ZAF" && m.StateCode != "MOZ");
        }
        Assert.Equal(withoutFocalPoint.ToString(CultureInfo.InvariantCulture), dashboard.Text("h3[data-kind=InviteFocalPoint] .count"));
        Assert.DoesNotContain("South Africa", dashboard.Text("section.waiting"), StringComparison.Ordinal);
        Assert.Equal("/processes/midsa/manage/invitations", dashboard.Document.QuerySelector("h3[data-kind=InviteFocalPoint] + ul.duties a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_person_with_nothing_to_do_is_told_so()
    {
        using var browser = await BrowserAsync(_observer);

        var my = await browser.GetAsync("/my");

        Assert.Equal(HttpStatusCode.OK, my.Status);
        Assert.Empty(my.Document.QuerySelectorAll("li.duty"));
        Assert.Equal("Nothing waits on you. When a meeting needs something from you (a delegation, a report), it appears here with its deadline.",
            my.Text("section[aria-labelledby=todo-title] .empty-state"));
        Assert.Equal("No coming meeting concerns you.", my.Text("section[aria-labelledby=meetings-title] .empty-state"));
    }

    [Fact]
    public async Task People_of_another_process_see_nothing_of_this_one()
    {
        var invited = await InvitedMeetingAsync("Expert meeting on labour migration");
        await DelegationAsync(_factory, invited.Id, "ZAF", _southAfrica.Id, DelegationStatus.Registered, Delegate("Thandiwe Nkosi", "Home Affairs", Gender.Woman, head: true));
        await MeetingUnderWayAsync("Regional conference on mixed migration");
        await Arrange.MeetingAsync(_factory, _midsa, "Ministerial conference", daysFromNow: 90);

        foreach (var outsider in new[] { _otherSecretariat, _otherFocalPoint })
        {
            using var browser = await BrowserAsync(outsider);
            var my = await browser.GetAsync("/my");
            Assert.Equal(HttpStatusCode.OK, my.Status);
            Assert.Empty(my.Document.QuerySelectorAll("li.duty"));
            Assert.DoesNotContain("MIDSA", my.Text("main"), StringComparison.Ordinal);
            Assert.DoesNotContain("migration", my.Text("main"), StringComparison.Ordinal);
        }
        using var other = await BrowserAsync(_otherSecretariat);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/processes/midsa/manage")).Status);
        // Nor does this process's dashboard show another's, not even a public meeting's session without a rapporteur.
        await Arrange.MeetingAsync(_factory, await Arrange.ProcessIdAsync(_factory, "cp"), "Public seminar of another process", MeetingAudience.Public, daysFromNow: -7,
            configure: m => m.Sessions.Add(new Session { Position = 1, Title = "Open debate" }));
        using var secretariat = await BrowserAsync(_secretariat);
        var dashboard = await secretariat.GetAsync("/processes/midsa/manage");
        Assert.DoesNotContain("Open debate", dashboard.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("Public seminar of another process", dashboard.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_pages_stay_within_the_query_budget_for_a_person_with_every_duty()
    {
        var busy = await TestSignIn.CreateUserAsync(_factory, "busy@midsa.example", roles:
        [
            new ReaderRole(_midsa, ProcessRole.Secretariat),
            new ReaderRole(_midsa, ProcessRole.Chair),
            new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"),
        ]);
        await InvitedMeetingAsync("Expert meeting on labour migration");
        await MeetingUnderWayAsync("Regional conference on mixed migration");
        await Arrange.MeetingAsync(_factory, _midsa, "Ministerial conference", daysFromNow: 90);
        using var browser = await BrowserAsync(busy);

        foreach (var address in new[] { "/my", "/processes/midsa/manage" })
        {
            await browser.GetAsync(address);
            _factory.Queries.Reset();
            var page = await browser.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotEmpty(page.Document.QuerySelectorAll("li.duty"));
            Assert.True(_factory.Queries.Count <= 10, $"{address}: {_factory.Queries.Count} queries");
        }
    }

    [Fact]
    public async Task Signing_in_without_a_return_address_lands_on_the_personal_page()
    {
        var email = TestAccounts.NewEmail("reader");
        await TestAccounts.CreateAsync(_factory, email);
        using var client = HtmlClient.For(_factory);

        var landed = await client.SignInAsync(email);

        Assert.Equal("/my", landed.Url);
        Assert.Equal("My RcpHub", landed.Text("h1"));
        Assert.Equal("/my", landed.Document.QuerySelector("header .account a[href='/my']")?.GetAttribute("href"));
    }
}
