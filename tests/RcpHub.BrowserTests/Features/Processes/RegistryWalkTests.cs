using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features.Processes;

/// <summary>A visitor walks the public registry in Chromium with JavaScript off: filters the directory, opens a
/// process, then one of its member states; every registry page passes an axe-core scan.</summary>
public sealed class RegistryWalkTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseAddress = "";

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync(f => f.UseKestrel(0));
        _factory.StartServer();
        _baseAddress = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>Debian's Chromium on PATH (Playwright's own download is unavailable here).</summary>
    private static string Chromium =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: run ./test.sh, which installs it.");

    private async Task<IPage> NewPageAsync(bool javaScript = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_visitor_filters_the_directory_opens_a_process_and_one_of_its_states()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_baseAddress + "/processes");
        Assert.Equal(31, await page.Locator("table.processes tbody tr").CountAsync());

        await page.GetByLabel("Status").SelectOptionAsync("Dormant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**/processes?**status=Dormant**");
        Assert.Contains("MIDCAS", await page.Locator("table.processes tbody").InnerTextAsync());
        Assert.Equal("Dormant", await page.GetByLabel("Status").InputValueAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Migration Dialogue for Central African States" }).ClickAsync();
        Assert.Equal("Migration Dialogue for Central African States (MIDCAS)", (await page.Locator("h1").InnerTextAsync()).Trim());

        var state = page.Locator("#members + ul a").First;
        var stateName = (await state.InnerTextAsync()).Trim();
        await state.ClickAsync();
        Assert.Equal(stateName, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("MIDCAS", await page.Locator("table.current").InnerTextAsync());
    }

    [Theory(Timeout = 180_000)]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task The_registry_pages_have_no_serious_accessibility_violation(string language)
    {
        // axe-core runs as script in the page; the pages themselves have none.
        var page = await NewPageAsync(javaScript: true);
        var problems = new List<string>();
        foreach (var path in new[]
        {
            "/processes", "/processes?status=Dormant&q=zzz", "/processes/rabat-process", "/processes/midsa",
            "/states", "/states/ita", "/organizations", "/organizations/unhcr", "/global-meetings",
        })
        {
            await page.GotoAsync($"{_baseAddress}{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={language}");
            var result = await page.RunAxe();
            Assert.NotEmpty(result.Passes); // the scan really ran
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
