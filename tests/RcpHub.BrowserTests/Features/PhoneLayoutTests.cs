using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features;

/// <summary>One live server over the demo data, shared by every walk of <see cref="PhoneLayoutTests"/>.</summary>
public sealed class DemoServer : IAsyncLifetime
{
    public LiveServer Server { get; private set; } = null!;
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Server = await LiveServer.StartAsync();
        await PageCatalogue.PrepareAsync(Server.Factory);
        Addresses = await PageCatalogue.AddressesAsync(Server.Factory);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A browser page at <paramref name="width"/> × <paramref name="height"/>, signed in as the demo account
    /// <paramref name="email"/> (anonymous when null).</summary>
    public async Task<IPage> PageAsync(Chromium chromium, string? email, string locale, int width, int height)
    {
        IPage page;
        if (email is null)
        {
            page = await chromium.NewPageAsync(locale: locale);
        }
        else
        {
            AppUser user;
            await using (var scope = Server.Factory.Scope())
            {
                user = (await scope.Get<UserManager<AppUser>>().FindByEmailAsync(email))!;
            }
            page = await chromium.NewSignedInPageAsync(Server, user, locale);
        }
        await page.SetViewportSizeAsync(width, height);
        return page;
    }
}

/// <summary>WCAG 2.2 reflow (1.4.10): every page of the catalogue fits a 320 px wide screen without sideways
/// scrolling, for every role of the demo process, in English and in Arabic (right to left). Wide content may
/// scroll inside its own box (a table in <c>.table-scroll</c>), never the page.</summary>
public sealed class PhoneLayoutTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    public static TheoryData<string, string> Readers()
    {
        var data = new TheoryData<string, string>();
        foreach (var locale in new[] { "en-GB", "ar" })
        {
            data.Add("anonymous", locale);
            foreach (var account in DemoData.Accounts)
            {
                data.Add(account.Email, locale);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Every_page_fits_a_320_px_wide_screen(string reader, string locale)
    {
        var email = reader == "anonymous" ? null : reader;
        var page = await demo.PageAsync(chromium, email, locale, 320, 640);
        var catalogued = Catalogued(email);
        var problems = new List<string>();
        var measured = 0;
        foreach (var address in demo.Addresses)
        {
            if (address == "/account/sign-out" && email is not null)
            {
                continue;
            }
            IResponse? response;
            try
            {
                response = await page.GotoAsync(demo.Server.Url(address));
            }
            catch (PlaywrightException)
            {
                // A download (a calendar feed, an export): nothing to lay out.
                if (await AnswersWithAFileAsync(page, address))
                {
                    continue;
                }
                throw;
            }
            var status = (HttpStatusCode)(response?.Status ?? 0);
            if (catalogued is { } known && PageCatalogue.Unexpected(address, known, status) is { } unexpected)
            {
                problems.Add(unexpected);
                continue;
            }
            // A page this reader may not open is not theirs to measure, but a failure is never a way of saying no.
            var declared = PageCatalogue.Unexpected(address, PageCatalogue.Reader.Administrator, status) is null;
            if ((int)status >= 500 && !declared)
            {
                problems.Add($"{address}: {(int)status}");
                continue;
            }
            if (status != HttpStatusCode.OK && !declared
                || response!.Headers.TryGetValue("content-type", out var type) && !type.StartsWith("text/html", StringComparison.Ordinal)
                || new Uri(page.Url).AbsolutePath == "/account/sign-in" && !address.StartsWith("/account/sign-in", StringComparison.Ordinal))
            {
                continue;
            }
            measured++;
            problems.AddRange((await OverflowAsync(page)).Select(p => $"{address}: {p}"));
        }
        Assert.True(measured > 0, "No page was measured.");
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {measured} pages at 320 px ({reader}, {locale}):\n" + string.Join("\n", problems));
    }

    /// <summary>In the meeting room, on a phone, a focal point finds the floor, the agenda and the documents on the
    /// meeting's page and on the floor's page without scrolling.</summary>
    [Theory]
    [InlineData(390, 844)]
    [InlineData(320, 640)]
    public async Task Meeting_room_actions_are_on_the_first_screen_of_a_phone(int width, int height)
    {
        var focalPoint = DemoData.Accounts.Single(a => a.Role == ProcessRole.FocalPoint).Email;
        var page = await demo.PageAsync(chromium, focalPoint, "en-GB", width, height);
        var meeting = demo.Addresses.Single(a => System.Text.RegularExpressions.Regex.IsMatch(a, @"^/meetings/\d+$"));
        var floor = demo.Addresses.Single(a => a.EndsWith("/floor", StringComparison.Ordinal));
        foreach (var address in new[] { meeting, floor })
        {
            await page.GotoAsync(demo.Server.Url(address));
            var bar = page.GetByRole(AriaRole.Navigation, new() { Name = "In the meeting room" });
            foreach (var action in new[] { "Ask for the floor", "Agenda", "Documents" })
            {
                var box = await bar.GetByRole(AriaRole.Link, new() { Name = action, Exact = true }).BoundingBoxAsync();
                Assert.True(box is not null, $"{address}: no \"{action}\" link");
                Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"{address}: \"{action}\" at y={box.Y}..{box.Y + box.Height}, the screen is {height} px high");
            }
        }
    }

    /// <summary>The reader <see cref="PageCatalogue"/> declares the answers for, if this is one of them.</summary>
    private static PageCatalogue.Reader? Catalogued(string? email) =>
        email is null ? PageCatalogue.Reader.Anonymous
        : DemoData.Accounts.Single(a => a.Email == email) switch
        {
            { IsAdministrator: true } => PageCatalogue.Reader.Administrator,
            { Role: ProcessRole.Secretariat } => PageCatalogue.Reader.Secretariat,
            _ => null,
        };

    private async Task<bool> AnswersWithAFileAsync(IPage page, string address)
    {
        var probe = await page.APIRequest.GetAsync(demo.Server.Url(address));
        return probe.Headers.TryGetValue("content-type", out var type) && !type.StartsWith("text/html", StringComparison.Ordinal);
    }

    /// <summary>What makes the page scroll sideways: the document wider than the window, and each outermost element
    /// that crosses the window's edge without a box of its own to scroll in.</summary>
    internal static async Task<IReadOnlyList<string>> OverflowAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const root = document.documentElement, width = root.clientWidth, found = [];
          if (root.scrollWidth > width) found.push(`the page is ${root.scrollWidth} px wide`);
          const clipped = e => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== 'visible') return true;
            }
            return false;
          };
          const wide = new Set();
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= width) continue;
            if (r.left > -1 && r.right < width + 1) continue;
            if (clipped(e)) continue;
            let inside = false;
            for (let p = e.parentElement; p && !inside; p = p.parentElement) inside = wide.has(p);
            if (inside) continue;
            wide.add(e);
            const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
            found.push(`${name} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
          }
          // Wider than the window with no culprit found: an element placed outside its scrolling box, e.g. an absolutely positioned one.
          if (found.length === 1) {
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.width > 0 && (r.right > width + 1 || r.left < -1) && found.length < 4) found.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent || '').trim().slice(0, 30)}" spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
            }
          }
          return found;
        }
        """);
}
