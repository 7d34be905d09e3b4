using RcpHub.Infrastructure;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Floor;

/// <summary>Two instances of the web tier on one PostgreSQL database: a change to the floor made through one reaches
/// people following it through the other, by NOTIFY (the fallback poll is slowed down so that it cannot be what
/// delivers it).</summary>
public sealed class FloorInstancesTests : IAsyncLifetime
{
    private RcpHubFactory _first = null!;
    private RcpHubFactory _second = null!;
    private FloorScene _scene = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _first = new RcpHubFactory(DatabaseProvider.Postgres, database);
        _second = new RcpHubFactory(DatabaseProvider.Postgres, database);
        foreach (var instance in new[] { _first, _second })
        {
            instance.Settings["Floor:PollSeconds"] = "60";
        }
        _scene = await FloorScene.ArrangeAsync(_first);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_request_for_the_floor_made_on_one_instance_reaches_a_follower_on_the_other_at_once()
    {
        using var follower = await TestSignIn.HttpClientAsync(_second, _scene.Secretariat);
        using var stream = await FloorStream.OpenAsync(follower, _scene.Floor, TestContext.Current.CancellationToken);
        Assert.Empty(FloorStream.Waiting(await stream.NextAsync(_ => true)));

        using var southAfrica = await TestSignIn.HtmlClientAsync(_first, _scene.SouthAfrica);
        var page = await southAfrica.GetAsync(_scene.Floor);
        await southAfrica.SubmitAsync(page, "form[action$='handler=Ask']", new Dictionary<string, string> { ["SpeaksFor"] = "state:ZAF" });

        var seen = await stream.NextAsync(f => FloorStream.Waiting(f).Length == 1, seconds: 5);
        Assert.Equal("South Africa", seen.GetProperty("queue")[0].GetProperty("speaksFor").GetString());
    }

    [Fact]
    public async Task A_role_revoked_through_one_instance_ends_a_stream_open_on_the_other_before_any_further_change()
    {
        var ct = TestContext.Current.CancellationToken;
        using var zambiaClient = await TestSignIn.HttpClientAsync(_second, _scene.Zambia);
        using var revoked = await FloorStream.OpenAsync(zambiaClient, _scene.Floor, ct);
        using var keptClient = await TestSignIn.HttpClientAsync(_second, _scene.Secretariat);
        using var kept = await FloorStream.OpenAsync(keptClient, _scene.Floor, ct);
        await revoked.NextAsync(_ => true);
        await kept.NextAsync(_ => true);

        await FloorScene.RevokeAsync(_first, _scene.Zambia, ct);
        using var southAfrica = await TestSignIn.HtmlClientAsync(_first, _scene.SouthAfrica);
        await southAfrica.SubmitAsync(await southAfrica.GetAsync(_scene.Floor), "form[action$='handler=Ask']", new Dictionary<string, string> { ["SpeaksFor"] = "state:ZAF" });

        Assert.Single(FloorStream.Waiting(await kept.NextAsync(f => FloorStream.Waiting(f).Length == 1, seconds: 5)));
        var ended = await Assert.ThrowsAsync<InvalidOperationException>(() => revoked.NextAsync(_ => true, seconds: 5));
        Assert.Equal("The stream ended.", ended.Message);
    }
}
