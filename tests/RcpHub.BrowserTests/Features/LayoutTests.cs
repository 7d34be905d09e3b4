using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;

namespace RcpHub.BrowserTests.Features;

public sealed class LayoutTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LiveServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Choosing_Arabic_turns_the_whole_page_right_to_left()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(_server.Url("/"));
        await page.SelectOptionAsync("#language-picker", "ar");
        await page.ClickAsync("form.language button");

        // The form posts and comes back to the same address: wait for the Arabic page itself, not for a URL.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await page.WaitForLoadStateAsync();
        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("main", "e => getComputedStyle(e).direction"));
        // The brand sits at the right-hand edge of the header, as an Arabic reader expects.
        var header = await page.Locator("header.site").BoundingBoxAsync();
        var brand = await page.Locator("header.site .brand").BoundingBoxAsync();
        Assert.True(brand!.X > header!.X + header.Width / 2, $"brand at x={brand.X}, header width {header.Width}");
    }

    [Fact]
    public async Task The_language_picker_works_without_JavaScript()
    {
        var page = await chromium.NewPageAsync(javaScript: false);
        await page.GotoAsync(_server.Url("/"));
        await page.SelectOptionAsync("#language-picker", "fr");
        await page.ClickAsync("form.language button");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Processus consultatifs régionaux sur la migration");
    }

    [Theory]
    [InlineData("/", "en-GB")]
    [InlineData("/", "ar")]
    [InlineData("/no-such-page", "en-GB")]
    public async Task Page_has_no_serious_accessibility_violation(string path, string locale)
    {
        var page = await chromium.NewPageAsync(locale: locale);
        await page.GotoAsync(_server.Url(path));
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
