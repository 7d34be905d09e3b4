using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.FileProviders;

namespace RcpHub.Features.Reports;

/// <summary>Prints an HTML document to PDF with headless Chromium, run as a separate process in a temporary folder
/// that is removed afterwards (no PDF library restores here). Null when Chromium is missing, fails or takes too long:
/// the caller then points the reader to the printable page instead.</summary>
public sealed class ChromiumPdf(IConfiguration configuration, IWebHostEnvironment environment, ILogger<ChromiumPdf> logger)
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    public async Task<byte[]?> RenderAsync(string html, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("rcphub-pdf-").FullName;
        try
        {
            var page = Path.Combine(folder, "report.html");
            var pdf = Path.Combine(folder, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            await CopyStylesheetAsync(folder, ct);
            var start = new ProcessStartInfo(configuration["Reports:ChromiumPath"] is { Length: > 0 } path ? path : "chromium")
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
                logger.LogWarning("Chromium did not print the report within {Limit}.", TimeLimit);
                ct.ThrowIfCancellationRequested();
                return null;
            }
            await Task.WhenAll(output, errors);
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                logger.LogWarning("Chromium could not print the report (exit code {Code}): {Errors}", process.ExitCode, await errors);
                return null;
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        catch (Win32Exception ex)
        {
            logger.LogWarning(ex, "Chromium is not available for printing reports (Reports:ChromiumPath).");
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
                logger.LogWarning(ex, "Could not remove the temporary folder {Folder}.", folder);
            }
        }
    }

    private async Task CopyStylesheetAsync(string folder, CancellationToken ct)
    {
        var css = environment.WebRootFileProvider.GetFileInfo("css/site.css");
        if (!css.Exists)
        {
            return;
        }
        await using var from = css.CreateReadStream();
        await using var to = File.Create(Path.Combine(folder, "site.css"));
        await from.CopyToAsync(to, ct);
    }
}
