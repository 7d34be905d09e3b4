using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Processes;

/// <summary>The registry of processes as JSON and CSV, read-only and public.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this RouteGroupBuilder api)
    {
        var processes = api.MapGroup("/processes").WithTags("Processes");
        processes.MapGet("", ListProcesses)
            .WithName("ListProcesses")
            .WithSummary("Lists the processes; the filters combine. status: Active, Emerging or Dormant; kind: RegionalConsultativeProcess, InterRegionalForum or GlobalProcess; region and theme: exact names; q: part of a name or acronym.")
            .Requires(Operation.ViewPublicRegistry);
        processes.MapGet("/{slug}", GetProcess)
            .WithName("GetProcess")
            .WithSummary("Every public fact of one process: memberships with dates, chair terms and schedule, bodies, sources.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.ViewPublicRegistry);
        api.MapGet("/processes.csv", ExportCsv)
            .WithTags("Processes")
            .WithName("ExportProcessesCsv")
            .WithSummary("The registry as CSV (RFC 4180, UTF-8), one row per process, with the same filters as the list.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Requires(Operation.ViewPublicRegistry);
        return api;
    }

    public static async Task<Results<Ok<List<ProcessSummary>>, ValidationProblem>> ListProcesses(
        AppDbContext db, TimeProvider time, string? region, string? status, string? kind, string? theme, string? q, CancellationToken ct)
    {
        var filter = ProcessFilter.Parse(region, status, kind, theme, q, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await ProcessDirectory.ListAsync(db, filter, time.Today(), ct));
    }

    public static async Task<Results<Ok<ProcessDetails>, ProblemHttpResult>> GetProcess(AppDbContext db, TimeProvider time, AddressedProcess process, CancellationToken ct)
    {
        var details = await ProcessDetailsQuery.LoadAsync(db, process, Infrastructure.Localization.Cultures.Current, time.Today(), ct);
        return details is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Process not found", detail: $"No process has the slug '{process.Slug}'.")
            : TypedResults.Ok(details);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCsv(
        AppDbContext db, TimeProvider time, string? region, string? status, string? kind, string? theme, string? q, CancellationToken ct)
    {
        var filter = ProcessFilter.Parse(region, status, kind, theme, q, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var currentStates = db.Memberships.CurrentOn(time.Today()).Where(m => m.StateCode != null);
        // Split: one query per collection instead of one joined result that multiplies members by themes.
        var rows = await filter.Apply(db.Processes.AsNoTracking())
            .OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Acronym, p.Name, p.Kind, p.Region, p.Status, p.FoundedYear, p.FormalInstitution, p.SecretariatDescription,
                Members = currentStates.Where(m => m.ProcessId == p.Id && m.Role == MembershipRole.Member).OrderBy(m => m.StateCode).Select(m => m.StateCode!).ToList(),
                Observers = currentStates.Where(m => m.ProcessId == p.Id && m.Role == MembershipRole.Observer).OrderBy(m => m.StateCode).Select(m => m.StateCode!).ToList(),
                Themes = p.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                PrimarySource = p.Sources.Where(s => s.IsPrimary).Select(s => s.Url).FirstOrDefault(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var csv = new CsvWriter();
        csv.Row("acronym", "name", "kind", "region", "status", "founded", "formal_institution", "secretariat",
            "member_states", "observer_states", "themes", "primary_source");
        foreach (var r in rows)
        {
            csv.Row(r.Acronym, r.Name, r.Kind.ToString(), r.Region, r.Status?.ToString(), r.FoundedYear?.ToString(CultureInfo.InvariantCulture),
                r.FormalInstitution, r.SecretariatDescription, string.Join(';', r.Members), string.Join(';', r.Observers),
                string.Join(';', r.Themes), r.PrimarySource);
        }
        return TypedResults.File(csv.ToUtf8(), "text/csv; charset=utf-8", "rcp-registry.csv");
    }
}

/// <summary>RFC 4180 text: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled.</summary>
internal sealed class CsvWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private readonly StringBuilder _text = new();

    public void Row(params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }
            var field = fields[i] ?? "";
            if (field.IndexOfAny(NeedsQuotes) >= 0)
            {
                _text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _text.Append(field);
            }
        }
        _text.Append("\r\n");
    }

    /// <summary>UTF-8 with a byte-order mark: spreadsheet programs otherwise read the file as a legacy code page
    /// and garble names such as "Côte d'Ivoire".</summary>
    public byte[] ToUtf8() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
