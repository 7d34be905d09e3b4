using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>A process with hundreds of meetings: the list is paged (50 a page) and costs the same few queries whatever its length.</summary>
public sealed class MeetingListBudgetTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private AppUser _focalPoint = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        await using var scope = _factory.Scope();
        // One meeting a day, the 151st starting an hour from now: 150 past, 150 to come.
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour + 1).AddDays(-150), TimeSpan.Zero);
        var hosts = new[] { "ZAF", "MOZ", "BWA", "NAM", "ZWE" };
        var audiences = Enum.GetValues<MeetingAudience>();
        for (var i = 0; i < 300; i++)
        {
            var meeting = new Meeting
            {
                ProcessId = midsa,
                Title = $"Meeting {i:000}",
                Level = (MeetingLevel)(i % 3),
                Format = (MeetingFormat)(i % 7),
                Status = MeetingStatus.Planned,
                Audience = audiences[i % audiences.Length],
                HostStateCode = hosts[i % hosts.Length],
                Venue = "Conference centre",
                TimeZoneId = "Africa/Johannesburg",
                StartsAtUtc = start.AddDays(i),
                EndsAtUtc = start.AddDays(i).AddHours(8),
                WorkingLanguages = ["en", "pt"],
                PublicSummary = i % 10 == 0 ? "Summary." : null,
                SummaryPublished = i % 10 == 0,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            if (meeting.Audience == MeetingAudience.ByInvitation)
            {
                meeting.Invitees.Add(new MeetingInvitee { StateCode = "ZAF" });
            }
            scope.Db.Meetings.Add(meeting);
        }
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/processes/midsa/meetings", true)]
    [InlineData("/processes/midsa/meetings?when=past&p=2", true)]
    [InlineData("/processes/midsa/meetings?level=Expert&format=Workshop", true)]
    [InlineData("/processes/midsa/meetings", false)]
    [InlineData("/api/v1/processes/midsa/meetings?when=past", true)]
    [InlineData("/processes/midsa/calendar.ics", true)]
    public async Task A_list_of_hundreds_of_meetings_stays_within_ten_queries(string url, bool signedIn)
    {
        using var client = signedIn ? await TestSignIn.HttpClientAsync(_factory, _focalPoint) : _factory.CreateClient();
        _factory.Queries.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_factory.Queries.Count <= 10, $"{_factory.Queries.Count} queries for {url}");
    }

    [Fact]
    public async Task A_full_meeting_page_stays_within_ten_queries()
    {
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        var later = await Arrange.MeetingAsync(_factory, midsa, "Later senior officials' meeting", daysFromNow: 400, level: MeetingLevel.SeniorOfficials);
        var meeting = await Arrange.MeetingAsync(_factory, midsa, "A very full meeting", MeetingAudience.ByInvitation, daysFromNow: 300, configure: m =>
        {
            for (var s = 1; s <= 10; s++)
            {
                var session = new Session { Title = $"Session {s}", Position = s, RapporteurUserId = _focalPoint.Id };
                session.People.Add(new SessionPerson { Role = SessionRole.Chair, Name = "Chair", Position = 0, StateCode = "MOZ" });
                for (var p = 1; p <= 5; p++)
                {
                    session.People.Add(new SessionPerson { Role = SessionRole.Speaker, Name = $"Speaker {p}", Position = p, StateCode = p % 2 == 0 ? "ZAF" : null, OrganizationId = p % 2 == 0 ? null : iom });
                }
                m.Sessions.Add(session);
            }
            for (var i = 1; i <= 40; i++)
            {
                m.AgendaItems.Add(new AgendaItem { Title = $"Item {i}", Position = i });
            }
            m.Invitees.Add(new MeetingInvitee { StateCode = "ZAF" });
            m.Invitees.Add(new MeetingInvitee { OrganizationId = iom });
            m.Invitees.Add(new MeetingInvitee { UserId = _focalPoint.Id });
        });
        await using (var scope = _factory.Scope())
        {
            foreach (var item in await scope.Db.AgendaItems.Where(i => i.MeetingId == meeting.Id && i.Position <= 20).ToListAsync())
            {
                scope.Db.AgendaItems.Add(new AgendaItem { MeetingId = later.Id, Title = item.Title, Position = item.Position, ForwardedFromItemId = item.Id, ChainRootItemId = item.Id });
            }
            await scope.Db.SaveChangesAsync();
        }

        using var client = await TestSignIn.HttpClientAsync(_factory, _focalPoint);
        foreach (var url in new[] { $"/meetings/{meeting.Id}", $"/api/v1/meetings/{meeting.Id}" })
        {
            _factory.Queries.Reset();
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(_factory.Queries.Count <= 10, $"{_factory.Queries.Count} queries for {url}");
            Assert.Contains("Later senior officials", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_list_shows_fifty_meetings_a_page_with_a_pager()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);
        var upcoming = await browser.GetAsync("/processes/midsa/meetings");
        // A focal point of a member state sees them all: South Africa is invited to the by-invitation ones.
        Assert.Equal("Upcoming (150)", upcoming.Text("nav.tabs a[aria-current]"));
        Assert.Equal(50, upcoming.Document.QuerySelectorAll("table.meetings tbody tr").Length);
        Assert.Equal("Page 1 of 3 (150 meetings)", upcoming.Text(".pager span"));
        Assert.Equal("Meeting 150", upcoming.Texts("table.meetings th[scope=row] a")[0]);

        var third = await browser.GetAsync(upcoming.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!.Replace("p=2", "p=3", StringComparison.Ordinal));
        Assert.Equal(50, third.Document.QuerySelectorAll("table.meetings tbody tr").Length);
        Assert.Equal("Meeting 299", third.Texts("table.meetings th[scope=row] a")[^1]);
        Assert.Null(third.Document.QuerySelector(".pager a[rel=next]"));

        var past = await browser.GetAsync("/processes/midsa/meetings?when=past");
        Assert.Equal("Meeting 149", past.Texts("table.meetings th[scope=row] a")[0]);

        var filtered = await browser.GetAsync("/processes/midsa/meetings?level=Ministerial&q=meeting%2002");
        Assert.All(filtered.Texts("table.meetings th[scope=row] a"), t => Assert.StartsWith("Meeting 02", t, StringComparison.Ordinal));
        Assert.All(filtered.Texts("table.meetings th[scope=row] .meta"), t => Assert.StartsWith("Ministerial", t, StringComparison.Ordinal));
    }
}
