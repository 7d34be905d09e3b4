using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>National follow-up in JSON under /api/v1, with the pages' authorization: read by those who may
/// <see cref="Operation.ViewFollowUp"/> (outputs they may read only), reported by the state's own focal points, reviewed
/// and labelled by the secretariat. Evidence files are added to a report (multipart) and downloaded here too.</summary>
public static class FollowUpApi
{
    public sealed record StateProgressAnswer(string Code, string Name, int Asked, int Reported, int Implemented, int NotReported);

    public sealed record GridRowAnswer(AskedRecommendation Recommendation, ReportView? Current, string? StatusLabel);

    public sealed record GridAnswer(string StateCode, string StateName, IReadOnlyList<GridRowAnswer> Recommendations);

    public sealed record HistoryAnswer(AskedRecommendation Recommendation, OpenRound? OpenRound, IReadOnlyList<ReportView> Reports);

    public sealed record LabelAnswer(string Language, ImplementationStatus Status, string Label, bool IsProcessLabel);

    public sealed record ImportAnswer(int Saved);

    /// <summary>The spreadsheet to import (multipart form).</summary>
    public sealed class ImportForm
    {
        public required IFormFile Sheet { get; init; }
    }

    /// <summary>Evidence files to add to a report (multipart form: files, one part per file).</summary>
    public sealed class EvidenceForm
    {
        public required IFormFileCollection Files { get; init; }
    }

    private const string State = "/processes/{slug}/follow-up/{state}";

