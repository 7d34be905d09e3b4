using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.IntegrationTests.Features.Floor;
using static Microsoft.Playwright.Assertions;

namespace RcpHub.BrowserTests.Features.Floor;

/// <summary>The live floor in Chromium: people on the page see each other's changes without reloading, the
/// speaking timer counts down, and the speaker's own page follows their change of status.</summary>
public sealed class FloorPageTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;
    private FloorScene _scene = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        _scene = await FloorScene.ArrangeAsync(_server.Factory);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Open_pages_see_the_list_and_the_speaker_change_without_reloading()
    {
        var chair = await chromium.NewSignedInPageAsync(_server, _scene.Secretariat);
        var participant = await chromium.NewSignedInPageAsync(_server, _scene.SouthAfrica);
        var follower = await chromium.NewSignedInPageAsync(_server, _scene.Zambia);
        foreach (var page in new[] { chair, participant, follower })
        {
            await page.GotoAsync(_server.Url(_scene.Floor));
            await Expect(page.Locator("#floor-live")).ToBeVisibleAsync();
            // A mark that a reload would wipe out.
            await page.EvaluateAsync("() => window.notReloaded = true");
        }

        await participant.GetByRole(AriaRole.Button, new() { Name = "Ask for the floor" }).ClickAsync();
        await Expect(chair.Locator("#floor-queue li")).ToHaveTextAsync(["focal.point — South Africa"], new() { Timeout = 5_000 });
        await Expect(chair.Locator("#floor-give-to option")).ToHaveTextAsync(["focal.point — South Africa"]);
        Assert.True(await chair.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Expect(follower.Locator("#floor-queue li")).ToHaveTextAsync(["focal.point — South Africa"], new() { Timeout = 5_000 });

        await chair.GetByRole(AriaRole.Button, new() { Name = "Give the floor to the next in line" }).ClickAsync();
        await Expect(follower.Locator("#floor-speaking")).ToHaveTextAsync("focal.point — South Africa", new() { Timeout = 5_000 });
        await Expect(follower.Locator("#floor-queue li")).ToHaveCountAsync(0);
        Assert.True(await follower.EvaluateAsync<bool>("() => window.notReloaded === true"));
        // The speaker's own page reloads by itself: its forms changed.
        await Expect(participant.GetByText("You have the floor.")).ToBeVisibleAsync(new() { Timeout = 5_000 });

        // The timer counts down on its own between announcements.
        var first = await follower.Locator("#floor-timer").TextContentAsync();
        await Expect(follower.Locator("#floor-timer")).Not.ToHaveTextAsync(first!, new() { Timeout = 3_000 });
        await Expect(follower.Locator("#floor-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^2:5\d left$"));

        Assert.Empty(await Accessibility.SeriousViolationsAsync(chair));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(participant));
    }
}
