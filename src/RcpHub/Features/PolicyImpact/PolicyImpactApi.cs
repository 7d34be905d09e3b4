using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.PolicyImpact;

/// <summary>/api/v1/processes/{slug}/policy-changes and /impact: the policy changes of a process and their regional
/// convergence, with the same authorization and rules as the pages.</summary>
public static class PolicyImpactApi
{
    /// <summary>The regional convergence: the changes the reader may see that the filter keeps, per state (by theme
    /// and GCM objective) and per year.</summary>
    public sealed record ConvergenceDocument(
        IReadOnlyList<ConvergenceState> States, IReadOnlyList<ConvergenceYear> Years, IReadOnlyList<string> Themes, IReadOnlyList<int> GcmObjectives, int Changes);

    public static RouteGroupBuilder MapPolicyImpactApi(this RouteGroupBuilder api)
    {
        var process = api.MapGroup("/processes/{slug}").WithTags("Policy impact")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        process.MapGet("/policy-changes", ListAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("ListPolicyChanges")
            .WithSummary("The policy changes the reader may see, newest first (members of the process see all; others only those answering public outputs), filtered by theme, GCM objective and kind.");
        process.MapGet("/impact", ConvergenceAsync).Requires(Operation.ViewPublicRegistry)
            .WithName("GetPolicyConvergence")
            .WithSummary("Regional convergence of the policy changes the reader may see: per state by theme and GCM objective, and per year.");
        process.MapPost("/policy-changes", RecordAsync).Requires(Operation.RecordPolicyChanges)
            .WithName("RecordPolicyChange")
            .WithSummary("Records a law, policy or practice a member state changed (a focal point for their own state, the secretariat for any member state).")
            .ProducesValidationProblem().RefusesWithout("stateCode", "title", "kind", "on");
        process.MapPut("/policy-changes/{id:int}", UpdateAsync).Requires(Operation.RecordPolicyChanges)
            .WithName("UpdatePolicyChange").WithSummary("Corrects a policy change.")
            .ProducesValidationProblem().RefusesWithout("stateCode", "title", "kind", "on");
        process.MapDelete("/policy-changes/{id:int}", RemoveAsync).Requires(Operation.RecordPolicyChanges)
            .WithName("RemovePolicyChange").WithSummary("Removes a policy change recorded by mistake (the audit log keeps it).");
        return api;
    }

    private static async Task<Convergence> LoadAsync(AppDbContext db, IAuthorizationService authorization, HttpContext http, AddressedProcess process,
        string? theme, int? objective, PolicyChangeKind? kind, CancellationToken ct)
    {
        var readsFollowUp = await authorization.MayAsync(http, Operation.ViewFollowUp);
        var filter = new ConvergenceFilter(string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(), objective, kind);
        return await Convergence.LoadAsync(db, process.Id, readsFollowUp, filter, ct);
    }

    private static async Task<Ok<IReadOnlyList<PolicyChangeRow>>> ListAsync(AppDbContext db, IAuthorizationService authorization, HttpContext http,
        AddressedProcess process, string? theme, int? objective, PolicyChangeKind? kind, CancellationToken ct) =>
        TypedResults.Ok((await LoadAsync(db, authorization, http, process, theme, objective, kind, ct)).Changes);

    private static async Task<Ok<ConvergenceDocument>> ConvergenceAsync(AppDbContext db, IAuthorizationService authorization, HttpContext http,
        AddressedProcess process, string? theme, int? objective, PolicyChangeKind? kind, CancellationToken ct)
    {
        var view = await LoadAsync(db, authorization, http, process, theme, objective, kind, ct);
        return TypedResults.Ok(new ConvergenceDocument(view.States, view.Years, view.Themes, view.Objectives, view.Changes.Count));
    }

    private static async Task<Results<Created<PolicyChangeRow>, ValidationProblem>> RecordAsync(AppDbContext db, TimeProvider clock, ProcessAccess access,
        IStringLocalizer<PolicyImpactText> t, HttpContext http, AddressedProcess process, PolicyChangeInput change, CancellationToken ct)
    {
        var outcome = await PolicyChanges.SaveAsync(db, clock, t, process.Id, null, change, await PolicyRecorder.OfAsync(access, http.User, process.Id), ct);
        if (!outcome.Saved)
        {
            return TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The policy change could not be recorded."]);
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/policy-changes/{outcome.Id}", await RowAsync(db, process, outcome.Id!.Value, ct));
    }

    private static async Task<Results<Ok<PolicyChangeRow>, ValidationProblem, ProblemHttpResult>> UpdateAsync(AppDbContext db, TimeProvider clock,
        ProcessAccess access, IStringLocalizer<PolicyImpactText> t, HttpContext http, AddressedProcess process, int id, PolicyChangeInput change, CancellationToken ct)
    {
        var outcome = await PolicyChanges.SaveAsync(db, clock, t, process.Id, id, change, await PolicyRecorder.OfAsync(access, http.User, process.Id), ct);
        if (outcome.NotFound)
        {
            return NoChange(t);
        }
        if (!outcome.Saved)
        {
            return TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The policy change could not be saved."]);
        }
        return TypedResults.Ok(await RowAsync(db, process, id, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(AppDbContext db, ProcessAccess access, IStringLocalizer<PolicyImpactText> t,
        HttpContext http, AddressedProcess process, int id, CancellationToken ct) =>
        await PolicyChanges.RemoveAsync(db, process.Id, id, await PolicyRecorder.OfAsync(access, http.User, process.Id), ct)
            ? TypedResults.NoContent()
            : NoChange(t);

    private static ProblemHttpResult NoChange(IStringLocalizer<PolicyImpactText> t) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["No such policy change of a state you may record for."]);

    private static async Task<PolicyChangeRow> RowAsync(AppDbContext db, AddressedProcess process, int id, CancellationToken ct) =>
        (await Convergence.LoadAsync(db, process.Id, readsFollowUp: true, new ConvergenceFilter(null, null, null), ct)).Changes.Single(c => c.Id == id);
}
