using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Evaluation;

/// <summary>Evaluation rounds under /api/v1/processes/{slug}/evaluation/rounds: the same rules, figures and authorization
/// as the pages (members read, the secretariat opens and closes).</summary>
public static class EvaluationApi
{
    /// <summary>How far a set of (recommendation, state) pairs is accomplished. <c>statuses</c> counts each status by name.</summary>
    public sealed record TallyJson(int Asked, int Reported, int NotReported, IReadOnlyDictionary<string, int> Statuses, double? ImplementedShare)
    {
        public static TallyJson Of(Tally tally) => new(tally.Asked, tally.Reported, tally.NotReported,
            EvaluationReport.Statuses.ToDictionary(s => s.ToString(), tally.Count), tally.ImplementedShareRounded());
    }

    /// <param name="State">"scheduled", "open" or "closed" (past its deadline counts as closed).</param>
    public sealed record RoundJson(int Id, string Title, int? OutputId, string? OutputTitle, DateTimeOffset OpensAt, DateTimeOffset DeadlineAt,
        DateTimeOffset? ClosedAt, string State, TallyJson Progress);

    public sealed record StateProgressJson(string State, string Name, int Asked, int Reported, int Validated, double? ImplementedShare);
    public sealed record ProgressJson(RoundJson Round, IReadOnlyList<StateProgressJson> States);

    public sealed record KeyedTallyJson(string Key, string Name, TallyJson Tally, double? PreviousImplementedShare);
    public sealed record TrendJson(int RoundId, string Title, TallyJson Tally);

    public sealed record ReportJson(RoundJson Round, RoundJson? PreviousRound, IReadOnlyList<KeyedTallyJson> ByRecommendation,
        IReadOnlyList<KeyedTallyJson> ByState, IReadOnlyList<KeyedTallyJson> ByTheme, IReadOnlyList<KeyedTallyJson> ByGcmObjective, IReadOnlyList<TrendJson> Trend);

    public static RouteGroupBuilder MapEvaluationApi(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/processes/{slug}/evaluation/rounds").WithTags("Evaluation")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        rounds.MapGet("", ListAsync).Requires(Operation.ViewFollowUp)
            .WithName("ListEvaluationRounds").WithSummary("The process's evaluation rounds, latest first, each with its progress.");
        rounds.MapPost("", OpenAsync).Requires(Operation.ReviewFollowUp)
            .WithName("OpenEvaluationRound").WithSummary("Opens a round on one adopted output (outputId) or all of them (no outputId); opensAt defaults to now, deadlineAt must come after it.")
            .ProducesValidationProblem().RefusesWithout("title", "deadlineAt");
        rounds.MapPost("/{roundId:int}/close", CloseAsync).Requires(Operation.ReviewFollowUp)
            .WithName("CloseEvaluationRound").WithSummary("Closes a round before its deadline (a closed round stays closed).");
        rounds.MapGet("/{roundId:int}/progress", ProgressAsync).Requires(Operation.ViewFollowUp)
            .WithName("GetEvaluationProgress").WithSummary("Per state: recommendations asked, reported and validated in the round.");
        rounds.MapGet("/{roundId:int}/report", ReportAsync).Requires(Operation.ViewFollowUp)
            .WithName("GetEvaluationReport").WithSummary("The evaluation report: accomplishment per recommendation, state, theme and GCM objective, the previous round's shares and the trend.");
        return api;
    }

    private static double? ImplementedShareRounded(this Tally tally) => tally.ShareImplemented is { } s ? Math.Round(s, 4) : null;

    private static RoundJson Json(RoundFigures f, DateTimeOffset now) => new(f.Round.Id, f.Round.Title, f.Round.OutputId, f.Round.OutputTitle,
        f.Round.OpensAt, f.Round.DeadlineAt, f.Round.ClosedAt ?? (f.Round.IsClosedAt(now) ? f.Round.DeadlineAt : null), f.Round.StateName(now), TallyJson.Of(f.Overall));

    private static ProblemHttpResult NoRound(IStringLocalizer<EvaluationText> t) =>
        TypedResults.Problem(t["There is no such evaluation round in this process."], statusCode: StatusCodes.Status404NotFound, title: t["Not found"]);

