using System.ComponentModel;
using Microsoft.Extensions.FileProviders;

namespace RcpHub.Features.Reports;

/// <summary>Prints an HTML document to PDF with headless Chromium (no PDF library restores here) driven by PuppeteerSharp: the document is
/// written to a temporary folder, removed afterwards, and printed in a page of its own by the one Chromium this
/// instance keeps running (<see cref="ChromiumBrowser"/>, started on the first print and again when it died). Null when
/// Chromium is missing, fails or takes too long: the caller then points the reader to the printable page instead. At most
/// Reports:MaxConcurrentPdf (2) pages print at once, and a request that waits longer than Reports:PdfWaitSeconds (10) for its turn
/// is told to come back later rather than queued without end.</summary>
public sealed class ChromiumPdf : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    private readonly IConfiguration _configuration;
    private readonly IWebHostEnvironment _environment;
    private readonly ILogger<ChromiumPdf> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _starting = new(1, 1);
    private ChromiumBrowser? _browser;
    private bool _disposed;

    public ChromiumPdf(IConfiguration configuration, IWebHostEnvironment environment, ILogger<ChromiumPdf> logger)
    {
        (_configuration, _environment, _logger) = (configuration, environment, logger);
        _slots = new SemaphoreSlim(Math.Max(0, configuration.GetValue("Reports:MaxConcurrentPdf", 2)));
        Wait = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Reports:PdfWaitSeconds", 10)));
    }

    /// <summary>How long a request waits for a free Chromium; also what it is told to wait before trying again.</summary>
    public TimeSpan Wait { get; }

    /// <summary>Takes one of the Chromium slots, waiting at most <see cref="Wait"/>; null when none became free.</summary>
    public async Task<IDisposable?> TakeSlotAsync(CancellationToken ct) =>
        await _slots.WaitAsync(Wait, ct) ? new Slot(_slots) : null;

    /// <summary>The PDF; <see cref="PdfOutcome.Busy"/> when every Chromium stayed busy, a null PDF when printing failed.</summary>
    public async Task<PdfOutcome> RenderAsync(string html, CancellationToken ct)
    {
        using var slot = await TakeSlotAsync(ct);
        return slot is null ? new PdfOutcome(null, Busy: true) : new PdfOutcome(await PrintAsync(html, ct), Busy: false);
    }

    /// <summary>The answer when no PDF came out: 503 problem details that point the reader to the printable page
    /// (<paramref name="detail"/>), with Retry-After when every Chromium stayed busy.</summary>
    public Microsoft.AspNetCore.Mvc.ObjectResult Unavailable(HttpResponse response, PdfOutcome outcome, string title, string detail)
    {
        if (outcome.Busy)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail };
        return new Microsoft.AspNetCore.Mvc.ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
    }

    public void Dispose()
    {
        _disposed = true;
        _browser?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _browser = null;
        _slots.Dispose();
        _starting.Dispose();
    }

    private async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("rcphub-pdf-").FullName;
        ChromiumBrowser? browser = null;
        try
        {
            var page = Path.Combine(folder, "report.html");
            await File.WriteAllTextAsync(page, html, ct);
            await CopyStylesheetAsync(folder, ct);
            browser = await BrowserAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeLimit);
            try
            {
                return await browser.PrintAsync(new Uri(page), limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                _logger.LogWarning("Chromium did not print the report within {Limit}.", TimeLimit);
                await ReplaceAsync(browser);
                return null;
            }
        }
        catch (Exception ex) when (ex is Win32Exception or FileNotFoundException)
        {
            _logger.LogWarning(ex, "Chromium is not available for printing reports (Reports:ChromiumPath).");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or PuppeteerSharp.PuppeteerException or IOException or TimeoutException)
        {
            _logger.LogWarning(ex, "Chromium could not print the report.");
            if (browser is not null)
            {
                await ReplaceAsync(browser);
            }
            return null;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException ex)
            {
                _logger.LogWarning(ex, "Could not remove the temporary folder {Folder}.", folder);
            }
        }
    }

    /// <summary>The running browser, started first when there is none or the last one died.</summary>
    private async Task<ChromiumBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { Alive: true } running)
        {
            return running;
        }
        await _starting.WaitAsync(ct);
        try
        {
            if (_browser is { Alive: true } started)
            {
                return started;
            }
            if (_browser is { } dead)
            {
                _browser = null;
                await dead.DisposeAsync();
            }
            ObjectDisposedException.ThrowIf(_disposed, this);
            _browser = await ChromiumBrowser.StartAsync(_configuration["Reports:ChromiumPath"] is { Length: > 0 } path ? path : "chromium", ct);
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Stops a browser that failed a print, so that the next print starts a fresh one.</summary>
    private async Task ReplaceAsync(ChromiumBrowser browser)
    {
        if (Interlocked.CompareExchange(ref _browser, null, browser) == browser)
        {
            await browser.DisposeAsync();
        }
    }

    private async Task CopyStylesheetAsync(string folder, CancellationToken ct)
    {
        var css = _environment.WebRootFileProvider.GetFileInfo("css/site.css");
        if (!css.Exists)
        {
            return;
        }
        await using var from = css.CreateReadStream();
        await using var to = File.Create(Path.Combine(folder, "site.css"));
        await from.CopyToAsync(to, ct);
    }
}

public sealed record PdfOutcome(byte[]? Pdf, bool Busy);

file sealed class Slot(SemaphoreSlim slots) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            slots.Release();
        }
    }
}
