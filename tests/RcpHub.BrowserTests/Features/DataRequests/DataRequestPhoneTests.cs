using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features.DataRequests;

/// <summary>The data requests' newer parts on a 320 px phone in Arabic, as a state's focal point and the secretariat use
/// them: proposing a request and its status, taking a proposal back, the secretariat's review (decline and send), the
/// form that takes a published aggregate back, and a data compilation among the library's results. Each page fits the
/// width without sideways scrolling, reads right to left and shows no English interface text.</summary>
public sealed class DataRequestPhoneTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;
    private IReadOnlySet<string> _stateNames = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        await PageCatalogue.PrepareAsync(_server.Factory);
        await using var scope = _server.Factory.Scope();
        _stateNames = (await scope.Db.States.AsNoTracking().ToListAsync()).Select(s => s.Name("ar")).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<IPage> PhoneAsync(string? email)
    {
        IPage page;
        if (email is null)
        {
            page = await chromium.NewPageAsync(locale: "ar");
        }
        else
        {
            await using var scope = _server.Factory.Scope();
            var user = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            page = await chromium.NewSignedInPageAsync(_server, user, "ar");
        }
        await page.SetViewportSizeAsync(320, 640);
        return page;
    }

    /// <summary>What is wrong with the page as it stands: sideways scrolling, left-to-right layout, English interface text.</summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string what)
    {
        var problems = (await PhoneLayoutTests.OverflowAsync(page)).Select(p => $"{what}: {p}").ToList();
        if (await page.GetAttributeAsync("html", "lang") != "ar" || await page.GetAttributeAsync("html", "dir") != "rtl"
            || await page.EvalOnSelectorAsync<string>("main", "e => getComputedStyle(e).direction") != "rtl")
        {
            problems.Add($"{what}: not laid out right to left in Arabic");
        }
        // Every field says what it is for: a label of its own, or an accessible name.
        problems.AddRange((await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
              .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => `${e.tagName.toLowerCase()}[name="${e.name}"]`)
            """)).Select(field => $"{what}: {field} has no label"));
        var document = await new HtmlParser().ParseDocumentAsync(await page.ContentAsync());
        problems.AddRange(InterfaceLanguage.English(InterfaceLanguage.Read(), "ar", InterfaceLanguage.Texts(document), [], _stateNames)
            .Select(text => $"{what}: English \"{text}\""));
        return problems;
    }

    [Fact]
    public async Task Proposing_reviewing_and_taking_the_aggregate_back_fit_a_320_px_phone_in_Arabic()
    {
        var focalPoint = DemoData.Accounts.Single(a => a.Role == ProcessRole.FocalPoint && !a.IsAdministrator).Email;
        var secretariatEmail = DemoData.Accounts.Single(a => a.Role == ProcessRole.Secretariat).Email;
        var list = _server.Url($"/processes/{DemoData.ProcessSlug}/data-requests");
        var problems = new List<string>();

        var state = await PhoneAsync(focalPoint);
        await state.GotoAsync(list);
        Assert.Equal(1, await state.Locator("#propose-request").CountAsync());
        problems.AddRange(await ProblemsAsync(state, "the list with the proposal form"));
        await state.FillAsync("#Proposal_Title", "Consular assistance");
        await state.FillAsync("#Proposal_DeadlineAt", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await state.ClickAsync("#propose-request button[type=submit]");
        await state.WaitForSelectorAsync("#submit-proposal");
        var proposal = state.Url.Split('?')[0];
        problems.AddRange(await ProblemsAsync(state, "the proposal being written"));
        await state.FillAsync("#Question-Text", "Nationals assisted");
        await state.SelectOptionAsync("#Question-Kind", "Figure");
        await state.FillAsync("#Question-Unit", "persons");
        await state.ClickAsync("#add-question button[type=submit]");
        await state.WaitForSelectorAsync("#questions");
        await ProposersFormsAsync(state, proposal, problems);
        await state.ClickAsync("#submit-proposal button[type=submit]");
        await state.WaitForSelectorAsync("#withdraw-proposal");
        Assert.Equal("مقترح من المغرب، في انتظار المراجعة", (await state.InnerTextAsync("#request-status")).Trim());
        problems.AddRange(await ProblemsAsync(state, "the proposal waiting for review"));
        // On a phone the facts are one column: each term reads as a word above its value, not a letter a line beside it.
        var facts = await state.Locator("#request-facts").BoundingBoxAsync();
        foreach (var term in await state.Locator("#request-facts dt").AllAsync())
        {
            Assert.Equal(facts!.Width, (await term.BoundingBoxAsync())!.Width, 1.0);
        }
        await state.GotoAsync(list);
        problems.AddRange(await ProblemsAsync(state, "the list with the proposal"));
        await state.GotoAsync(proposal + "?withdraw=true");
        Assert.Equal(1, await state.Locator("#confirm-removal").CountAsync());
        problems.AddRange(await ProblemsAsync(state, "taking the proposal back"));

        var secretariat = await PhoneAsync(secretariatEmail);
        await secretariat.GotoAsync(proposal);
        Assert.Equal(1, await secretariat.Locator("#decline-proposal").CountAsync());
        Assert.Equal(1, await secretariat.Locator("#send-request").CountAsync());
        problems.AddRange(await ProblemsAsync(secretariat, "the proposal under review"));
        await secretariat.GotoAsync(list);
        problems.AddRange(await ProblemsAsync(secretariat, "the secretariat's list"));
        int published;
        await using (var scope = _server.Factory.Scope())
        {
            published = await scope.Db.DataRequests.Where(r => r.Process!.Slug == DemoData.ProcessSlug && r.PublishedAt != null).Select(r => r.Id).FirstAsync();
        }
        await secretariat.GotoAsync($"{list}/{published}");
        Assert.Equal(1, await secretariat.Locator("#unpublish-aggregate").CountAsync());
        problems.AddRange(await ProblemsAsync(secretariat, "the published compilation"));

        var visitor = await PhoneAsync(null);
        await visitor.GotoAsync(_server.Url("/search?q=" + Uri.EscapeDataString("labour migration figures")));
        Assert.Contains("تجميع بيانات", await visitor.InnerTextAsync("ol.results li.compilation .meta"), StringComparison.Ordinal);
        problems.AddRange(await ProblemsAsync(visitor, "a data compilation in the library"));

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) at 320 px in Arabic:\n" + string.Join("\n", problems));
    }

    /// <summary>The proposer's forms on their draft of one question: a second question added, moving, editing (with a
    /// field's message), removing after a confirmation, putting back, and the proposed deadline (refused, then moved).</summary>
    private async Task ProposersFormsAsync(IPage state, string proposal, List<string> problems)
    {
        // Follows a link or a form's button, waits for what the page it leads to shows, and measures that page.
        async Task StepAsync(string click, string shows, string what)
        {
            await FollowAsync(state, click);
            await state.WaitForSelectorAsync(shows);
            problems.AddRange(await ProblemsAsync(state, what));
        }

        await state.FillAsync("#Question-Text", "Main obstacles");
        await state.SelectOptionAsync("#Question-Kind", "FreeText");
        await StepAsync("#add-question button[type=submit]", "#questions li[data-question='2'] form.move-up", "the proposal's questions with their edit, remove and move forms");
        await StepAsync("#questions li[data-question='2'] form.move-up button[type=submit]", "p.notice.ok", "a proposed question moved");

        await StepAsync("#questions li[data-question='2'] a.edit-question", "#edit-question", "editing a proposed question");
        await state.FillAsync("#Edit-Unit", "");
        await StepAsync("#edit-question button[type=submit]", "#edit-question .field-validation-error", "a proposed question refused with its field's message");

        await state.GotoAsync(proposal);
        await StepAsync("#questions li[data-question='1'] a.remove-question", "#confirm-removal", "removing a proposed question");
        await StepAsync("#confirm-removal button[type=submit]", "#removed-questions", "a removed proposed question with its form to put it back");
        await StepAsync("#removed-questions button[type=submit]", "#questions li[data-question='2']", "a proposed question put back");

        await state.FillAsync("#Deadline", "2020-01-01T09:00");
        await StepAsync("#move-deadline button[type=submit]", "#move-deadline .field-validation-error", "the proposed deadline refused with its field's message");
        await state.FillAsync("#Deadline", DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await StepAsync("#move-deadline button[type=submit]", "p.notice.ok", "the proposed deadline moved");
    }

    /// <summary>Clicks a link or a form's button and waits for the page it leads to, which is often at the same address.</summary>
    private static async Task FollowAsync(IPage page, string selector)
    {
        await page.EvaluateAsync("() => { window.leaving = true; }");
        await page.ClickAsync(selector);
        await page.WaitForFunctionAsync("() => window.leaving === undefined && document.readyState === 'complete'");
    }
}
