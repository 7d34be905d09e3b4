using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>Calls for participation under /api/v1/processes/{slug}/calls: the same rules and authorization as the pages.</summary>
public static class CallsApi
{
    public sealed record ChangeJson(DateTimeOffset ChangedAt, string Reason);

    /// <param name="State">"draft", "open", "closed", "decided" or "reported".</param>
    public sealed record CallJson(int Id, string Title, string Eligibility, int Places, bool TravelFunded, DateTimeOffset Deadline, string Method,
        decimal? LotteryThreshold, int AppealDays, int? MeetingId, DateTimeOffset? PublishedAt, string State, IReadOnlyList<CriterionJson> Criteria,
        IReadOnlyList<TargetJson> Targets, IReadOnlyDictionary<string, string> Regions, IReadOnlyList<ChangeJson> Changes);

    /// <summary>An application as its organisation's people, the panel and the secretariat read it. Others' scores are
    /// given only once every panel member without a conflict has scored it.</summary>
    public sealed record ApplicationJson(int Id, string Pseudonym, string Organization, DateTimeOffset SubmittedAt, string? Route, string Motivation,
        string RepresentativeName, string RepresentativeEmail, string RepresentativeGender, bool FirstTime, string? ConflictOfInterest,
        string CountryCode, string OrganizationType, bool MigrantLed, string Outcome, string? DepartureReason, decimal? WeightedScore,
        IReadOnlyList<AttachmentJson> Attachments);

    /// <summary>A file attached to an application; <c>Url</c> downloads it.</summary>
    public sealed record AttachmentJson(int Id, string FileName, long Length, string Url);

    /// <summary>The multipart form that attaches a file to an application.</summary>
    public sealed class AttachmentForm
    {
        public required IFormFile File { get; init; }
    }

    public sealed record CriterionScoreInput(int CriterionId, int? Value);

