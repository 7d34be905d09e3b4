using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;

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
                p.Acronym, p.Name, p.Kind, p.Region, p.Status, p.FoundedYear, p.FormalInstitution, p.SecretariatDescription, p.MemberStatesKnown,
                Members = currentStates.Where(m => m.ProcessId == p.Id && m.Role == MembershipRole.Member).OrderBy(m => m.StateCode).Select(m => m.StateCode!).ToList(),
                Observers = currentStates.Where(m => m.ProcessId == p.Id && m.Role == MembershipRole.Observer).OrderBy(m => m.StateCode).Select(m => m.StateCode!).ToList(),
                Themes = p.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                PrimarySource = p.Sources.Where(s => s.IsPrimary).Select(s => s.Url).FirstOrDefault(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var table = new List<object?[]>
        {
            new object?[] { "acronym", "name", "kind", "region", "status", "founded", "formal_institution", "secretariat",
                "member_state_count", "member_states", "observer_states", "themes", "primary_source" },
        };
        table.AddRange(rows.Select(r => new object?[]
        {
            r.Acronym, r.Name, r.Kind.ToString(), r.Region, r.Status?.ToString(), r.FoundedYear,
            // Unknown members leave both cells empty; a known empty list is a count of 0.
            r.FormalInstitution, r.SecretariatDescription, r.MemberStatesKnown ? r.Members.Count : null,
            r.MemberStatesKnown ? string.Join(';', r.Members) : null, string.Join(';', r.Observers),
            string.Join(';', r.Themes), r.PrimarySource,
        }));
        return TypedResults.File(TableExport.Csv(table), TableExport.CsvContentType, "rcp-registry.csv");
    }
}