    public static RouteGroupBuilder MapFollowUpApi(this RouteGroupBuilder api)
    {
        api.MapGet("/processes/{slug}/follow-up", StatesAsync).Requires(Operation.ViewFollowUp)
            .WithName("GetFollowUpStates").WithSummary("The member states asked to act on the process's adopted recommendations, each with its tally.")
            .Produces<List<StateProgressAnswer>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/processes/{slug}/follow-up/labels", LabelsAsync).Requires(Operation.ViewFollowUp)
            .WithName("GetFollowUpStatusLabels").WithSummary("The label of every implementation status in every language: the process's own where set, the platform's otherwise.")
            .Produces<List<LabelAnswer>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/processes/{slug}/follow-up/labels", SaveLabelsAsync).Requires(Operation.ReviewFollowUp)
            .WithName("SetFollowUpStatusLabels").WithSummary("Sets the process's labels of the statuses in one language (an empty label goes back to the platform's).")
            .Produces<List<LabelAnswer>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RefusesWithout("language");
        api.MapGet(State, GridAsync).Requires(Operation.ViewFollowUp)
            .WithName("GetFollowUpGrid").WithSummary("A state's grid: every recommendation addressed to it with the report in force.")
            .Produces<GridAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(State + "/export.csv", (AddressedProcess process, string state, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, IStringLocalizer<FollowUpText> t, CancellationToken ct) =>
                ExportAsync(process, state, user, db, gate, t, xlsx: false, ct)).Requires(Operation.ViewFollowUp)
            .WithName("ExportFollowUpGridCsv").WithSummary("A state's grid as CSV, in the format the import reads.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(State + "/export.xlsx", (AddressedProcess process, string state, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, IStringLocalizer<FollowUpText> t, CancellationToken ct) =>
                ExportAsync(process, state, user, db, gate, t, xlsx: true, ct)).Requires(Operation.ViewFollowUp)
            .WithName("ExportFollowUpGridXlsx").WithSummary("A state's grid as XLSX, in the format the import reads.")
            .Produces(StatusCodes.Status200OK, contentType: TableExport.XlsxContentType).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(State + "/import", ImportAsync).Requires(Operation.ReportFollowUp)
            .WithName("ImportFollowUpGrid").WithSummary("Imports a state's grid (multipart form: sheet, a CSV or XLSX file in the export's format). Every row is checked; nothing is stored if any is wrong.")
            .Accepts<ImportForm>("multipart/form-data")
            .Produces<ImportAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet(State + "/{recommendationId:int}", HistoryAsync).Requires(Operation.ViewFollowUp)
            .WithName("GetFollowUpReports").WithSummary("Every report of the state on one recommendation, newest first, and the round a report made now goes into.")
            .Produces<HistoryAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(State + "/{recommendationId:int}/reports", ReportAsync).Requires(Operation.ReportFollowUp)
            .WithName("ReportFollowUp").WithSummary("Adds a report (the state's focal points only). basedOn: the sequence of the report in force in the round when read (0: none); roundKey: that round (0: outside any). 409 when another save came first.")
            .Produces<ReportView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RefusesWithout("status", "on");
        api.MapPost(State + "/{recommendationId:int}/reports/{reportId:int}/evidence", AddEvidenceAsync).Requires(Operation.ReportFollowUp)
            .WithName("AddFollowUpEvidence").WithSummary("Adds evidence files to a report of the state (its focal points only; multipart form: files, one part per file, with the document checks; at most 20 files a report). 409 when the report was validated or followed by a later one: report again instead.")
            .Accepts<EvidenceForm>("multipart/form-data")
            .Produces<ReportView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost(State + "/{recommendationId:int}/review", ReviewAsync).Requires(Operation.ReviewFollowUp)
            .WithName("ReviewFollowUp").WithSummary("Validates a report or asks the state for clarification (decision: Validated or ClarificationAsked; a note is required for clarification).")
            .Produces<ReportView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RefusesWithout("reportId", "decision");
        api.MapGet(State + "/{recommendationId:int}/evidence/{fileId:int}/file", EvidenceAsync).Requires(Operation.ViewFollowUp)
            .WithName("DownloadFollowUpEvidence").WithSummary("One evidence file of the state's reports on the recommendation.")
            .Produces(StatusCodes.Status200OK, contentType: FileSniffer.ContentTypes[0], additionalContentTypes: [.. FileSniffer.ContentTypes.Skip(1)])
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such state, recommendation or report in this process's follow-up that you may see.");

    private static ValidationProblem Invalid(IEnumerable<FieldError> errors, IStringLocalizer<FollowUpText> t, string title) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => t[e.Message].Value).ToArray()),
            title: title);

    private static async Task<Ok<List<StateProgressAnswer>>> StatesAsync(AddressedProcess process, ClaimsPrincipal user, AppDbContext db, FollowUpCountCache counts,
        MeetingReaders readers, TimeProvider clock, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        var members = await FollowUpQueries.MemberStatesAsync(db, process.Id, clock.Today(), ct);
        var states = await FollowUpQueries.StatesAsync(db, counts, process.Id, reader, members, Cultures.Current, ct);
        return TypedResults.Ok(states.Select(s => new StateProgressAnswer(s.Code, s.Name, s.Tally.Asked, s.Tally.Reported, s.Tally.Count(ImplementationStatus.Implemented), s.Tally.NotReported)).ToList());
    }

    private static async Task<List<LabelAnswer>> AllLabelsAsync(AppDbContext db, IStringLocalizer<FollowUpText> t, int processId, CancellationToken ct)
    {
        var own = await db.StatusLabels.AsNoTracking().Where(l => l.ProcessId == processId).Select(l => new { l.Language, l.Status }).ToListAsync(ct);
        var answers = new List<LabelAnswer>();
        foreach (var language in Cultures.Supported)
        {
            var labels = await StatusLabels.ForAsync(db, t, processId, language, ct);
            answers.AddRange(StatusLabels.All.Select(s => new LabelAnswer(language, s, labels[s], own.Any(o => o.Language == language && o.Status == s))));
        }
        return answers;
    }

    private static async Task<Ok<List<LabelAnswer>>> LabelsAsync(AddressedProcess process, AppDbContext db, IStringLocalizer<FollowUpText> t, CancellationToken ct) =>
        TypedResults.Ok(await AllLabelsAsync(db, t, process.Id, ct));

    private static async Task<Results<Ok<List<LabelAnswer>>, ValidationProblem>> SaveLabelsAsync(
        AddressedProcess process, LabelsInput input, AppDbContext db, IStringLocalizer<FollowUpText> t, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!Cultures.Supported.Contains(input.Language))
        {
            errors.Add(new(nameof(LabelsInput.Language), "Choose one of the languages offered."));
        }
        errors.AddRange(input.ByStatus().Where(l => l.Value is { Length: > FollowUpLimits.Label }).Select(l => new FieldError(l.Key.ToString(), "At most 80 characters.")));
        if (errors.Count > 0)
        {
            return Invalid(errors, t, "The labels could not be saved.");
        }
        await FollowUpCommands.SaveLabelsAsync(db, process.Id, input.Language!, input.ByStatus(), ct);
        return TypedResults.Ok(await AllLabelsAsync(db, t, process.Id, ct));
    }

    private static async Task<Results<Ok<GridAnswer>, ProblemHttpResult>> GridAsync(
        AddressedProcess process, string state, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, IStringLocalizer<FollowUpText> t, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope)
        {
            return NotFound();
        }
        var rows = await FollowUpQueries.GridAsync(db, process.Id, scope.StateCode, scope.Reader, scope.Members, ct);
        var labels = await StatusLabels.ForAsync(db, t, process.Id, Cultures.Current, ct);
        return TypedResults.Ok(new GridAnswer(scope.StateCode, scope.StateName,
            rows.Select(r => new GridRowAnswer(r.Recommendation, r.Current, r.Current is null ? null : labels[r.Current.Status])).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        AddressedProcess process, string state, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, IStringLocalizer<FollowUpText> t, bool xlsx, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope)
        {
            return NotFound();
        }
        var rows = FollowUpSheet.Rows(await FollowUpQueries.GridAsync(db, process.Id, scope.StateCode, scope.Reader, scope.Members, ct),
            await StatusLabels.ForAsync(db, t, process.Id, Cultures.Current, ct));
        var name = $"follow-up-{process.Slug}-{scope.StateCode.ToLowerInvariant()}";
        return xlsx
            ? TypedResults.File(TableExport.Xlsx(rows, scope.StateCode), TableExport.XlsxContentType, name + ".xlsx")
            : TypedResults.File(TableExport.Csv(rows), TableExport.CsvContentType, name + ".csv");
    }

    private static async Task<Results<Ok<ImportAnswer>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        AddressedProcess process, string state, HttpContext context, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, TimeProvider clock,
        IConfiguration configuration, IStringLocalizer<FollowUpText> t, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope)
        {
            return NotFound();
        }
        if (!DocumentUpload.AdmitBody(context, configuration))
        {
            return TooLarge();
        }
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sheet"] = [t["Choose a CSV or XLSX file."]] }, title: "The file could not be imported.");
        }
        var (form, status) = await DocumentUpload.ReadFormAsync(context, ct);
        if (form is null)
        {
            return status == StatusCodes.Status413PayloadTooLarge
                ? TooLarge()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sheet"] = [t["Choose a CSV or XLSX file."]] }, title: "The file could not be imported.");
        }
        if (!scope.MayReport)
        {
            return NotYours();
        }
        var grid = await FollowUpQueries.GridAsync(db, process.Id, scope.StateCode, scope.Reader, scope.Members, ct);
        var result = await FollowUpImport.ImportAsync(db, clock, configuration, t, scope, grid, form.Files.GetFile("sheet"), ct);
        if (result.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Row == 0 ? "sheet" : $"row {e.Row}" + (e.Column.Length > 0 ? $", {e.Column}" : ""))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The file was not imported: nothing was stored.");
        }
        return TypedResults.Ok(new ImportAnswer(result.Saved));
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: "The file is larger than the largest file accepted.");

    private static async Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> AddEvidenceAsync(
        AddressedProcess process, string state, int recommendationId, int reportId, HttpContext context, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate,
        IConfiguration configuration, ILoggerFactory loggers, IStringLocalizer<FollowUpText> t, IStringLocalizer<DocumentsText> documentText, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope
            || await FollowUpQueries.RecommendationAsync(db, process.Id, recommendationId, scope.StateCode, scope.Reader, scope.Members, ct) is not ({ }, _))
        {
            return NotFound();
        }
        var noFiles = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [t["Choose at least one file."]] }, title: "The evidence could not be added.");
        var read = await DocumentUpload.ReadApiFormAsync(context, configuration, documentText, ct);
        if (read.Form is not { } form)
        {
            return read.Status == StatusCodes.Status413PayloadTooLarge ? TooLarge() : noFiles;
        }
        if (!scope.MayReport)
        {
            return NotYours();
        }
        var report = await db.FollowUpReports.AsNoTracking()
            .Where(r => r.Id == reportId && r.ProcessId == process.Id && r.RecommendationId == recommendationId && r.StateCode == scope.StateCode)
            .Select(r => new { Files = db.FollowUpEvidenceFiles.Count(f => f.ReportId == r.Id) })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return NotFound();
        }
        var uploads = form.Files.GetFiles("files");
        if (!uploads.Any(f => f.Length > 0 || f.FileName.Length > 0))
        {
            return noFiles;
        }
        var (files, errors) = await FollowUpCommands.CheckFilesAsync(uploads, report.Files, configuration, documentText, t, loggers.CreateLogger(typeof(FollowUpApi)), ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [.. errors] }, title: "The evidence could not be added: nothing was stored.");
        }
        if (!await FollowUpCommands.AddEvidenceAsync(db, reportId, files, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Report closed to evidence",
                detail: "This report was validated, or a later report followed it: its evidence no longer changes. Nothing has been saved: make a new report with the files.");
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/follow-up/{state}/{recommendationId}",
            (await FollowUpQueries.HistoryAsync(db, process.Id, recommendationId, scope.StateCode, ct)).Single(h => h.Id == reportId));
    }

    private static ProblemHttpResult NotYours() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
            detail: "Only a focal point of this state reports for it. Nothing has been saved.");

    private static async Task<Results<Ok<HistoryAnswer>, ProblemHttpResult>> HistoryAsync(
        AddressedProcess process, string state, int recommendationId, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, TimeProvider clock, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope
            || await FollowUpQueries.RecommendationAsync(db, process.Id, recommendationId, scope.StateCode, scope.Reader, scope.Members, ct) is not ({ } found, true))
        {
            return NotFound();
        }
        return TypedResults.Ok(new HistoryAnswer(found, await FollowUpQueries.OpenRoundAsync(db, process.Id, found.OutputId, clock.GetUtcNow(), ct),
            await FollowUpQueries.HistoryAsync(db, process.Id, recommendationId, scope.StateCode, ct)));
    }

    private static async Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        AddressedProcess process, string state, int recommendationId, ReportInput input, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate,
        TimeProvider clock, IStringLocalizer<FollowUpText> t, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope
            || await FollowUpQueries.RecommendationAsync(db, process.Id, recommendationId, scope.StateCode, scope.Reader, scope.Members, ct) is not ({ } found, var addressed))
        {
            return NotFound();
        }
        var errors = FollowUpCommands.Check(input, clock.Today());
        if (errors.Count > 0)
        {
            return Invalid(errors, t, "The report could not be saved.");
        }
        if (!scope.MayReport)
        {
            return NotYours();
        }
        if (!addressed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not addressed",
                detail: "This recommendation is not addressed to this state: there is nothing to report on it. Nothing has been saved.");
        }
        var (outcome, id) = await FollowUpCommands.SaveReportAsync(db, clock, process.Id, found, scope.StateCode, scope.Reader.UserId!, input, [], ct);
        var history = await FollowUpQueries.HistoryAsync(db, process.Id, recommendationId, scope.StateCode, ct);
        if (outcome != SaveOutcome.Saved)
        {
            var current = history.Where(h => h.IsLatest).MaxBy(h => h.ReportedAt);
            var problem = TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Saved meanwhile",
                detail: outcome == SaveOutcome.RoundChanged
                    ? "The evaluation round this report was based on is no longer the one open (it closed, or another opened). Nothing has been saved: read the reports again and send the report with the current roundKey."
                    : "Another report on this recommendation was saved since the one this report is based on. Nothing has been saved: read the reports again and send it with the current basedOn.");
            problem.ProblemDetails.Extensions["current"] = current;
            return problem;
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/follow-up/{state}/{recommendationId}", history.Single(h => h.Id == id));
    }

    private static async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        AddressedProcess process, string state, int recommendationId, ReviewInput input, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate,
        TimeProvider clock, IStringLocalizer<FollowUpText> t, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope
            || await FollowUpQueries.RecommendationAsync(db, process.Id, recommendationId, scope.StateCode, scope.Reader, scope.Members, ct) is not ({ }, true))
        {
            return NotFound();
        }
        var errors = FollowUpCommands.CheckReview(input.Decision, input.Note);
        if (errors.Count > 0)
        {
            return Invalid(errors, t, "The review could not be saved.");
        }
        if (!await db.FollowUpReports.AnyAsync(r => r.Id == input.ReportId && r.RecommendationId == recommendationId && r.StateCode == scope.StateCode && r.ProcessId == process.Id, ct))
        {
            return NotFound();
        }
        await FollowUpCommands.ReviewAsync(db, clock, process.Id, input.ReportId, input.Decision!.Value, input.Note, scope.Reader.UserId!, ct);
        return TypedResults.Ok((await FollowUpQueries.HistoryAsync(db, process.Id, recommendationId, scope.StateCode, ct)).Single(h => h.Id == input.ReportId));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EvidenceAsync(
        AddressedProcess process, string state, int recommendationId, int fileId, ClaimsPrincipal user, AppDbContext db, FollowUpGate gate, CancellationToken ct)
    {
        if (await gate.StateAsync(user, process, state, ct) is not { } scope
            || await FollowUpQueries.RecommendationAsync(db, process.Id, recommendationId, scope.StateCode, scope.Reader, scope.Members, ct) is not ({ }, _))
        {
            return NotFound();
        }
        var file = await db.FollowUpEvidenceFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.Report!.RecommendationId == recommendationId && f.Report.StateCode == scope.StateCode && f.Report.ProcessId == process.Id)
            .Select(f => new { f.FileName, f.ContentType, f.Content!.Bytes })
            .SingleOrDefaultAsync(ct);
        return file is null ? NotFound() : TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }
}
