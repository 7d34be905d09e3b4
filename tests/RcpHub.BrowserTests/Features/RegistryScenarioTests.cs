using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features;

/// <summary>What a visitor and a secretariat officer do in Chromium: walk the registry, filter it, open a state;
/// sign in, end a membership, find the change in the audit log and on the public page; read it all in Arabic.</summary>
public sealed class RegistryScenarioTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LiveServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_visitor_filters_the_directory_opens_a_process_and_one_of_its_states()
    {
        var page = await chromium.NewPageAsync(javaScript: false);
        await page.GotoAsync(_server.Url("/processes"));
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

    [Fact]
    public async Task The_secretariat_ends_a_membership_and_finds_it_in_the_audit_log_and_on_the_public_page_also_in_Arabic()
    {
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await TestUsers.CreateUserAsync(_server.Factory, email, ("midsa", ProcessRole.Secretariat));
        var page = await chromium.NewPageAsync(javaScript: false);

        await page.GotoAsync(_server.Url("/account/sign-in"));
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("#sign-in button[type=submit]").ClickAsync();

        await page.GotoAsync(_server.Url("/processes/midsa/manage/membership"));
        await page.Locator("#list-members tr[data-state=ZAF] a").ClickAsync();
        Assert.Equal("Membership of South Africa", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Locator("#end input[type=date]").FillAsync("2026-06-30");
        await page.Locator("#end button[type=submit]").ClickAsync();

        await page.GotoAsync(_server.Url("/processes/midsa/manage/membership"));
        Assert.Contains("South Africa", await page.Locator("#list-former").InnerTextAsync());
        Assert.DoesNotContain("South Africa", await page.Locator("#list-members").InnerTextAsync());

        await page.GotoAsync(_server.Url("/processes/midsa/manage/audit"));
        var entry = await page.Locator("tr.audit-entry").First.InnerTextAsync();
        Assert.Contains("Membership", entry);
        Assert.Contains(TestUsers.DisplayNameOf(email), entry);
        Assert.Contains("2026", entry);

        await page.GotoAsync(_server.Url("/processes/midsa"));
        Assert.Contains("South Africa", await page.Locator("#former + *").InnerTextAsync());

        await page.Locator("#language-picker").SelectOptionAsync("ar");
        await page.Locator("form.language button").ClickAsync();
        await page.WaitForURLAsync(_server.Url("/processes/midsa"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("main", "e => getComputedStyle(e).direction"));
        Assert.Contains("جنوب أفريقيا", await page.Locator("#former + *").InnerTextAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task The_registry_pages_with_real_data_have_no_serious_accessibility_violation(string language)
    {
        var page = await chromium.NewPageAsync(locale: language);
        var problems = new List<string>();
        foreach (var path in new[]
        {
            "/processes", "/processes?status=Dormant&q=zzz", "/processes/rabat-process", "/processes/midsa", "/processes/bp/map",
            "/states", "/states/ita", "/organizations", "/organizations/unhcr", "/global-meetings", "/map",
        })
        {
            await page.GotoAsync(_server.Url(path));
            problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