    /// <summary>One score per criterion of the call, from 0 to 10.</summary>
    public sealed class ScoresInput
    {
        public List<CriterionScoreInput> Scores { get; set; } = [];
    }

    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/processes/{slug}/calls").WithTags("Calls")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListCalls").WithSummary("The process's published calls for participation, latest deadline first.");
        calls.MapPost("", CreateAsync).Requires(Operation.ManageCalls)
            .WithName("CreateCall").WithSummary("Writes a draft call. Criteria, targets and regions are lines of text: \"name | weight\", \"trait | value | min | max\", \"region | ISO3 ISO3\".")
            .ProducesValidationProblem().RefusesWithout("title", "eligibility", "places", "deadline", "method", "criteria");
        calls.MapGet("/{callId:int}", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetCall").WithSummary("A published call with its terms and every change since publication.");
        calls.MapPut("/{callId:int}", ChangeAsync).Requires(Operation.ManageCalls)
            .WithName("ChangeCall").WithSummary("Changes a call; once published, a reason is required, shown with the change and mailed to the applicants.")
            .ProducesValidationProblem().RefusesWithout("title", "eligibility", "places", "deadline", "method", "criteria");
        calls.MapPost("/{callId:int}/publication", PublishAsync).Requires(Operation.ManageCalls)
            .WithName("PublishCall").WithSummary("Publishes a draft call: it takes applications until its deadline.")
            .ProducesValidationProblem();
        calls.MapPost("/{callId:int}/applications", ApplyAsync).Requires(Operation.ApplyToCalls)
            .WithName("ApplyToCall").WithSummary("Applies for an organisation the caller acts for (one application per organisation and call, before the deadline).")
            .ProducesValidationProblem().RefusesWithout("organizationId", "motivation", "representativeName", "representativeEmail", "representativeGender", "countryCode", "organizationType");
        calls.MapGet("/{callId:int}/applications/{applicationId:int}", ApplicationAsync).Requires(Operation.ApplyToCalls)
            .WithName("GetCallApplication").WithSummary("An application, for its organisation's people, the call's panel and its secretariat (404 to anyone else).");
        calls.MapPost("/{callId:int}/applications/{applicationId:int}/scores", ScoreAsync).Requires(Operation.ApplyToCalls)
            .WithName("ScoreCallApplication").WithSummary("A panel member's scores of an application, once, on every criterion (not for a member with a declared conflict).")
            .ProducesValidationProblem();
        calls.MapPost("/{callId:int}/applications/{applicationId:int}/attachments", AttachAsync).Requires(Operation.ApplyToCalls)
            .WithName("AttachToCallApplication").WithSummary("Attaches a file (multipart form: file) to an application, for the people who act for its organisation, until the call's deadline and up to five files; the file passes the document checks.")
            .Accepts<AttachmentForm>("multipart/form-data")
            .Produces<AttachmentJson>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        calls.MapGet("/{callId:int}/applications/{applicationId:int}/attachments/{fileId:int}", AttachmentAsync).Requires(Operation.ApplyToCalls)
            .WithName("GetCallApplicationAttachment").WithSummary("Downloads a file of an application, for those who may read the application (404 to anyone else).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{callId:int}/report", ReportAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetSelectionReport").WithSummary("The selection report: distributions of scores, balance reached, selected organisations, departures with reasons, appeal window, trail.");
        calls.MapGet("/{callId:int}/selection-inputs", InputsAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetSelectionInputs").WithSummary("The pseudonymised inputs of the proposal, to recompute it with the published method (404 until the proposal is made).");
        return api;
    }

    private static ProblemHttpResult NoCall(IStringLocalizer<CallsText> t) =>
        TypedResults.Problem(t["There is no such call in this process."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);

    private static string State(ParticipationCall call, DateTimeOffset now) =>
        call.ReportPublishedAt is not null ? "reported" : call.DecidedAt is not null ? "decided" : call.PublishedAt is null ? "draft" : call.Deadline > now ? "open" : "closed";

    private static CallJson Json(ParticipationCall call, DateTimeOffset now) => new(call.Id, call.Title, call.Eligibility, call.Places, call.TravelFunded, call.Deadline,
        call.Method.ToString(), call.LotteryThreshold, call.AppealDays, call.MeetingId, call.PublishedAt, State(call, now),
        [.. call.Criteria.OrderBy(c => c.Position).Select(c => new CriterionJson(c.Name, c.Weight))], [.. call.Targets.OrderBy(x => x.Id).Select(CallSelection.Json)],
        call.Regions.ToDictionary(r => r.Name, r => r.Countries), [.. call.Changes.OrderBy(c => c.ChangedAt).Select(c => new ChangeJson(c.ChangedAt, c.Reason))]);

    private static async Task<Ok<IReadOnlyList<CallJson>>> ListAsync(AddressedProcess process, CallDesk desk, CancellationToken ct)
    {
        var list = new List<CallJson>();
        foreach (var call in await desk.ListAsync(process.Id, withDrafts: false, ct))
        {
            list.Add(Json((await desk.FindAsync(process.Id, call.Id, false, ct))!, desk.Now));
        }
        return TypedResults.Ok<IReadOnlyList<CallJson>>(list);
    }

    private static async Task<Results<Ok<CallJson>, ProblemHttpResult>> GetAsync(AddressedProcess process, int callId, ClaimsPrincipal user, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var reader = await desk.ReaderAsync(user, process.Id, null, ct);
        return await desk.FindAsync(process.Id, callId, reader.IsSecretariat, ct) is { } call ? TypedResults.Ok(Json(call, desk.Now)) : NoCall(t);
    }

    private static async Task<Results<Created<CallJson>, ValidationProblem>> CreateAsync(AddressedProcess process, CallInput call, ClaimsPrincipal user, CallDesk desk, CancellationToken ct)
    {
        var outcome = await desk.SaveAsync(process.Id, null, ProcessAccess.UserIdOf(user)!, call, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/calls/{outcome.Id}", Json((await desk.FindAsync(process.Id, outcome.Id, true, ct))!, desk.Now));
    }

    private static async Task<Results<Ok<CallJson>, ValidationProblem, ProblemHttpResult>> ChangeAsync(AddressedProcess process, int callId, CallInput call, ClaimsPrincipal user,
        CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var outcome = await desk.SaveAsync(process.Id, callId, ProcessAccess.UserIdOf(user)!, call, ct);
        if (outcome.IsNotFound)
        {
            return NoCall(t);
        }
        return outcome.Succeeded ? TypedResults.Ok(Json((await desk.FindAsync(process.Id, callId, true, ct))!, desk.Now)) : outcome.Errors.ToProblem();
    }

    private static async Task<Results<Ok<CallJson>, ValidationProblem, ProblemHttpResult>> PublishAsync(AddressedProcess process, int callId, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var outcome = await desk.PublishAsync(process.Id, callId, ct);
        if (outcome.IsNotFound)
        {
            return NoCall(t);
        }
        return outcome.Succeeded ? TypedResults.Ok(Json((await desk.FindAsync(process.Id, callId, true, ct))!, desk.Now)) : outcome.Errors.ToProblem();
    }

    private static ApplicationJson Json(string slug, CallApplication a, ParticipationCall call, IEnumerable<string> panel, IEnumerable<CallDesk.AttachmentListing> files) =>
        new(a.Id, a.Pseudonym, a.Organization!.Name, a.SubmittedAt, a.Route,
        a.Motivation, a.RepresentativeName, a.RepresentativeEmail, CallTraits.GenderValue(a.RepresentativeGender), a.FirstTime, a.ConflictOfInterest, a.CountryCode,
        a.OrganizationType.ToString(), a.MigrantLed, a.Outcome.ToString(), a.DepartureReason,
        CallScoring.AllScored(panel, a) ? CallScoring.WeightedScore(call.Criteria, a.Scores) : null,
        [.. files.Select(f => AttachmentJsonOf(slug, call.Id, a.Id, f))]);

    private static AttachmentJson AttachmentJsonOf(string slug, int callId, int applicationId, CallDesk.AttachmentListing file) =>
        new(file.Id, file.FileName, file.Length, $"/api/v1/processes/{slug}/calls/{callId}/applications/{applicationId}/attachments/{file.Id}");

    private static async Task<Results<Created<ApplicationJson>, ValidationProblem, ProblemHttpResult>> ApplyAsync(AddressedProcess process, int callId, ApplicationInput application,
        ClaimsPrincipal user, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var outcome = await desk.ApplyAsync(process.Id, callId, ProcessAccess.UserIdOf(user)!, application, [], ct);
        if (outcome.IsNotFound)
        {
            return NoCall(t);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var reader = await desk.ReaderAsync(user, process.Id, callId, ct);
        var call = (await desk.FindAsync(process.Id, callId, false, ct))!;
        var stored = (await desk.ApplicationAsync(process.Id, callId, outcome.Id, reader, ct))!;
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/calls/{callId}/applications/{outcome.Id}", Json(process.Slug, stored, call, [], []));
    }

    private static async Task<Results<Ok<ApplicationJson>, ProblemHttpResult>> ApplicationAsync(AddressedProcess process, int callId, int applicationId, ClaimsPrincipal user,
        CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var reader = await desk.ReaderAsync(user, process.Id, callId, ct);
        if (await desk.FindAsync(process.Id, callId, false, ct) is not { } call || await desk.ApplicationAsync(process.Id, callId, applicationId, reader, ct) is not { } application)
        {
            return TypedResults.Problem(t["There is no such application that you may read."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);
        }
        var panel = reader.IsPanel || reader.IsSecretariat ? (await desk.PanelAsync(callId, ct)).Select(p => p.UserId).ToList() : [];
        return TypedResults.Ok(Json(process.Slug, application, call, panel, await desk.AttachmentsAsync(applicationId, ct)));
    }

    private static async Task<Results<Created<AttachmentJson>, ValidationProblem, ProblemHttpResult>> AttachAsync(AddressedProcess process, int callId, int applicationId,
        HttpContext context, ClaimsPrincipal user, CallDesk desk, IConfiguration configuration, IStringLocalizer<CallsText> t,
        IStringLocalizer<DocumentsText> documentsText, ILogger<CallDesk> logger, CancellationToken ct)
    {
        var read = await DocumentUpload.ReadApiFormAsync(context, configuration, documentsText, ct);
        if (read.Form is not { } form)
        {
            return read.Status == StatusCodes.Status413PayloadTooLarge ? TooLarge(documentsText, configuration) : FileRefused(read.Refusal!);
        }
        var (file, error) = await DocumentUpload.CheckFileAsync(form.Files.GetFile("file"), configuration, documentsText, logger, ct);
        if (file is null)
        {
            return FileRefused(error!);
        }
        var outcome = await desk.AttachAsync(process.Id, callId, applicationId, ProcessAccess.UserIdOf(user)!, file, ct);
        if (outcome.IsNotFound)
        {
            return TypedResults.Problem(t["There is no such application that you may add files to."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);
        }
        if (!outcome.Succeeded)
        {
            return FileRefused(outcome.Errors.ByField[CallDesk.AttachmentsField][0]);
        }
        var stored = AttachmentJsonOf(process.Slug, callId, applicationId, new CallDesk.AttachmentListing(outcome.Id, file.FileName, file.Bytes.LongLength));
        return TypedResults.Created(stored.Url, stored);
    }

    private static ValidationProblem FileRefused(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });

    private static ProblemHttpResult TooLarge(IStringLocalizer<DocumentsText> documentsText, IConfiguration configuration) =>
        TypedResults.Problem(DocumentUpload.TooLarge(documentsText, configuration), statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttachmentAsync(AddressedProcess process, int callId, int applicationId, int fileId,
        ClaimsPrincipal user, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var reader = await desk.ReaderAsync(user, process.Id, callId, ct);
        if (await desk.ApplicationAsync(process.Id, callId, applicationId, reader, ct) is null || await desk.AttachmentAsync(applicationId, fileId, ct) is not { } file)
        {
            return TypedResults.Problem(t["There is no such file that you may read."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);
        }
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ScoreAsync(AddressedProcess process, int callId, int applicationId, ScoresInput scores,
        ClaimsPrincipal user, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        var values = new Dictionary<int, int?>();
        foreach (var score in scores.Scores)
        {
            values[score.CriterionId] = score.Value;
        }
        var outcome = await desk.ScoreAsync(process.Id, callId, applicationId, ProcessAccess.UserIdOf(user)!, values, ct);
        if (outcome.IsNotFound)
        {
            return TypedResults.Problem(t["There is no such application on a panel you are on."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);
        }
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Errors.ToProblem();
    }

    private static async Task<Results<Ok<SelectionReport>, ProblemHttpResult>> ReportAsync(AddressedProcess process, int callId, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct) =>
        await desk.FindAsync(process.Id, callId, false, ct) is { } call
            ? TypedResults.Ok(SelectionReport.Of(call, await desk.ApplicationsAsync(callId, ct)))
            : NoCall(t);

    private static async Task<Results<Ok<SelectionInputs>, ProblemHttpResult>> InputsAsync(AddressedProcess process, int callId, CallDesk desk, IStringLocalizer<CallsText> t, CancellationToken ct)
    {
        if (await desk.FindAsync(process.Id, callId, false, ct) is not { ProposedAt: not null } call)
        {
            return TypedResults.Problem(t["The proposal of this call is not made yet: its inputs are published with it."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);
        }
        return TypedResults.Ok(CallSelection.Inputs(call, await desk.ApplicationsAsync(callId, ct)));
    }
}
