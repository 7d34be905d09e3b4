using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

public sealed class MeetingsApiTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private AppUser _secretariat = null!;
    private HttpClient _api = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _factory.DisposeAsync();
    }

    private static object Meeting(string title, string audience = "Public") => new
    {
        title,
        level = "Expert",
        format = "Seminar",
        status = "Planned",
        hostStateCode = "KEN",
        venue = "Nairobi, Kenyatta International Convention Centre",
        timeZone = "Africa/Nairobi",
        startsAt = "2027-03-02T09:00:00",
        endsAt = "2027-03-02T17:00:00",
        workingLanguages = new[] { "en", "ar" },
        audience,
    };

    [Fact]
    public async Task The_secretariat_schedules_a_meeting_through_the_API_and_the_feed_gives_its_times_in_UTC()
    {
        var title = "Labour migration, skills; mobility \\ partnerships";
        using var created = await _api.PostAsJsonAsync("/api/v1/processes/midsa/meetings", Meeting(title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/meetings/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("2027-03-02T06:00:00+00:00", body.GetProperty("startsAtUtc").GetString());
        Assert.Equal("2027-03-02T09:00", body.GetProperty("startsAtVenue").GetString());
        Assert.Equal("Kenya", body.GetProperty("hostStateName").GetString());

        using var anonymous = _factory.CreateClient();
        var feed = await CalendarParser.ParseAsync(await anonymous.GetStringAsync("/processes/midsa/calendar.ics"));
        var entry = feed.Single(title);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 6, 0, 0, TimeSpan.Zero), entry.Start);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero), entry.End);
        Assert.Equal($"meeting-{id}@localhost", entry.Uid);
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Equal("Nairobi, Kenyatta International Convention Centre, Kenya", entry.Location);
        Assert.Contains("Who may see it: Public", entry.Description);
    }

    [Fact]
    public async Task Invalid_input_answers_with_validation_problem_details_and_saves_nothing()
    {
        await using var before = _factory.Scope();
        var count = await before.Db.Meetings.CountAsync();
        using var response = await _api.PostAsJsonAsync("/api/v1/processes/midsa/meetings", new
        {
            title = "Bad meeting",
            hostStateCode = "XXX",
            venue = "Somewhere",
            timeZone = "Mars/Olympus_Mons",
            startsAt = "2027-03-02T09:00:00",
            endsAt = "2027-03-01T09:00:00",
            workingLanguages = new[] { "en" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("There is no state with this code.", errors.GetProperty("hostStateCode")[0].GetString());
        Assert.Equal("Choose a time zone from the list.", errors.GetProperty("timeZone")[0].GetString());

        using var backwards = await _api.PostAsJsonAsync("/api/v1/processes/midsa/meetings", new
        {
            title = "Backwards meeting", venue = "Somewhere", timeZone = "UTC", startsAt = "2027-03-02T09:00:00", endsAt = "2027-03-01T09:00:00", workingLanguages = new[] { "en" },
        });
        Assert.Equal("The meeting must end after it starts.", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("endsAt")[0].GetString());

        using var withOffset = await _api.PostAsJsonAsync("/api/v1/processes/midsa/meetings", new
        {
            title = "Offset meeting", venue = "Somewhere", timeZone = "UTC", startsAt = "2027-03-02T09:00:00Z", endsAt = "2027-03-02T10:00:00", workingLanguages = new[] { "en" },
        });
        Assert.Equal("Give the time as the venue's clock shows it, without a time zone.", (await withOffset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("startsAt")[0].GetString());

        using var unknownEnum = await _api.PostAsync("/api/v1/processes/midsa/meetings",
            new StringContent("""{"title":"x","level":"Galactic","venue":"v","timeZone":"UTC","startsAt":"2027-03-02T09:00:00","endsAt":"2027-03-02T10:00:00","workingLanguages":["en"]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownEnum.StatusCode);
        Assert.Equal("application/problem+json", unknownEnum.Content.Headers.ContentType?.MediaType);

        using var malformed = await _api.PostAsync("/api/v1/processes/midsa/meetings", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        await using var after = _factory.Scope();
        Assert.Equal(count, await after.Db.Meetings.CountAsync());
    }

    [Fact]
    public async Task Only_the_secretariat_of_the_process_writes()
    {
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/processes/midsa/meetings", Meeting("Anonymous meeting"))).StatusCode);
        var focalPoint = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        using var member = await TestSignIn.HttpClientAsync(_factory, focalPoint);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/processes/midsa/meetings", Meeting("Member's meeting"))).StatusCode);
        // The secretariat of MIDSA is not the secretariat of the Colombo Process.
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.PostAsJsonAsync("/api/v1/processes/cp/meetings", Meeting("Elsewhere"))).StatusCode);
    }

    [Fact]
    public async Task Meetings_are_updated_and_get_agenda_items_and_sessions_through_the_API()
    {
        using var created = await _api.PostAsJsonAsync("/api/v1/processes/midsa/meetings", Meeting("Expert meeting on data", "MembersOnly"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var updated = await _api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{id}", Meeting("Expert meeting on migration data", "MembersOnly"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Expert meeting on migration data", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var item = await _api.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{id}/agenda", new { title = "Census rounds", startsAt = "2027-03-02T10:00:00", endsAt = "2027-03-02T11:00:00" });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        Assert.Equal("2027-03-02T07:00:00+00:00", (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("startsAtUtc").GetString());

        var iom = await Arrange.OrganizationIdAsync(_factory, "iom");
        using var session = await _api.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{id}/sessions", new
        {
            title = "Session on census data",
            guidingQuestions = "What is counted?\nWho counts?",
            code = "Session 2.1",
            people = new[]
            {
                new { role = "Chair", name = "Amina Mohamed", speaksFor = "state:KEN" },
                new { role = "Speaker", name = "Jean Dupont", speaksFor = $"org:{iom}" },
                new { role = "Speaker", name = "Thandi Nkosi", speaksFor = "state:ZAF" },
                new { role = "Discussant", name = "Grace Achieng", speaksFor = "personal" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var sessionBody = await session.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["What is counted?", "Who counts?"], sessionBody.GetProperty("guidingQuestions").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal("Session 2.1", sessionBody.GetProperty("code").GetString());
        var people = sessionBody.GetProperty("people");
        Assert.Equal(("Chair", "Kenya"), (people[0].GetProperty("role").GetString(), people[0].GetProperty("for").GetProperty("name").GetString()));
        Assert.Equal("International Organization for Migration", people[1].GetProperty("for").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, people[3].GetProperty("for").ValueKind);

        using var badSpeaker = await _api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{id}/sessions/{sessionBody.GetProperty("id").GetInt32()}", new
        {
            title = "Session on census data",
            people = new[] { new { role = "Speaker", name = "Nobody", speaksFor = "state:XXX" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badSpeaker.StatusCode);
        Assert.True((await badSpeaker.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("people[0].speaksFor", out _));

        var agenda = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/agenda");
        Assert.Equal("Census rounds", agenda[0].GetProperty("title").GetString());
        var sessions = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/sessions");
        Assert.Equal(4, sessions[0].GetProperty("people").GetArrayLength());

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/meetings/{id}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutAsJsonAsync("/api/v1/processes/midsa/meetings/999999", Meeting("Nothing"))).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_meeting_endpoints()
    {
        using var anonymous = _factory.CreateClient();
        var document = await anonymous.GetStringAsync("/api/v1/openapi.json");
        foreach (var operation in new[] { "ListMeetings", "GetMeeting", "ScheduleMeeting", "UpdateMeeting", "AddAgendaItem", "ForwardAgendaItem", "AddSession", "UpdateSession" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
        }
    }
}
