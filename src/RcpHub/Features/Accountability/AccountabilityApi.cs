using Microsoft.AspNetCore.Http.HttpResults;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;

namespace RcpHub.Features.Accountability;

/// <summary>The public accountability of a process as JSON and CSV: the same aggregates as the page, never state by state.</summary>
public static class AccountabilityApi
{
    public static RouteGroupBuilder MapAccountabilityApi(this RouteGroupBuilder api)
    {
        var process = api.MapGroup("/processes/{slug}").WithTags("Accountability")
            .ProducesProblem(StatusCodes.Status404NotFound);
        process.MapGet("/accountability", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetAccountability")
            .WithSummary("The process's adopted public outputs, their recommendations and how far the states asked to act implemented each, in aggregate.");
        process.MapGet("/accountability.csv", CsvAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ExportAccountabilityCsv")
            .WithSummary("The same aggregates as CSV (RFC 4180, UTF-8), one row per recommendation.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return api;
    }

    private static async Task<Ok<AccountabilityReport>> GetAsync(AppDbContext db, TimeProvider clock, AddressedProcess process, CancellationToken ct) =>
        TypedResults.Ok((await AccountabilityReport.LoadAsync(db, process.Id, clock.Today(), stateByState: false, ct)).Report);

    private static async Task<FileContentHttpResult> CsvAsync(AppDbContext db, TimeProvider clock, AddressedProcess process, CancellationToken ct)
    {
        var (report, _) = await AccountabilityReport.LoadAsync(db, process.Id, clock.Today(), stateByState: false, ct);
        return TypedResults.File(TableExport.Csv(report.Rows()), TableExport.CsvContentType, $"{process.Slug}-accountability.csv");
    }
}
