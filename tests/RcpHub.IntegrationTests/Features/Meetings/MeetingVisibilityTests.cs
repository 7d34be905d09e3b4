using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>Who sees which meeting, on every surface: list page and its counts, meeting page, API, calendar feeds.</summary>
public sealed class MeetingVisibilityTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private Meeting _membersOnly = null!, _public = null!, _byInvitation = null!, _withObservers = null!, _summarised = null!;
    private AppUser _secretariat = null!, _focalPoint = null!, _observer = null!, _civilSociety = null!, _outsider = null!, _iomOfficer = null!, _guest = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        int network;
        await using (var scope = _factory.Scope())
        {
            var organization = new Organization { Slug = "migrant-rights-network", Name = "Migrant Rights Network", Kind = OrganizationKind.CivilSociety };
            scope.Db.Organizations.Add(organization);
            await scope.Db.SaveChangesAsync();
            network = organization.Id;
        }

        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _observer = await TestSignIn.CreateUserAsync(_factory, "observer@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Observer));
        _civilSociety = await TestSignIn.CreateUserAsync(_factory, "cso@network.example", roles: new ReaderRole(_midsa, ProcessRole.CivilSociety, OrganizationId: network));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
        _iomOfficer = await TestSignIn.CreateUserAsync(_factory, "officer@iom.example", roles: new ReaderRole(cp, ProcessRole.Observer, OrganizationId: iom));
        _guest = await TestSignIn.CreateUserAsync(_factory, "guest.expert@university.example");

        _membersOnly = await Arrange.MeetingAsync(_factory, _midsa, "Members-only expert meeting on return", daysFromNow: 20,
            configure: m => m.AgendaItems.Add(new AgendaItem { Title = "Readmission agreements", Position = 1 }));
        _public = await Arrange.MeetingAsync(_factory, _midsa, "Public seminar on labour migration", MeetingAudience.Public, daysFromNow: 25);
        _byInvitation = await Arrange.MeetingAsync(_factory, _midsa, "Roundtable with partners", MeetingAudience.ByInvitation, daysFromNow: 30, configure: m =>
        {
            m.Invitees.Add(new MeetingInvitee { OrganizationId = iom });
            m.Invitees.Add(new MeetingInvitee { UserId = _guest.Id });
        });
        _withObservers = await Arrange.MeetingAsync(_factory, _midsa, "Workshop with observers", MeetingAudience.MembersAndObservers, daysFromNow: 35);
        _summarised = await Arrange.MeetingAsync(_factory, _midsa, "Ministerial conference behind closed doors", daysFromNow: 40, level: MeetingLevel.Ministerial, configure: m =>
        {
            m.PublicSummary = "The ministers adopted a plan of action on labour migration.";
            m.SummaryPublished = true;
            m.Venue = "Secret Conference Centre, Maputo";
            m.AgendaItems.Add(new AgendaItem { Title = "Confidential item on border cooperation", Position = 1 });
        });
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HtmlClient> BrowserAsync(AppUser? user) => user is null ? HtmlClient.For(_factory) : await TestSignIn.HtmlClientAsync(_factory, user);

    private async Task<HttpClient> ApiAsync(AppUser? user) => user is null ? _factory.CreateClient() : await TestSignIn.HttpClientAsync(_factory, user);

    /// <summary>Problem details without the request's own trace id.</summary>
    private static string WithoutTrace(string json) =>
        string.Join("|", JsonDocument.Parse(json).RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    private static string[] Listed(HtmlClient.Page page) => page.Texts("table.meetings th[scope=row] a").ToArray();

    [Fact]
    public async Task A_members_only_meeting_is_invisible_to_a_non_member_everywhere()
    {
        foreach (var outsider in new[] { null, _outsider, _observer, _civilSociety })
        {
            var who = outsider?.Email ?? "anonymous";
            using var browser = await BrowserAsync(outsider);

            var list = await browser.GetAsync("/processes/midsa/meetings");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.DoesNotContain(_membersOnly.Title, Listed(list));
            Assert.DoesNotContain(_membersOnly.Title, list.Html);

            var details = await browser.GetAsync($"/meetings/{_membersOnly.Id}");
            Assert.True(details.Status == HttpStatusCode.NotFound, who);
            Assert.Equal("Page not found", details.Text("h1"));
            Assert.DoesNotContain(_membersOnly.Title, details.Html);

            using var api = await ApiAsync(outsider);
            var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/meetings");
            Assert.DoesNotContain(_membersOnly.Id, listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            foreach (var path in new[] { $"/api/v1/meetings/{_membersOnly.Id}", $"/api/v1/meetings/{_membersOnly.Id}/agenda", $"/api/v1/meetings/{_membersOnly.Id}/sessions" })
            {
                using var hidden = await api.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
                Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
                // Answered exactly as for a meeting that does not exist.
                using var missing = await api.GetAsync(path.Replace($"/{_membersOnly.Id}", "/999999", StringComparison.Ordinal));
                Assert.Equal(WithoutTrace(await missing.Content.ReadAsStringAsync()), WithoutTrace(await hidden.Content.ReadAsStringAsync()));
            }

            var feed = await CalendarParser.ParseAsync(await api.GetStringAsync("/processes/midsa/calendar.ics"));
            Assert.DoesNotContain(_membersOnly.Title, feed.Summaries);
            Assert.DoesNotContain(feed.Events, e => e.Uid.StartsWith($"meeting-{_membersOnly.Id}@", StringComparison.Ordinal));
            Assert.Contains(_public.Title, feed.Summaries);
        }
    }

    [Fact]
    public async Task Counts_leave_out_what_the_reader_may_not_see()
    {
        using var anonymous = await BrowserAsync(null);
        using var member = await BrowserAsync(_focalPoint);
        using var secretariat = await BrowserAsync(_secretariat);

        // Anonymous: the public seminar and the meeting whose summary is published.
        Assert.Equal("Upcoming (2)", (await anonymous.GetAsync("/processes/midsa/meetings")).Text("nav.tabs a[aria-current]"));
        // A member state's focal point: also the members-only meeting and the workshop with observers, not the roundtable.
        Assert.Equal("Upcoming (4)", (await member.GetAsync("/processes/midsa/meetings")).Text("nav.tabs a[aria-current]"));
        Assert.Equal("Upcoming (5)", (await secretariat.GetAsync("/processes/midsa/meetings")).Text("nav.tabs a[aria-current]"));

        using var api = _factory.CreateClient();
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/processes/midsa/meetings");
        Assert.Equal(2, listed.GetProperty("upcomingCount").GetInt32());
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_focal_point_of_a_member_state_sees_a_members_only_meeting_and_its_agenda()
    {
        using var browser = await BrowserAsync(_focalPoint);
        Assert.Contains(_membersOnly.Title, Listed(await browser.GetAsync("/processes/midsa/meetings")));

        var details = await browser.GetAsync($"/meetings/{_membersOnly.Id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Equal(_membersOnly.Title, details.Text("h1"));
        Assert.Equal("Members only", details.Text("p.markers .access"));
        Assert.Contains("Readmission agreements", details.Text("ol.agenda"));
        // Every section carries the marker.
        Assert.Equal(["Members only", "Members only"], details.Texts("section h2 .access"));

        using var api = await ApiAsync(_focalPoint);
        var meeting = await api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{_membersOnly.Id}");
        Assert.Equal("MembersOnly", meeting.GetProperty("audience").GetString());
        Assert.Equal("Readmission agreements", meeting.GetProperty("agenda")[0].GetProperty("title").GetString());
        var feed = await CalendarParser.ParseAsync(await api.GetStringAsync("/processes/midsa/calendar.ics"));
        Assert.Contains(_membersOnly.Title, feed.Summaries);
        Assert.Contains("Who may see it: Members only", feed.Single(_membersOnly.Title).Description);
    }

    [Fact]
    public async Task A_focal_point_sees_a_members_only_meeting_while_their_state_is_a_member_and_not_after_it_left()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string state;
        await using (var scope = _factory.Scope())
        {
            state = await scope.Db.Memberships
                .Where(m => m.ProcessId == _midsa && m.Role == MembershipRole.Member && m.StateCode != null && m.StateCode != "ZAF" && m.LeftOn == null)
                .OrderBy(m => m.StateCode).Select(m => m.StateCode!).FirstAsync();
        }
        var focalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@leaving.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, state));

        async Task<HttpStatusCode> MeetingPageAsync(DateOnly? stateLeavesOn)
        {
            await using (var scope = _factory.Scope())
            {
                var membership = await scope.Db.Memberships.SingleAsync(m => m.ProcessId == _midsa && m.StateCode == state && m.Role == MembershipRole.Member);
                membership.LeftOn = stateLeavesOn;
                await scope.Db.SaveChangesAsync();
            }
            using var browser = await BrowserAsync(focalPoint);
            return (await browser.GetAsync($"/meetings/{_membersOnly.Id}")).Status;
        }

        Assert.Equal(HttpStatusCode.OK, await MeetingPageAsync(null));
        // A planned departure: a member until the day it leaves.
        Assert.Equal(HttpStatusCode.OK, await MeetingPageAsync(today.AddDays(1)));
        // Left today: its focal point is no longer a member's (decision 0013).
        Assert.Equal(HttpStatusCode.NotFound, await MeetingPageAsync(today));
        Assert.Equal(HttpStatusCode.NotFound, await MeetingPageAsync(today.AddYears(-1)));
    }

    [Fact]
    public async Task A_by_invitation_meeting_is_seen_by_the_invited_organisations_people_and_invited_persons_only()
    {
        foreach (var invited in new[] { _iomOfficer, _guest, _secretariat })
        {
            using var browser = await BrowserAsync(invited);
            var details = await browser.GetAsync($"/meetings/{_byInvitation.Id}");
            Assert.True(details.Status == HttpStatusCode.OK, invited.Email);
            Assert.Equal("By invitation", details.Text("p.markers .access"));
            Assert.Contains("International Organization for Migration", details.Text("#invitees + ul"));
        }
        foreach (var uninvited in new[] { _focalPoint, _observer, _civilSociety, _outsider })
        {
            using var browser = await BrowserAsync(uninvited);
            Assert.True((await browser.GetAsync($"/meetings/{_byInvitation.Id}")).Status == HttpStatusCode.NotFound, uninvited.Email);
            Assert.DoesNotContain(_byInvitation.Title, Listed(await browser.GetAsync("/processes/midsa/meetings")));
        }
    }

    [Fact]
    public async Task A_meeting_for_members_and_observers_opens_to_observers_but_not_to_civil_society()
    {
        using var observer = await BrowserAsync(_observer);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/meetings/{_withObservers.Id}")).Status);
        using var civilSociety = await BrowserAsync(_civilSociety);
        Assert.Equal(HttpStatusCode.NotFound, (await civilSociety.GetAsync($"/meetings/{_withObservers.Id}")).Status);
    }

    [Fact]
    public async Task A_public_meeting_is_seen_without_signing_in()
    {
        using var browser = await BrowserAsync(null);
        var list = await browser.GetAsync("/processes/midsa/meetings");
        Assert.Contains(_public.Title, Listed(list));
        var row = list.Document.QuerySelectorAll("table.meetings tbody tr").Single(r => r.TextContent.Contains(_public.Title, StringComparison.Ordinal));
        Assert.Contains("Public", row.QuerySelector(".access")!.TextContent);

        var details = await browser.GetAsync($"/meetings/{_public.Id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("UN Gigiri Complex, Nairobi", details.Html);
        Assert.Equal("Public", details.Text("p.markers .access"));
    }

    [Fact]
    public async Task An_item_forwarded_from_a_hidden_meeting_names_its_origin_only_to_those_who_may_see_it()
    {
        int originId, forwardedId;
        await using (var scope = _factory.Scope())
        {
            var origin = await scope.Db.AgendaItems.SingleAsync(i => i.MeetingId == _membersOnly.Id);
            var forwarded = new AgendaItem { MeetingId = _public.Id, Title = "Readmission agreements (forwarded)", Position = 1, ForwardedFromItemId = origin.Id, ChainRootItemId = origin.Id };
            scope.Db.AgendaItems.Add(forwarded);
            await scope.Db.SaveChangesAsync();
            (originId, forwardedId) = (origin.Id, forwarded.Id);
        }

        foreach (var (reader, mayKnow) in new[] { ((AppUser?)null, false), (_outsider, false), (_observer, false), (_focalPoint, true) })
        {
            var who = reader?.Email ?? "anonymous";
            using var api = await ApiAsync(reader);
            var agenda = await api.GetAsync($"/api/v1/meetings/{_public.Id}/agenda");
            Assert.Equal(HttpStatusCode.OK, agenda.StatusCode);
            var item = JsonDocument.Parse(await agenda.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == forwardedId);
            var from = item.GetProperty("forwardedFromItemId");
            Assert.True(mayKnow ? from.ValueKind == JsonValueKind.Number && from.GetInt32() == originId : from.ValueKind == JsonValueKind.Null, $"{who}: {from}");
            Assert.Equal(mayKnow ? 2 : 0, item.GetProperty("chain").GetArrayLength());

            var meeting = await api.GetStringAsync($"/api/v1/meetings/{_public.Id}");
            Assert.Equal(mayKnow, meeting.Contains($"\"forwardedFromItemId\":{originId}", StringComparison.Ordinal));

            using var browser = await BrowserAsync(reader);
            var page = await browser.GetAsync($"/meetings/{_public.Id}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(mayKnow, page.Html.Contains(_membersOnly.Title, StringComparison.Ordinal));
            Assert.Equal(mayKnow, page.Html.Contains($"item-{originId}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_published_summary_is_shown_to_outsiders_without_the_rest_of_the_meeting()
    {
        using var browser = await BrowserAsync(null);
        var page = await browser.GetAsync($"/meetings/{_summarised.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(_summarised.Title, page.Text("h1"));
        Assert.Contains("The ministers adopted a plan of action on labour migration.", page.Text("div.summary"));
        Assert.Equal(["Members only", "Public summary only"], page.Texts("p.markers .access"));
        Assert.DoesNotContain("Secret Conference Centre", page.Html);
        Assert.DoesNotContain("Confidential item on border cooperation", page.Html);
        Assert.Null(page.Document.QuerySelector("ol.agenda"));

        var list = await browser.GetAsync("/processes/midsa/meetings");
        var row = list.Document.QuerySelectorAll("table.meetings tbody tr").Single(r => r.TextContent.Contains(_summarised.Title, StringComparison.Ordinal));
        Assert.Contains("Public summary only", row.TextContent);
        Assert.DoesNotContain("Secret Conference Centre", list.Html);

        using var api = _factory.CreateClient();
        var summary = await api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{_summarised.Id}");
        Assert.Equal("The ministers adopted a plan of action on labour migration.", summary.GetProperty("publicSummary").GetString());
        Assert.False(summary.TryGetProperty("venue", out _));
        Assert.False(summary.TryGetProperty("agenda", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/meetings/{_summarised.Id}/agenda")).StatusCode);
        // The calendar carries whole meetings only.
        Assert.DoesNotContain(_summarised.Title, (await CalendarParser.ParseAsync(await api.GetStringAsync("/processes/midsa/calendar.ics"))).Summaries);
    }

    [Fact]
    public async Task A_Global_RCP_Meeting_is_listed_and_open_to_the_members_of_every_process_taking_part()
    {
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        var global = await Arrange.MeetingAsync(_factory, _midsa, "Global RCP Meeting hosted by MIDSA", daysFromNow: 50, configure: m =>
        {
            m.Format = MeetingFormat.GlobalRcpMeeting;
            m.ParticipatingProcesses.Add(new MeetingProcess { ProcessId = cp });
        });
        using var indianFocalPoint = await BrowserAsync(_outsider);
        var list = await indianFocalPoint.GetAsync("/processes/cp/meetings");
        Assert.Contains(global.Title, Listed(list));
        Assert.Contains("MIDSA", list.Text("table.meetings"));
        var page = await indianFocalPoint.GetAsync($"/meetings/{global.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("CP", page.Text("dl.facts"));
        // Members of a process that does not take part still do not see it.
        using var other = await BrowserAsync(await TestSignIn.CreateUserAsync(_factory, "fp@rcm.example", roles: new ReaderRole(await Arrange.ProcessIdAsync(_factory, "rcm"), ProcessRole.FocalPoint, "MEX")));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/meetings/{global.Id}")).Status);
    }

    [Fact]
    public async Task A_personal_feed_carries_ones_own_meetings_and_only_those_one_may_see()
    {
        using var browser = await BrowserAsync(_civilSociety);
        var made = await browser.SubmitAsync(await browser.GetAsync("/calendar"), "form[action*='handler=Make']", new Dictionary<string, string>());
        var address = new Uri(made.Document.QuerySelector("input.address")!.GetAttribute("value")!);

        using var calendarApp = _factory.CreateClient();
        var feed = await CalendarParser.ParseAsync(await calendarApp.GetStringAsync(address.PathAndQuery));
        Assert.Equal("2.0", feed.Version);
        Assert.Contains(_public.Title, feed.Summaries);
        Assert.DoesNotContain(_membersOnly.Title, feed.Summaries);
        Assert.DoesNotContain(_withObservers.Title, feed.Summaries);
        Assert.DoesNotContain(_byInvitation.Title, feed.Summaries);
        Assert.DoesNotContain(_summarised.Title, feed.Summaries);

        using var guestBrowser = await BrowserAsync(_guest);
        var guestMade = await guestBrowser.SubmitAsync(await guestBrowser.GetAsync("/calendar"), "form[action*='handler=Make']", new Dictionary<string, string>());
        var guestFeed = await CalendarParser.ParseAsync(await calendarApp.GetStringAsync(new Uri(guestMade.Document.QuerySelector("input.address")!.GetAttribute("value")!).PathAndQuery));
        // The invited person's own calendar: the meeting they are invited to, not the public meetings of a process they have no part in.
        Assert.Equal([_byInvitation.Title], guestFeed.Summaries);
    }

    [Fact]
    public async Task The_calendar_address_is_stored_only_as_a_hash_and_stops_working_once_revoked()
    {
        using var browser = await BrowserAsync(_focalPoint);
        var made = await browser.SubmitAsync(await browser.GetAsync("/calendar"), "form[action*='handler=Make']", new Dictionary<string, string>());
        var first = new Uri(made.Document.QuerySelector("input.address")!.GetAttribute("value")!).PathAndQuery;
        var token = first["/calendar/".Length..^".ics".Length];
        await using (var scope = _factory.Scope())
        {
            var stored = await scope.Db.CalendarFeeds.SingleAsync(f => f.UserId == _focalPoint.Id);
            Assert.NotEqual(token, stored.TokenHash);
            Assert.Equal(CalendarTokens.Hash(token), stored.TokenHash);
            Assert.DoesNotContain(token, string.Concat(await scope.Db.AuditEntries.Select(a => a.After).ToListAsync()));
        }

        using var calendarApp = _factory.CreateClient();
        Assert.Contains(_membersOnly.Title, (await CalendarParser.ParseAsync(await calendarApp.GetStringAsync(first))).Summaries);

        var remade = await browser.SubmitAsync(await browser.GetAsync("/calendar"), "form[action*='handler=Make']", new Dictionary<string, string>());
        var second = new Uri(remade.Document.QuerySelector("input.address")!.GetAttribute("value")!).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(second)).StatusCode);

        // Revoking asks first: the link only shows the question; the address works until it is answered.
        var asked = await browser.GetAsync("/calendar?revoke=true");
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(second)).StatusCode);
        Assert.Contains("Revoke your calendar address?", asked.Text("#confirm-removal"));
        var revoked = await browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Contains("no longer works", revoked.Text("[role=status]"));
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/calendar/not-a-token.ics")).StatusCode);
    }

    [Fact]
    public async Task The_access_rule_answers_alike_in_SQL_and_on_a_loaded_meeting()
    {
        // Lists filter with the rule translated to SQL; the meeting page checks the same rule, compiled, on the loaded
        // meeting. For every reader and audience (a summary published, an organisation and a person invited) they agree.
        await using var scope = _factory.Scope();
        var meetings = new[] { _membersOnly, _public, _byInvitation, _withObservers, _summarised };
        var ids = meetings.Select(m => m.Id).ToList();
        var readers = new List<MeetingReader> { MeetingReader.Anonymous };
        foreach (var user in new[] { _secretariat, _focalPoint, _observer, _civilSociety, _outsider, _iomOfficer, _guest })
        {
            readers.Add(await scope.Get<MeetingReaders>().ForUserAsync(user.Id));
        }
        foreach (var reader in readers)
        {
            var visible = await scope.Db.Meetings.Where(m => ids.Contains(m.Id)).Where(MeetingAccess.VisibleTo(reader)).Select(m => m.Id).ToListAsync();
            var listed = await scope.Db.Meetings.Where(m => ids.Contains(m.Id)).Where(MeetingAccess.SummaryVisibleTo(reader)).Select(m => m.Id).ToListAsync();
            foreach (var id in ids)
            {
                var meeting = (await scope.Db.FindForAccessAsync(id))!;
                var who = $"{reader.UserId ?? "anonymous"} on {meeting.Title}";
                Assert.True(visible.Contains(id) == MeetingAccess.MayView(reader, meeting), who);
                Assert.True(listed.Contains(id) == MeetingAccess.MaySeeSummary(reader, meeting), who);
            }
        }
    }
}
