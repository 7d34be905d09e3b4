using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.FileProviders;

namespace RcpHub.Features.Reports;

/// <summary>Prints an HTML document to PDF with headless Chromium, run as a separate process in a temporary folder
/// that is removed afterwards (no PDF library restores here). Null when Chromium is missing, fails or takes too long:
/// the caller then points the reader to the printable page instead. A Chromium takes a few hundred megabytes: at most
/// Reports:MaxConcurrentPdf (2) run at once, and a request that waits longer than Reports:PdfWaitSeconds (10) for its turn
/// is told to come back later rather than queued without end.</summary>
public sealed class ChromiumPdf : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    private readonly IConfiguration _configuration;
    private readonly IWebHostEnvironment _environment;
    private readonly ILogger<ChromiumPdf> _logger;
    private readonly SemaphoreSlim _slots;

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

    public void Dispose() => _slots.Dispose();

    private async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("rcphub-pdf-").FullName;
        try
        {
            var page = Path.Combine(folder, "report.html");
            var pdf = Path.Combine(folder, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            await CopyStylesheetAsync(folder, ct);
            var start = new ProcessStartInfo(_configuration["Reports:ChromiumPath"] is { Length: > 0 } path ? path : "chromium")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", $"--user-data-dir={Path.Combine(folder, "profile")}",
                $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeLimit);
            // Drain both streams so that a chatty Chromium never blocks on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                _logger.LogWarning("Chromium did not print the report within {Limit}.", TimeLimit);
                ct.ThrowIfCancellationRequested();
                return null;
            }
            await Task.WhenAll(output, errors);
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                _logger.LogWarning("Chromium could not print the report (exit code {Code}): {Errors}", process.ExitCode, await errors);
                return null;
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        catch (Win32Exception ex)
        {
            _logger.LogWarning(ex, "Chromium is not available for printing reports (Reports:ChromiumPath).");
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
