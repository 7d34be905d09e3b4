using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Floor;

/// <summary>Asking for the floor, giving it, ending turns and withdrawing, as people do it without JavaScript;
/// who may do what; and the live stream that carries each change to everyone following the session.</summary>
public sealed class FloorTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private FloorScene _scene = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _scene = await FloorScene.ArrangeAsync(_factory);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<HtmlClient> AsAsync(RcpHub.Domain.AppUser user) => TestSignIn.HtmlClientAsync(_factory, user);

    private static Task<HtmlClient.Page> SubmitAsync(HtmlClient client, HtmlClient.Page page, string handler, Dictionary<string, string>? values = null) =>
        client.SubmitAsync(page, $"form[action$='handler={handler}']", values ?? []);

    [Fact]
    public async Task Participants_ask_the_chair_gives_the_floor_in_turn_and_the_timer_runs_from_then()
    {
        using var southAfrica = await AsAsync(_scene.SouthAfrica);
        using var zambia = await AsAsync(_scene.Zambia);
        using var secretariat = await AsAsync(_scene.Secretariat);

        var asked = await SubmitAsync(southAfrica, await southAfrica.GetAsync(_scene.Floor), "Ask", new() { ["SpeaksFor"] = "state:ZAF" });
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("You are waiting for the floor, for South Africa.", asked.Html);
        await SubmitAsync(zambia, await zambia.GetAsync(_scene.Floor), "Ask", new() { ["SpeaksFor"] = "state:ZMB" });

        var chair = await secretariat.GetAsync(_scene.Floor);
        Assert.Equal(["focal.point — South Africa", "focal.point — Zambia"], chair.Texts("#floor-queue li"));
        Assert.Equal("Nobody has the floor.", chair.Text("#floor-speaking"));

        var given = await SubmitAsync(secretariat, chair, "GiveNext");
        Assert.Equal("focal.point — South Africa", given.Text("#floor-speaking"));
        Assert.Equal(["focal.point — Zambia"], given.Texts("#floor-queue li"));
        Assert.Matches(@"^(3:00|2:5\d) left$", given.Text("#floor-timer"));
        Assert.Contains("You have the floor.", (await southAfrica.GetAsync(_scene.Floor)).Html);

        var ended = await SubmitAsync(secretariat, given, "End");
        Assert.Equal("Nobody has the floor.", ended.Text("#floor-speaking"));

        var withdrawn = await SubmitAsync(zambia, await zambia.GetAsync(_scene.Floor), "Withdraw");
        Assert.Empty(withdrawn.Texts("#floor-queue li"));
        Assert.Equal("Nobody is waiting for the floor.", withdrawn.Text("#floor-empty"));

        await using var scope = _factory.Scope();
        var rows = await scope.Db.FloorRequests.AsNoTracking().Where(r => r.SessionId == _scene.SessionId).OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Collection(rows,
            za => Assert.True(za.StateCode == "ZAF" && za.GivenAt is not null && za.EndedAt >= za.GivenAt && za.WithdrawnAt is null),
            zm => Assert.True(zm.StateCode == "ZMB" && zm.GivenAt is null && zm.WithdrawnAt is not null));
        Assert.Equal(5, await scope.Db.SessionFloors.Where(f => f.SessionId == _scene.SessionId).Select(f => f.Revision).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_chair_gives_the_floor_to_anyone_waiting_and_sets_the_speaking_time()
    {
        using var southAfrica = await AsAsync(_scene.SouthAfrica);
        using var zambia = await AsAsync(_scene.Zambia);
        using var secretariat = await AsAsync(_scene.Secretariat);
        await SubmitAsync(southAfrica, await southAfrica.GetAsync(_scene.Floor), "Ask", new() { ["SpeaksFor"] = "state:ZAF" });
        await SubmitAsync(zambia, await zambia.GetAsync(_scene.Floor), "Ask", new() { ["SpeaksFor"] = "state:ZMB" });

        var timed = await SubmitAsync(secretariat, await secretariat.GetAsync(_scene.Floor), "Minutes", new() { ["Minutes"] = "5" });
        Assert.Equal("5 minutes per turn.", timed.Text("#floor-minutes"));
        var zambiaRequest = timed.Document.QuerySelectorAll("#floor-give-to option").Single(o => o.TextContent.Contains("Zambia", StringComparison.Ordinal)).GetAttribute("value")!;
        var given = await SubmitAsync(secretariat, timed, "Give", new() { ["RequestId"] = zambiaRequest });
        Assert.Equal("focal.point — Zambia", given.Text("#floor-speaking"));
        Assert.Matches(@"^(5:00|4:5\d) left$", given.Text("#floor-timer"));

        // Giving the floor to the next ends the current turn.
        var next = await SubmitAsync(secretariat, given, "GiveNext");
        Assert.Equal("focal.point — South Africa", next.Text("#floor-speaking"));
        await using var scope = _factory.Scope();
        Assert.NotNull(await scope.Db.FloorRequests.Where(r => r.Id == int.Parse(zambiaRequest)).Select(r => r.EndedAt).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_reason_and_store_nothing()
    {
        using var southAfrica = await AsAsync(_scene.SouthAfrica);
        using var secretariat = await AsAsync(_scene.Secretariat);
        var before = await southAfrica.GetAsync(_scene.Floor);
        var waiting = await SubmitAsync(southAfrica, before, "Ask", new() { ["SpeaksFor"] = "state:ZAF" });

        var twice = await SubmitAsync(southAfrica, before, "Ask", new() { ["SpeaksFor"] = "state:ZAF" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.Status);
        Assert.Equal("You have already asked for the floor.", twice.Text("[role=alert]"));

        var forAnother = await SubmitAsync(southAfrica, before, "Ask", new() { ["SpeaksFor"] = "state:ZMB" });
        Assert.Equal("Choose the state or organisation you speak for.", forAnother.Text("[role=alert]"));

        var chair = await secretariat.GetAsync(_scene.Floor);
        Assert.Equal("Nobody has the floor.", (await SubmitAsync(secretariat, chair, "End")).Text("[role=alert]"));
        Assert.Equal("Choose who gets the floor.", (await SubmitAsync(secretariat, chair, "Give", new() { ["RequestId"] = "" })).Text("[role=alert]"));
        Assert.Equal("This request is no longer waiting for the floor.", (await SubmitAsync(secretariat, chair, "Give", new() { ["RequestId"] = "999999" })).Text("[role=alert]"));
        Assert.Equal("Enter a speaking time between 1 and 60 minutes.", (await SubmitAsync(secretariat, chair, "Minutes", new() { ["Minutes"] = "0" })).Text("[role=alert]"));
        Assert.Equal("Enter a speaking time between 1 and 60 minutes.", (await SubmitAsync(secretariat, chair, "Minutes", new() { ["Minutes"] = "many" })).Text("[role=alert]"));

        await SubmitAsync(secretariat, chair, "GiveNext");
        var nobody = await SubmitAsync(secretariat, chair, "GiveNext");
        Assert.Equal("Nobody is waiting for the floor.", nobody.Text("[role=alert]"));
        Assert.Equal("You have no request for the floor to withdraw.", (await SubmitAsync(southAfrica, waiting, "Withdraw")).Text("[role=alert]"));

        // The session of one meeting is not reached through another meeting's address.
        using var elsewhere = await southAfrica.Http.GetAsync($"/processes/midsa/meetings/{_scene.OtherMeetingId}/sessions/{_scene.SessionId}/floor", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        await using var scope = _factory.Scope();
        Assert.Equal(1, await scope.Db.FloorRequests.CountAsync(r => r.SessionId == _scene.SessionId, TestContext.Current.CancellationToken));
        Assert.Equal(3, await scope.Db.SessionFloors.Where(f => f.SessionId == _scene.SessionId).Select(f => f.MinutesPerTurn).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Only_the_chair_or_the_secretariat_gives_the_floor_and_only_participants_ask()
    {
        using var southAfrica = await AsAsync(_scene.SouthAfrica);
        using var secretariat = await AsAsync(_scene.Secretariat);
        var participantPage = await southAfrica.GetAsync(_scene.Floor);
        Assert.Empty(participantPage.Document.QuerySelectorAll("form[action$='handler=GiveNext']"));
        var chairPage = await secretariat.GetAsync(_scene.Floor);
        Assert.Empty(chairPage.Document.QuerySelectorAll("form[action$='handler=Ask']"));

        await SubmitAsync(southAfrica, participantPage, "Ask", new() { ["SpeaksFor"] = "state:ZAF" });
        // The chair's form, posted with the participant's own antiforgery token.
        var token = participantPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var refused = await southAfrica.Http.PostAsync(_scene.Floor + "?handler=GiveNext",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.FloorRequests.AnyAsync(r => r.GivenAt != null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_members_only_meeting_s_floor_and_its_stream_are_not_found_for_others()
    {
        foreach (var outsider in new[] { _scene.Outsider, _scene.Observer })
        {
            using var client = await TestSignIn.HttpClientAsync(_factory, outsider);
            using var page = await client.GetAsync(_scene.Floor, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using var stream = await client.GetAsync(_scene.Floor + "/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
        }
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var events = await anonymous.GetAsync(_scene.Floor + "/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, events.StatusCode);
        Assert.Contains("/account/sign-in", events.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_following_the_floor_sees_a_change_made_by_someone_else()
    {
        using var follower = await TestSignIn.HttpClientAsync(_factory, _scene.Zambia);
        using var stream = await FloorStream.OpenAsync(follower, _scene.Floor, TestContext.Current.CancellationToken);
        var first = await stream.NextAsync(_ => true);
        Assert.Empty(FloorStream.Waiting(first));

        using var southAfrica = await AsAsync(_scene.SouthAfrica);
        await SubmitAsync(southAfrica, await southAfrica.GetAsync(_scene.Floor), "Ask", new() { ["SpeaksFor"] = "state:ZAF" });
        var asked = await stream.NextAsync(f => FloorStream.Waiting(f).Length == 1);
        Assert.Equal("South Africa", asked.GetProperty("queue")[0].GetProperty("speaksFor").GetString());

        using var secretariat = await AsAsync(_scene.Secretariat);
        await SubmitAsync(secretariat, await secretariat.GetAsync(_scene.Floor), "GiveNext");
        var given = await stream.NextAsync(f => f.GetProperty("speaking").ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Equal("focal.point", given.GetProperty("speaking").GetProperty("name").GetString());
        Assert.InRange(given.GetProperty("remainingSeconds").GetInt32(), 170, 180);
    }

    [Fact]
    public async Task A_stream_ends_without_the_change_once_the_reader_may_no_longer_see_the_meeting()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f => f.Settings["Floor:RecheckSeconds"] = "0");
        var scene = await FloorScene.ArrangeAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        using var revokedClient = await TestSignIn.HttpClientAsync(factory, scene.Zambia);
        using var revoked = await FloorStream.OpenAsync(revokedClient, scene.Floor, ct);
        using var keptClient = await TestSignIn.HttpClientAsync(factory, scene.Secretariat);
        using var kept = await FloorStream.OpenAsync(keptClient, scene.Floor, ct);
        await revoked.NextAsync(_ => true);
        await kept.NextAsync(_ => true);

        await using (var scope = factory.Scope())
        {
            await scope.Db.ProcessRoleAssignments.Where(a => a.UserId == scene.Zambia.Id)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow), ct);
        }
        using var southAfrica = await TestSignIn.HtmlClientAsync(factory, scene.SouthAfrica);
        await southAfrica.SubmitAsync(await southAfrica.GetAsync(scene.Floor), "form[action$='handler=Ask']", new Dictionary<string, string> { ["SpeaksFor"] = "state:ZAF" });

        Assert.Single(FloorStream.Waiting(await kept.NextAsync(f => FloorStream.Waiting(f).Length == 1)));
        var ended = await Assert.ThrowsAsync<InvalidOperationException>(() => revoked.NextAsync(_ => true));
        Assert.Equal("The stream ended.", ended.Message);
    }

    [Fact]
    public Task Revoking_a_role_ends_the_stream_at_once_without_waiting_for_a_change_or_the_periodic_recheck() =>
        AssertEndsAtOnceAsync(FloorScene.RevokeAsync);

    /// <summary>Zambia's focal point follows the floor; <paramref name="takeAway"/> takes their access away, and the
    /// stream ends within seconds although the floor does not change (the periodic re-check is 30 s away).</summary>
    private static async Task AssertEndsAtOnceAsync(Func<RcpHubFactory, AppUser, CancellationToken, Task> takeAway)
    {
        await using var factory = await RcpHubFactory.CreateAsync();
        var scene = await FloorScene.ArrangeAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        using var client = await TestSignIn.HttpClientAsync(factory, scene.Zambia);
        using var stream = await FloorStream.OpenAsync(client, scene.Floor, ct);
        await stream.NextAsync(_ => true);

        await takeAway(factory, scene.Zambia, ct);

        var ended = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.NextAsync(_ => true, seconds: 5));
        Assert.Equal("The stream ended.", ended.Message);
    }
}