    private static async Task<Ok<IReadOnlyList<RoundJson>>> ListAsync(AddressedProcess process, ClaimsPrincipal user, EvaluationReports reports, CancellationToken ct)
    {
        var (list, figures) = await reports.RoundsAsync(user, process.Id, ct);
        return TypedResults.Ok<IReadOnlyList<RoundJson>>(list.Select(r => Json(figures[r.Id], reports.Now)).ToList());
    }

    private static async Task<Results<Created<RoundJson>, ValidationProblem>> OpenAsync(
        AddressedProcess process, OpenRoundInput round, ClaimsPrincipal user, EvaluationRounds rounds, EvaluationReports reports, CancellationToken ct)
    {
        var outcome = await rounds.OpenAsync(process.Id, ProcessAccess.UserIdOf(user)!, round, new FieldErrors(), ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var report = (await reports.LoadAsync(user, process.Id, outcome.Id, ct))!;
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/evaluation/rounds/{outcome.Id}/report", Json(report.Current, reports.Now));
    }

    private static async Task<Results<Ok<RoundJson>, ProblemHttpResult>> CloseAsync(
        AddressedProcess process, int roundId, ClaimsPrincipal user, EvaluationRounds rounds, EvaluationReports reports, IStringLocalizer<EvaluationText> t, CancellationToken ct)
    {
        if ((await rounds.CloseAsync(process.Id, roundId, ct)).IsNotFound)
        {
            return NoRound(t);
        }
        var report = (await reports.LoadAsync(user, process.Id, roundId, ct))!;
        return TypedResults.Ok(Json(report.Current, reports.Now));
    }

    private static async Task<Results<Ok<ProgressJson>, ProblemHttpResult>> ProgressAsync(
        AddressedProcess process, int roundId, ClaimsPrincipal user, EvaluationReports reports, IStringLocalizer<EvaluationText> t, CancellationToken ct)
    {
        if (await reports.LoadAsync(user, process.Id, roundId, ct) is not { } report)
        {
            return NoRound(t);
        }
        var current = report.Current;
        return TypedResults.Ok(new ProgressJson(Json(current, reports.Now), current.States.Select(code => new StateProgressJson(code, report.StateName(code),
            current.ByState[code].Asked, current.ByState[code].Reported, current.ValidatedByState.GetValueOrDefault(code)?.Reported ?? 0,
            current.ByState[code].ImplementedShareRounded())).ToList()));
    }

    private static async Task<Results<Ok<ReportJson>, ProblemHttpResult>> ReportAsync(
        AddressedProcess process, int roundId, ClaimsPrincipal user, EvaluationReports reports, EvaluationLabels labels, IStringLocalizer<EvaluationText> t, CancellationToken ct)
    {
        if (await reports.LoadAsync(user, process.Id, roundId, ct) is not { } report)
        {
            return NoRound(t);
        }
        var (current, previous) = (report.Current, report.Previous);
        static string Key(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new ReportJson(
            Json(current, reports.Now),
            previous is null ? null : Json(previous, reports.Now),
            current.Recommendations.Select(r => new KeyedTallyJson(Key(r.Id), $"{r.OutputTitle}: {labels.Recommendation(r)}",
                TallyJson.Of(current.ByRecommendation.GetValueOrDefault(r.Id) ?? new Tally()), previous?.ByRecommendation.GetValueOrDefault(r.Id)?.ImplementedShareRounded())).ToList(),
            current.States.Select(s => new KeyedTallyJson(s, report.StateName(s), TallyJson.Of(current.ByState[s]), previous?.ByState.GetValueOrDefault(s)?.ImplementedShareRounded())).ToList(),
            report.Themes.Select(x => new KeyedTallyJson(Key(x.Id), x.Name, TallyJson.Of(current.ByTheme[x.Id]), previous?.ByTheme.GetValueOrDefault(x.Id)?.ImplementedShareRounded())).ToList(),
            report.GcmObjectives.Select(o => new KeyedTallyJson(Key(o), EvaluationLabels.Objective(o), TallyJson.Of(current.ByGcmObjective[o]), previous?.ByGcmObjective.GetValueOrDefault(o)?.ImplementedShareRounded())).ToList(),
            report.Trend.Select(f => new TrendJson(f.Round.Id, f.Round.Title, TallyJson.Of(f.Overall))).ToList()));
    }
}
