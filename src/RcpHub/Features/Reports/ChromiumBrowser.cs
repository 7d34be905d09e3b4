using PuppeteerSharp;

namespace RcpHub.Features.Reports;

/// <summary>One headless Chromium kept running by this instance and driven by PuppeteerSharp: each print opens its own
/// page, prints it and closes it, so nothing one request leaves in it is read by another. Launching Chromium for every PDF
/// cost about 0.6 s of processor time before it printed anything (docs/decisions/0030). The browser is the system's
/// Chromium, never one downloaded; it is started on the first print and again after it died or stopped answering.</summary>
internal sealed class ChromiumBrowser : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    // The same print as `chromium --print-to-pdf --no-pdf-header-footer`: the page's own size and margins. Tagged,
    // because screen readers follow the structure tree (docs/decisions/0030). Time limits are the caller's token.
    private static readonly PdfOptions Print = new() { PreferCSSPageSize = true, DisplayHeaderFooter = false, Tagged = true, Timeout = 0 };

    private static readonly NavigationOptions Load = new() { WaitUntil = [WaitUntilNavigation.Load], Timeout = 0 };

    private readonly IBrowser _browser;
    private readonly string _profile;

    private ChromiumBrowser(IBrowser browser, string profile) => (_browser, _profile) = (browser, profile);

    /// <summary>Whether the browser still runs and answers: a dead one is replaced before the next print.</summary>
    public bool Alive => _browser.IsConnected && !_browser.IsClosed && _browser.Process is { HasExited: false };

    /// <summary>Starts Chromium (<paramref name="executable"/>: a path, or a name looked up on PATH). Throws
    /// <see cref="FileNotFoundException"/> when there is no such program, and when it cannot start within
    /// <see cref="StartLimit"/>.</summary>
    public static async Task<ChromiumBrowser> StartAsync(string executable, CancellationToken ct)
    {
        var path = Locate(executable) ?? throw new FileNotFoundException($"Chromium was not found at '{executable}'.", executable);
        var profile = Directory.CreateTempSubdirectory("rcphub-chromium-").FullName;
        try
        {
            var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                UserDataDir = profile,
                Timeout = (int)StartLimit.TotalMilliseconds,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-extensions", "--mute-audio"],
            }).WaitAsync(ct);
            return new ChromiumBrowser(browser, profile);
        }
        catch
        {
            DeleteProfile(profile);
            throw;
        }
    }

    /// <summary>Prints the page at <paramref name="url"/> (a file beside its stylesheet) to PDF in a page of its own.</summary>
    public async Task<byte[]> PrintAsync(Uri url, CancellationToken ct)
    {
        var page = await _browser.NewPageAsync().WaitAsync(ct);
        try
        {
            var answer = await page.GoToAsync(url.AbsoluteUri, Load).WaitAsync(ct);
            if (answer is { Ok: false })
            {
                throw new InvalidOperationException($"Chromium could not open the document ({answer.Status}).");
            }
            return await page.PdfDataAsync(Print).WaitAsync(ct);
        }
        finally
        {
            // The page goes whatever happened; a browser that cannot close it is replaced on the next print.
            try
            {
                await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is TimeoutException or PuppeteerException or InvalidOperationException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or PuppeteerException or InvalidOperationException)
        {
        }
        // A browser that did not close in time is stopped, so that its profile can go.
        try
        {
            if (_browser.Process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        await _browser.DisposeAsync();
        DeleteProfile(_profile);
    }

    private static string? Locate(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable) ? executable : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, executable)).FirstOrDefault(File.Exists);
    }

    private static void DeleteProfile(string profile)
    {
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
