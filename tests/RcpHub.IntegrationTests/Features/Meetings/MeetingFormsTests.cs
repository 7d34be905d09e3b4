using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>The secretariat's pages: scheduling, editing, cancelling, the agenda and its forwarding chain, sessions, invitees.</summary>
public sealed class MeetingFormsTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private AppUser _secretariat = null!;
    private HtmlClient _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _factory.DisposeAsync();
    }

    private static Dictionary<string, string> ValidMeeting(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Level"] = "SeniorOfficials",
        ["Input.Format"] = "Workshop",
        ["Input.Status"] = "Planned",
        ["Input.HostStateCode"] = "KEN",
        ["Input.Venue"] = "Kenyatta International Convention Centre",
        ["Input.TimeZone"] = "Africa/Nairobi",
        ["Input.StartsAt"] = "2027-03-02T09:00",
        ["Input.EndsAt"] = "2027-03-04T17:30",
        ["Input.WorkingLanguages"] = "fr",
        ["Input.Audience"] = "MembersAndObservers",
    };

    [Fact]
    public async Task The_form_lists_states_and_themes_as_the_readers_language_sorts_them_on_either_database()
    {
        using var french = await TestSignIn.HtmlClientAsync(_factory, _secretariat, "fr");
        var form = await french.GetAsync("/processes/midsa/meetings/new");
        var frenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr"), ignoreCase: true);

        // After "None (online)": every state by its French name, accented initials among their letter, not after Z.
        var states = form.Texts("#Input_HostStateCode option").Skip(1).ToList();
        string[] some = ["Djibouti", "Égypte", "Érythrée", "Zimbabwe"];
        Assert.Equal(some, states.Where(some.Contains));
        Assert.Equal(states.Order(frenchOrder), states);
        var themes = form.Texts("#meeting-themes bdi");
        Assert.NotEmpty(themes);
        Assert.Equal(themes.Order(frenchOrder), themes);
    }

    [Fact]
    public async Task The_secretariat_schedules_a_meeting_in_the_venues_time_and_readers_see_both_times()
    {
        var form = await _browser.GetAsync("/processes/midsa/meetings/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var page = await _browser.SubmitAsync(form, "form.meeting-form", ValidMeeting("Senior officials' workshop on labour mobility"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Senior officials' workshop on labour mobility", page.Text("h1"));
        Assert.Equal("Members and observers", page.Text("p.markers .access"));
        await using (var scope = _factory.Scope())
        {
            var saved = await scope.Db.Meetings.SingleAsync(m => m.Title == "Senior officials' workshop on labour mobility");
            // 09:00 in Nairobi (UTC+3) is 06:00 UTC.
            Assert.Equal(new DateTimeOffset(2027, 3, 2, 6, 0, 0, TimeSpan.Zero), saved.StartsAtUtc);
            Assert.Equal(new DateTimeOffset(2027, 3, 4, 14, 30, 0, TimeSpan.Zero), saved.EndsAtUtc);
            Assert.Equal("Africa/Nairobi", saved.TimeZoneId);
            Assert.Equal(["fr"], saved.WorkingLanguages);
            Assert.Equal(MeetingLevel.SeniorOfficials, saved.Level);
            Assert.Equal(_midsa, saved.ProcessId);
            Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Meeting) && a.EntityId == saved.Id.ToString() && a.Action == "Added" && a.ProcessId == _midsa));
        }

        // The venue's time, and the time zone of the reader's account beside it.
        Assert.Contains("9:00", page.Text(".when time"));
        Assert.Contains("Africa/Nairobi, UTC+03:00", page.Text(".when .zone"));
        await _browser.SubmitAsync(await _browser.GetAsync("/account"), "form.account-time-zone", new Dictionary<string, string> { ["timeZoneId"] = "Asia/Tokyo" });
        var inTokyo = await _browser.GetAsync(page.Url);
        Assert.Contains("Your time:", inTokyo.Text(".when .reader-time"));
        Assert.Contains("3:00", inTokyo.Text(".when .reader-time"));
        Assert.Contains("Asia/Tokyo, UTC+09:00", inTokyo.Text(".when .reader-time"));
    }

    [Fact]
    public async Task An_invalid_meeting_shows_field_messages_and_saves_nothing()
    {
        await using var before = _factory.Scope();
        var count = await before.Db.Meetings.CountAsync();
        var form = await _browser.GetAsync("/processes/midsa/meetings/new");
        var values = ValidMeeting("A meeting that ends before it starts");
        values["Input.EndsAt"] = "2027-03-01T17:00";
        var page = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal("The meeting must end after it starts.", page.Text("[data-valmsg-for='Input.EndsAt']"));

        values = ValidMeeting("A meeting on Mars");
        values["Input.TimeZone"] = "Mars/Olympus_Mons";
        values["Input.HostStateCode"] = "XXX";
        values["Input.Venue"] = "";
        values["Input.WorkingLanguages"] = "de";
        page = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal("Choose a time zone from the list.", page.Text("[data-valmsg-for='Input.TimeZone']"));
        Assert.Equal("There is no state with this code.", page.Text("[data-valmsg-for='Input.HostStateCode']"));
        Assert.Equal("Give a venue, an online link, or both.", page.Text("[data-valmsg-for='Input.Venue']"));
        Assert.Equal("Choose working languages from the list.", page.Text("[data-valmsg-for='Input.WorkingLanguages']"));
        Assert.Contains("Nothing has been saved.", page.Text("[role=alert]"));

        values = ValidMeeting("");
        values["Input.StartsAt"] = "";
        values["Input.OnlineUrl"] = "javascript:alert(1)";
        page = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal("Enter the title of the meeting.", page.Text("[data-valmsg-for='Input.Title']"));
        Assert.Equal("Enter when the meeting starts.", page.Text("[data-valmsg-for='Input.StartsAt']"));
        Assert.Equal("Enter a full web address, starting with https://.", page.Text("[data-valmsg-for='Input.OnlineUrl']"));

        // A wall-clock time the clocks skip: 02:30 on the night Europe/Paris moves to summer time.
        values = ValidMeeting("A meeting in the missing hour");
        values["Input.TimeZone"] = "Europe/Paris";
        values["Input.StartsAt"] = "2027-03-28T02:30";
        page = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal("This time does not exist in the venue's time zone (the clocks change).", page.Text("[data-valmsg-for='Input.StartsAt']"));

        // A checkbox value no browser sends: the form comes back with the box's message.
        values = ValidMeeting("A meeting with a half-published summary");
        values["Input.SummaryPublished"] = "maybe";
        page = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("'maybe' is not valid", page.Text("[data-valmsg-for='Input.SummaryPublished']"), StringComparison.Ordinal);
        Assert.Contains("Nothing has been saved.", page.Text("[role=alert]"));

        await using var after = _factory.Scope();
        Assert.Equal(count, await after.Db.Meetings.CountAsync());
    }

    [Fact]
    public async Task A_body_of_the_process_meets_but_not_a_body_of_another_process()
    {
        int ours, theirs;
        await using (var scope = _factory.Scope())
        {
            var workingGroup = new Body { ProcessId = _midsa, Kind = BodyKind.WorkingGroup, Name = "Working group on labour migration" };
            var other = new Body { ProcessId = await Arrange.ProcessIdAsync(_factory, "cp"), Kind = BodyKind.SteeringCommittee, Name = "Colombo Process steering committee" };
            scope.Db.Bodies.AddRange(workingGroup, other);
            await scope.Db.SaveChangesAsync();
            (ours, theirs) = (workingGroup.Id, other.Id);
        }
        var form = await _browser.GetAsync("/processes/midsa/meetings/new");
        Assert.Contains("Working group on labour migration", form.Text("#Input_BodyId"));
        Assert.DoesNotContain("Colombo Process steering committee", form.Text("#Input_BodyId"));

        var values = ValidMeeting("Meeting of another process's body");
        values["Input.BodyId"] = theirs.ToString();
        var refused = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal("Choose a body of this process.", refused.Text("[data-valmsg-for='Input.BodyId']"));

        values = ValidMeeting("Working group meeting");
        values["Input.BodyId"] = ours.ToString();
        var saved = await _browser.SubmitAsync(form, "form.meeting-form", values);
        Assert.Equal("Working group meeting", saved.Text("h1"));
        Assert.Contains("Working group on labour migration", saved.Text("dl.facts"));
    }

    [Fact]
    public async Task Only_the_secretariat_reaches_the_scheduling_form()
    {
        var focalPoint = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        using var member = await TestSignIn.HtmlClientAsync(_factory, focalPoint);
        using var response = await member.Http.GetAsync("/processes/midsa/meetings/new");
        // Denied: sent to the access-denied address (a page of the accounts feature).
        Assert.Contains("/account/access-denied", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var list = await member.GetAsync("/processes/midsa/meetings");
        Assert.Null(list.Document.QuerySelector("a[href='/processes/midsa/meetings/new']"));
        var mine = await _browser.GetAsync("/processes/midsa/meetings");
        Assert.NotNull(mine.Document.QuerySelector("a[href='/processes/midsa/meetings/new']"));
    }

    [Fact]
    public async Task The_secretariat_edits_postpones_and_cancels_a_meeting_and_calendar_clients_see_the_change()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Expert meeting on remittances", MeetingAudience.Public);
        var edit = await _browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/edit");
        Assert.Equal("Expert meeting on remittances", edit.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var saved = await _browser.SubmitAsync(edit, "form.meeting-form", new Dictionary<string, string> { ["Input.Title"] = "Expert meeting on remittances and diaspora bonds" });
        Assert.Equal("Expert meeting on remittances and diaspora bonds", saved.Text("h1"));

        var cancelled = await _browser.SubmitAsync(await _browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/edit"), "form[action*='handler=Cancel']", new Dictionary<string, string> { ["CancellationReason"] = "The venue is no longer available." });
        Assert.Equal("This meeting is cancelled.", cancelled.Text(".notice.warn"));

        using var calendarApp = _factory.CreateClient();
        var feed = await CalendarParser.ParseAsync(await calendarApp.GetStringAsync("/processes/midsa/calendar.ics"));
        var entry = feed.Single("Expert meeting on remittances and diaspora bonds");
        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal(2, entry.Sequence);
        Assert.Equal($"http://localhost/meetings/{meeting.Id}", entry.Url);

        // Another process's secretariat cannot reach it through its own process's address.
        var colombo = await Arrange.ProcessIdAsync(_factory, "cp");
        var otherSecretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@cp.example", roles: new ReaderRole(colombo, ProcessRole.Secretariat));
        using var other = await TestSignIn.HtmlClientAsync(_factory, otherSecretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/processes/cp/meetings/{meeting.Id}/edit")).Status);
        // Nor can this secretariat act in a process it has no role in.
        Assert.Equal(HttpStatusCode.Forbidden, (await _browser.GetAsync($"/processes/cp/meetings/{meeting.Id}/edit")).Status);
    }

    [Fact]
    public async Task An_item_forwarded_from_the_experts_to_the_senior_officials_and_the_ministers_shows_its_path_on_every_meeting()
    {
        var experts = await Arrange.MeetingAsync(_factory, _midsa, "Experts on labour migration", MeetingAudience.Public, daysFromNow: 10);
        var seniors = await Arrange.MeetingAsync(_factory, _midsa, "Senior officials' meeting", MeetingAudience.Public, daysFromNow: 40, level: MeetingLevel.SeniorOfficials);
        var ministers = await Arrange.MeetingAsync(_factory, _midsa, "Ministerial conference", MeetingAudience.MembersOnly, daysFromNow: 70, level: MeetingLevel.Ministerial);

        var agenda = await _browser.GetAsync($"/processes/midsa/meetings/{experts.Id}/agenda");
        agenda = await _browser.SubmitAsync(agenda, "form.item-form", new Dictionary<string, string>
        {
            ["Item.Title"] = "Portability of social security benefits",
            ["Item.StartsAt"] = TimeZones(experts, 9),
            ["Item.EndsAt"] = TimeZones(experts, 10),
        });
        Assert.Contains("Portability of social security benefits", agenda.Text("table.agenda-items"));
        agenda = await _browser.SubmitAsync(agenda, "form.forward", new Dictionary<string, string> { ["targetMeetingId"] = seniors.Id.ToString() });
        Assert.Contains("Forwarded to Senior officials' meeting", agenda.Text("table.agenda-items"));

        var seniorAgenda = await _browser.GetAsync($"/processes/midsa/meetings/{seniors.Id}/agenda");
        Assert.Contains("Forwarded from Experts on labour migration", seniorAgenda.Text("table.agenda-items"));
        // A ministerial item cannot go back down to an earlier expert meeting: the forward list offers only later, higher meetings.
        Assert.DoesNotContain(seniorAgenda.Document.QuerySelectorAll("form.forward option"), o => o.TextContent.Contains("Experts", StringComparison.Ordinal));
        await _browser.SubmitAsync(seniorAgenda, "form.forward", new Dictionary<string, string> { ["targetMeetingId"] = ministers.Id.ToString() });

        var path = new[] { "Experts on labour migration", "Senior officials' meeting", "Ministerial conference" };
        foreach (var meeting in new[] { experts, seniors, ministers })
        {
            var page = await _browser.GetAsync($"/meetings/{meeting.Id}");
            var steps = page.Document.QuerySelectorAll(".chain ol li").Select(li => li.TextContent.Trim()).ToList();
            Assert.Equal(3, steps.Count);
            Assert.All(path.Zip(steps), p => Assert.StartsWith(p.First, p.Second, StringComparison.Ordinal));
            Assert.StartsWith(meeting.Title, page.Text(".chain li[aria-current]"), StringComparison.Ordinal);
        }
        var middle = await _browser.GetAsync($"/meetings/{seniors.Id}");
        Assert.Contains("Forwarded from Experts on labour migration.", middle.Text(".chain"));
        Assert.Contains("Forwarded to Ministerial conference.", middle.Text(".chain"));

        // Someone who may not see the members-only ministerial meeting does not learn of it through the path.
        using var anonymous = HtmlClient.For(_factory);
        var seen = await anonymous.GetAsync($"/meetings/{experts.Id}");
        Assert.Equal(2, seen.Document.QuerySelectorAll(".chain ol li").Length);
        Assert.DoesNotContain("Ministerial conference", seen.Html);

        // An item already forwarded is not forwarded twice; an item on a path is not removed.
        int expertItem;
        await using (var scope = _factory.Scope())
        {
            expertItem = await scope.Db.AgendaItems.Where(i => i.MeetingId == experts.Id).Select(i => i.Id).SingleAsync();
        }
        var removal = await _browser.SubmitAsync(await _browser.GetAsync($"/processes/midsa/meetings/{experts.Id}/agenda?remove={expertItem}"),
            "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal(["This item is part of a forwarding path and cannot be removed."], removal.Texts("[role=alert]"));
    }

    private static string TimeZones(Meeting meeting, int hour) =>
        RcpHub.Features.Meetings.TimeZones.InZone(meeting.StartsAtUtc, meeting.TimeZoneId).Date.AddHours(hour).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Agenda_items_are_ordered_and_checked_against_the_meeting()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Meeting with an agenda");
        var url = $"/processes/midsa/meetings/{meeting.Id}/agenda";
        foreach (var title in new[] { "Opening", "Adoption of the agenda", "Closing" })
        {
            await _browser.SubmitAsync(await _browser.GetAsync(url), "form.item-form", new Dictionary<string, string> { ["Item.Title"] = title });
        }
        var page = await _browser.GetAsync(url);
        Assert.Equal(["Opening", "Adoption of the agenda", "Closing"], page.Texts("table.agenda-items tbody th"));

        int closing;
        await using (var scope = _factory.Scope())
        {
            closing = await scope.Db.AgendaItems.Where(i => i.MeetingId == meeting.Id && i.Title == "Closing").Select(i => i.Id).SingleAsync();
        }
        page = await _browser.SubmitAsync(page, $"form[action*='handler=Move'][action*='itemId={closing}']", new Dictionary<string, string>());
        Assert.Equal(["Opening", "Closing", "Adoption of the agenda"], page.Texts("table.agenda-items tbody th"));

        var invalid = await _browser.SubmitAsync(page, "form.item-form", new Dictionary<string, string>
        {
            ["Item.Title"] = "Coffee break",
            ["Item.StartsAt"] = TimeZones(meeting, 11),
            ["Item.EndsAt"] = TimeZones(meeting, 10),
        });
        Assert.Equal("The end must come after the start.", invalid.Text("[data-valmsg-for='Item.EndsAt']"));
        Assert.DoesNotContain("Coffee break", invalid.Text("table.agenda-items"));

        var shown = await _browser.GetAsync($"/meetings/{meeting.Id}");
        Assert.Equal(["Opening", "Closing", "Adoption of the agenda"], shown.Texts("ol.agenda > li > strong"));
    }

    [Fact]
    public async Task A_session_gets_guiding_questions_a_chair_speakers_and_a_rapporteur()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Meeting with sessions");
        var rapporteur = await TestSignIn.CreateUserAsync(_factory, "rapporteur@mz.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "MOZ"));
        var sessions = await _browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/sessions");
        var session = await _browser.SubmitAsync(sessions, "form[action*='handler=Add']", new Dictionary<string, string> { ["Session.Title"] = "Session 1: data on labour migration" });
        Assert.Equal("Session: Session 1: data on labour migration", session.Text("h1"));

        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        session = await _browser.SubmitAsync(session, "form.session-form", new Dictionary<string, string>
        {
            ["Session.GuidingQuestions"] = "Which data do states collect?\r\nHow can they share it?",
            ["Session.RapporteurUserId"] = rapporteur.Id,
        });
        session = await _browser.SubmitAsync(session, "form[action*='handler=AddPerson']", new Dictionary<string, string> { ["Person.Role"] = "Chair", ["Person.Name"] = "Amina Mohamed", ["Person.SpeaksFor"] = "state:KEN" });
        session = await _browser.SubmitAsync(session, "form[action*='handler=AddPerson']", new Dictionary<string, string> { ["Person.Role"] = "Speaker", ["Person.Name"] = "Thandi Nkosi", ["Person.SpeaksFor"] = "state:ZAF" });
        session = await _browser.SubmitAsync(session, "form[action*='handler=AddPerson']", new Dictionary<string, string> { ["Person.Role"] = "Speaker", ["Person.Name"] = "Jean Dupont", ["Person.SpeaksFor"] = $"org:{iom}" });
        Assert.Equal(["Amina Mohamed — Chair — Kenya", "Thandi Nkosi — Speaker — South Africa", "Jean Dupont — Speaker — International Organization for Migration"],
            session.Document.QuerySelectorAll("ol.speakers li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Replace(li.QuerySelector("a")?.TextContent ?? "", "", StringComparison.Ordinal), @"\s+", " ").Trim()));

        var refused = await _browser.SubmitAsync(session, "form[action*='handler=AddPerson']", new Dictionary<string, string> { ["Person.Role"] = "Speaker", ["Person.Name"] = "Nobody", ["Person.SpeaksFor"] = "state:XXX" });
        Assert.Equal("Choose whom the person speaks for.", refused.Text("[data-valmsg-for='Person.SpeaksFor']"));

        var outsider = await TestSignIn.CreateUserAsync(_factory, "not.in.midsa@example.org");
        refused = await _browser.SubmitAsync(session, "form.session-form", new Dictionary<string, string> { ["Session.RapporteurUserId"] = outsider.Id });
        Assert.Equal("Choose a rapporteur among the people of this process.", refused.Text("[data-valmsg-for='Session.RapporteurUserId']"));

        var page = await _browser.GetAsync($"/meetings/{meeting.Id}");
        var article = page.Text("article.session");
        Assert.Contains("Which data do states collect?", article);
        Assert.Contains("Amina Mohamed, Kenya", article);
        Assert.Contains("rapporteur", article);
        Assert.Contains("Jean Dupont, International Organization for Migration", article);
    }

    [Fact]
    public async Task The_secretariat_invites_a_state_an_organisation_and_a_person()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Roundtable by invitation", MeetingAudience.ByInvitation);
        var guest = await TestSignIn.CreateUserAsync(_factory, "guest@think-tank.example");
        var url = $"/processes/midsa/meetings/{meeting.Id}/invitees";
        var page = await _browser.SubmitAsync(await _browser.GetAsync(url), "form[action*='handler=AddState']", new Dictionary<string, string> { ["Invitee.StateCode"] = "IND" });
        page = await _browser.SubmitAsync(page, "form[action*='handler=AddOrganization']", new Dictionary<string, string> { ["Invitee.OrganizationId"] = (await Arrange.OrganizationIdAsync(_factory, "iom")).ToString() });
        page = await _browser.SubmitAsync(page, "form[action*='handler=AddPerson']", new Dictionary<string, string> { ["Invitee.Email"] = "Guest@Think-Tank.example" });
        Assert.Equal(["India", "International Organization for Migration (IOM)", "guest (guest@think-tank.example)"], page.Texts("table tbody th"));

        var again = await _browser.SubmitAsync(page, "form[action*='handler=AddState']", new Dictionary<string, string> { ["Invitee.StateCode"] = "IND" });
        Assert.Equal("Already invited.", again.Text("[data-valmsg-for='Invitee.StateCode']"));
        var unknown = await _browser.SubmitAsync(page, "form[action*='handler=AddPerson']", new Dictionary<string, string> { ["Invitee.Email"] = "nobody@nowhere.example" });
        Assert.Equal("No platform user has this email address.", unknown.Text("[data-valmsg-for='Invitee.Email']"));

        using var guestBrowser = await TestSignIn.HtmlClientAsync(_factory, guest);
        Assert.Equal(HttpStatusCode.OK, (await guestBrowser.GetAsync($"/meetings/{meeting.Id}")).Status);
        await using var scope = _factory.Scope();
        Assert.Equal(3, await scope.Db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting.Id));
        Assert.Equal(3, await scope.Db.AuditEntries.CountAsync(a => a.EntityType == nameof(MeetingInvitee) && a.ProcessId == _midsa));
    }
}
