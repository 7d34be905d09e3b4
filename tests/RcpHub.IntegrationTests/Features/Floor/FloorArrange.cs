using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Floor;

/// <summary>A members-only MIDSA meeting with one session, its secretariat, two focal points and an outsider.</summary>
public sealed class FloorScene
{
    public Meeting Meeting { get; private init; } = null!;
    public int SessionId { get; private init; }
    public int OtherMeetingId { get; private init; }
    public AppUser Secretariat { get; private init; } = null!;
    public AppUser SouthAfrica { get; private init; } = null!;
    public AppUser Zambia { get; private init; } = null!;
    public AppUser Observer { get; private init; } = null!;
    public AppUser Outsider { get; private init; } = null!;

    public string Floor => $"/processes/midsa/meetings/{Meeting.Id}/sessions/{SessionId}/floor";

    /// <summary>Revokes every role of <paramref name="user"/>, as the people page does (an audited save).</summary>
    public static async Task RevokeAsync(RcpHubFactory factory, AppUser user, CancellationToken ct)
    {
        await using var scope = factory.Scope();
        foreach (var assignment in await scope.Db.ProcessRoleAssignments.Where(a => a.UserId == user.Id && a.RevokedAt == null).ToListAsync(ct))
        {
            assignment.RevokedAt = DateTimeOffset.UtcNow;
        }
        await scope.Db.SaveChangesAsync(ct);
    }

    public static async Task<FloorScene> ArrangeAsync(RcpHubFactory factory, string prefix = "")
    {
        var midsa = await Arrange.ProcessIdAsync(factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(factory, "cp");
        var meeting = await Arrange.MeetingAsync(factory, midsa, prefix + "Expert meeting on labour migration",
            configure: m => m.Sessions.Add(new Session { Title = "Skills recognition", Position = 1 }));
        var other = await Arrange.MeetingAsync(factory, midsa, prefix + "Another meeting",
            configure: m => m.Sessions.Add(new Session { Title = "Another session", Position = 1 }));
        return new FloorScene
        {
            Meeting = meeting,
            SessionId = meeting.Sessions[0].Id,
            OtherMeetingId = other.Id,
            Secretariat = await TestSignIn.CreateUserAsync(factory, prefix + "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat)),
            SouthAfrica = await TestSignIn.CreateUserAsync(factory, prefix + "focal.point@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF")),
            Zambia = await TestSignIn.CreateUserAsync(factory, prefix + "focal.point@zm.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZMB")),
            Observer = await TestSignIn.CreateUserAsync(factory, prefix + "observer@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Observer)),
            Outsider = await TestSignIn.CreateUserAsync(factory, prefix + "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND")),
        };
    }
}

/// <summary>Reads a server-sent event stream as a browser's EventSource would, one "floor" event at a time.</summary>
public sealed class FloorStream(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public static async Task<FloorStream> OpenAsync(HttpClient client, string floorAddress, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, floorAddress + "/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new FloorStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(ct)));
    }

    /// <summary>The next floor event satisfying <paramref name="until"/>; fails after <paramref name="seconds"/>.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> until, double seconds = 10)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        string? name = null;
        var data = new System.Text.StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.Length == 0)
            {
                if (name == "floor" && JsonDocument.Parse(data.ToString()).RootElement is var json && until(json))
                {
                    return json.Clone();
                }
                (name, data) = (null, new System.Text.StringBuilder());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }

    public static string[] Waiting(JsonElement floor) => floor.GetProperty("queue").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToArray();

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
