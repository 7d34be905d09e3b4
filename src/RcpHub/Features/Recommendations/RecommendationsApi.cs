using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Recommendations;

/// <summary>Recommendations and the two reference lists in JSON under /api/v1, with the pages' rules: an output (and its
/// recommendations) outside the reader's audience is "not found"; counts and lists hold only what the reader may read;
/// writing is for the secretariat (<see cref="Operation.DraftOutputs"/>).</summary>
public static class RecommendationsApi
{
    public sealed record ObjectiveAnswer(int Number, string Title, string TitleLanguage, bool OfficialEnglishText, string? ShortTitle,
        IReadOnlyDictionary<string, string> Titles, string Source, int Recommendations);

    public sealed record ObjectiveDetailsAnswer(ObjectiveAnswer Objective, IReadOnlyList<LinkedRecommendation> Recommendations);

    public sealed record SdgAnswer(string Code, SdgKind Kind, int Goal, string? Target, string Text, string Source, int Recommendations);

    public sealed record SdgDetailsAnswer(SdgAnswer Item, IReadOnlyList<LinkedRecommendation> Recommendations);

    public sealed record RecommendationAnswer(int OutputId, RecommendationDetails Recommendation, RecommendationOrigin? Origin);

    /// <summary>The recommendation point of a session report (its id, as the report API gives it) to carry.</summary>
    public sealed record CarryRequest(int PointId);

    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        const string Lists = "GCM objectives and SDG targets";
        api.MapGet("/gcm-objectives", ObjectivesAsync).Requires(Operation.ViewPublicRegistry).WithTags(Lists)
            .WithName("ListGcmObjectives").WithSummary("The 23 GCM objectives (official titles; English where the reader's language has none) with the number of recommendations the reader may read linked to each.");
        api.MapGet("/gcm-objectives/{number:int}", ObjectiveAsync).Requires(Operation.ViewPublicRegistry).WithTags(Lists)
            .WithName("GetGcmObjective").WithSummary("One GCM objective with the recommendations linked to it that the reader may read.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sdg-targets", SdgListAsync).Requires(Operation.ViewPublicRegistry).WithTags(Lists)
            .WithName("ListSdgTargets").WithSummary("The migration-related SDG targets and indicators (official English text) with the number of recommendations the reader may read linked to each.");
        api.MapGet("/sdg-targets/{code}", SdgItemAsync).Requires(Operation.ViewPublicRegistry).WithTags(Lists)
            .WithName("GetSdgTarget").WithSummary("One SDG target or indicator with the recommendations linked to it that the reader may read.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var output = api.MapGroup("/processes/{slug}/outputs/{id:int}/recommendations").WithTags("Recommendations")
            .ProducesProblem(StatusCodes.Status404NotFound);
        output.MapGet("/", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListRecommendations").WithSummary("The recommendations of an output, for the output's audience.");
        output.MapGet("/{number:int}", GetAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetRecommendation").WithSummary("One recommendation with its translations, links and origin.");
        output.MapPost("/", AddAsync).Requires(Operation.DraftOutputs)
            .WithName("AddRecommendation").WithSummary("Adds a recommendation to a draft output (the next number). At least one addressee.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem().RefusesWithout("text", "originalLanguage");
        output.MapPut("/{number:int}", UpdateAsync).Requires(Operation.DraftOutputs)
            .WithName("ReplaceRecommendation").WithSummary("Replaces a recommendation; once the output is adopted its text and language must stay as they are.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem().RefusesWithout("text", "originalLanguage");
        output.MapPut("/{number:int}/translations", TranslateAsync).Requires(Operation.DraftOutputs)
            .WithName("SaveRecommendationTranslation").WithSummary("Adds or replaces the translation into one language, with its status (Draft or Final).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem().RefusesWithout("language", "text");
        output.MapPost("/carried", CarryAsync).Requires(Operation.DraftOutputs)
            .WithName("CarryRecommendation").WithSummary("Carries a recommendation point of a session report of the process into this draft output; once per output.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        return api;
    }

    private static ObjectiveAnswer Answer(GcmObjective o, string language, int count)
    {
        var title = o.Title(language);
        return new ObjectiveAnswer(o.Number, title.Text, title.Language, title.IsEnglishFallback, o.Short(language).Text, o.Titles, o.SourceOf(title.Language), count);
    }

    private static SdgAnswer Answer(SdgItem i, int count) => new(i.Code, i.Kind, i.Goal, i.Target, i.TextEn, i.Source, count);

    private static async Task<Ok<IReadOnlyList<ObjectiveAnswer>>> ObjectivesAsync(ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct)
    {
        var counts = await RecommendationQueries.GcmCountsAsync(db, await readers.CurrentAsync(user), ct);
        return TypedResults.Ok<IReadOnlyList<ObjectiveAnswer>>(GlobalFrameworks.Objectives.Select(o => Answer(o, Cultures.Current, counts.GetValueOrDefault(o.Number))).ToList());
    }

    private static async Task<Results<Ok<ObjectiveDetailsAnswer>, ProblemHttpResult>> ObjectiveAsync(
        int number, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct)
    {
        if (GlobalFrameworks.Objective(number) is not { } objective)
        {
            return NotFound("Objective not found", "The objectives of the Global Compact are numbered 1 to 23.");
        }
        var linked = await RecommendationQueries.LinkedToObjectiveAsync(db, await readers.CurrentAsync(user), number, Cultures.Current, ct);
        return TypedResults.Ok(new ObjectiveDetailsAnswer(Answer(objective, Cultures.Current, linked.Count), linked));
    }

    private static async Task<Ok<IReadOnlyList<SdgAnswer>>> SdgListAsync(ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct)
    {
        var counts = await RecommendationQueries.SdgCountsAsync(db, await readers.CurrentAsync(user), ct);
        return TypedResults.Ok<IReadOnlyList<SdgAnswer>>(GlobalFrameworks.Sdg.Select(i => Answer(i, counts.GetValueOrDefault(i.Code))).ToList());
    }

    private static async Task<Results<Ok<SdgDetailsAnswer>, ProblemHttpResult>> SdgItemAsync(
        string code, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct)
    {
        if (GlobalFrameworks.SdgByCode(code) is not { } item)
        {
            return NotFound("Target not found", "This code is not one of the migration-related SDG targets and indicators.");
        }
        var linked = await RecommendationQueries.LinkedToSdgAsync(db, await readers.CurrentAsync(user), item.Code, Cultures.Current, ct);
        return TypedResults.Ok(new SdgDetailsAnswer(Answer(item, linked.Count), linked));
    }

    private static async Task<Results<Ok<IReadOnlyList<RecommendationDetails>>, ProblemHttpResult>> ListAsync(
        AddressedProcess process, int id, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct) =>
        await RecommendationQueries.OutputAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not null
            ? TypedResults.Ok(await RecommendationQueries.ListAsync(db, id, Cultures.Current, ct))
            : NoOutput();

    private static async Task<Results<Ok<RecommendationAnswer>, ProblemHttpResult>> GetAsync(
        AddressedProcess process, int id, int number, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(user);
        if (await RecommendationQueries.OutputAsync(db, reader, process.Id, id, ct) is null
            || await RecommendationQueries.OneAsync(db, id, number, Cultures.Current, ct) is not { } recommendation)
        {
            return NoOutput();
        }
        var origin = recommendation.SourcePointId is { } point ? await RecommendationQueries.OriginAsync(db, reader, point, ct) : null;
        return TypedResults.Ok(new RecommendationAnswer(id, recommendation, origin));
    }

    private static async Task<Results<Created<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddressedProcess process, int id, RecommendationDraft draft, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<RecommendationsText> t, CancellationToken ct)
    {
        if (await RecommendationQueries.OutputAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not { } output)
        {
            return NoOutput();
        }
        var outcome = await new RecommendationCommands(db, clock, t).AddAsync(output, draft, ct);
        return outcome.Succeeded ? await CreatedAsync(db, process, id, outcome.Id, ct) : outcome.Errors.ToProblem();
    }

    private static async Task<Results<Ok<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AddressedProcess process, int id, int number, RecommendationDraft draft, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<RecommendationsText> t, CancellationToken ct)
    {
        if (await RecommendationQueries.OutputAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not { } output)
        {
            return NoOutput();
        }
        var outcome = await new RecommendationCommands(db, clock, t).UpdateAsync(output, number, draft, ct);
        return outcome.IsNotFound ? NoOutput()
            : outcome.Succeeded ? TypedResults.Ok((await RecommendationQueries.OneAsync(db, id, number, Cultures.Current, ct))!)
            : outcome.Errors.ToProblem();
    }

    private static async Task<Results<Ok<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> TranslateAsync(
        AddressedProcess process, int id, int number, TranslationDraft draft, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<RecommendationsText> t, CancellationToken ct)
    {
        if (await RecommendationQueries.OutputAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not { } output)
        {
            return NoOutput();
        }
        var outcome = await new RecommendationCommands(db, clock, t).SaveTranslationAsync(output, number, draft, ct);
        return outcome.IsNotFound ? NoOutput()
            : outcome.Succeeded ? TypedResults.Ok((await RecommendationQueries.OneAsync(db, id, number, Cultures.Current, ct))!)
            : outcome.Errors.ToProblem();
    }

    private static async Task<Results<Created<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> CarryAsync(
        AddressedProcess process, int id, CarryRequest request, ClaimsPrincipal user, AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<RecommendationsText> t, CancellationToken ct)
    {
        if (await RecommendationQueries.OutputAsync(db, await readers.CurrentAsync(user), process.Id, id, ct) is not { } output)
        {
            return NoOutput();
        }
        var outcome = await new RecommendationCommands(db, clock, t).CarryAsync(process.Id, request.PointId, output, ct);
        return outcome.Succeeded ? await CreatedAsync(db, process, id, outcome.Id, ct) : outcome.Errors.ToProblem();
    }

    private static async Task<Created<RecommendationDetails>> CreatedAsync(AppDbContext db, AddressedProcess process, int outputId, int number, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/processes/{process.Slug}/outputs/{outputId}/recommendations/{number}",
            (await RecommendationQueries.OneAsync(db, outputId, number, Cultures.Current, ct))!);

    private static ProblemHttpResult NoOutput() =>
        NotFound("Not found", "There is no such output or recommendation that you may see in this process.");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
