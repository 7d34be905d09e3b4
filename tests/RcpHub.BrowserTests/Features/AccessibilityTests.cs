using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features;

/// <summary>axe-core finds no serious or critical violation on any page of the catalogue: anonymously, and
/// signed in as the administrator who may open every page; a sample in Arabic too.</summary>
public sealed class AccessibilityTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        await PageCatalogue.PrepareAsync(_server.Factory);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task No_page_has_a_serious_violation_for_an_anonymous_visitor() =>
        await ScanAsync(await chromium.NewPageAsync(), PageCatalogue.Reader.Anonymous, signInAs: null);

    [Fact]
    public async Task No_page_has_a_serious_violation_for_the_administrator() =>
        await ScanAsync(await chromium.NewPageAsync(), PageCatalogue.Reader.Administrator, signInAs: DemoData.Accounts.Single(a => a.IsAdministrator).Email);

    [Fact]
    public async Task No_page_has_a_serious_violation_in_Arabic() =>
        await ScanAsync(await chromium.NewPageAsync(locale: "ar"), PageCatalogue.Reader.Secretariat, signInAs: DemoData.Accounts.Single(a => a.Role == RcpHub.Domain.ProcessRole.Secretariat).Email);

    private async Task ScanAsync(IPage page, PageCatalogue.Reader reader, string? signInAs)
    {
        if (signInAs is not null)
        {
            await page.GotoAsync(_server.Url("/account/sign-in"));
            await page.FillAsync("#Input_Email", signInAs);
            await page.FillAsync("#Input_Password", RcpHubFactory.DemoPassword);
            await page.ClickAsync("#sign-in button[type=submit]");
            await page.WaitForLoadStateAsync();
            // Signing in brings the account's language; the scan reads the pages in the browser's (without saving it).
            await page.GotoAsync(_server.Url("/language?culture=" + (await page.EvaluateAsync<string>("navigator.language"))[..2]));
        }
        var problems = new List<string>();
        foreach (var address in await PageCatalogue.AddressesAsync(_server.Factory))
        {
            if (address == "/account/sign-out" && signInAs is not null)
            {
                continue;
            }
            // Pages that answer with a file (a calendar feed, an export) have nothing for axe to read.
            var probe = await page.APIRequest.GetAsync(_server.Url(address));
            // An error page can be perfectly accessible: a page that fails must fail the scan.
            if (PageCatalogue.Unexpected(address, reader, (System.Net.HttpStatusCode)probe.Status) is { } unexpected)
            {
                problems.Add(unexpected);
                continue;
            }
            if (probe.Headers.TryGetValue("content-type", out var type) && !type.StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }
            await page.GotoAsync(_server.Url(address));
            foreach (var violation in await Accessibility.SeriousViolationsAsync(page))
            {
                problems.Add($"{address}: {violation}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
