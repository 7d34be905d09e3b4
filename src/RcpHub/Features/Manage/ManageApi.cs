using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>The secretariat's JSON API: the same commands and rules as its pages, under /api/v1/processes/{slug}.</summary>
public static class ManageApi
{
    public static RouteGroupBuilder MapManageApi(this RouteGroupBuilder api)
    {
        var process = api.MapGroup("/processes/{slug}").WithTags("Process management")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        process.MapGet("/profile", GetProfileAsync).Requires(Operation.EditProcessProfile)
            .WithName("GetProcessProfile").WithSummary("The process's editable profile: names, status, descriptions, sources and themes.");
        process.MapPut("/profile", PutProfileAsync).Requires(Operation.EditProcessProfile)
            .WithName("ReplaceProcessProfile").WithSummary("Replaces the whole profile; a field left out is emptied. Themes are named; a new name creates the theme.")
            .ProducesValidationProblem();
        process.MapPatch("/profile", PatchProfileAsync).Requires(Operation.EditProcessProfile)
            .WithName("UpdateProcessProfile").WithSummary("Changes the fields given (JSON merge patch) and keeps the others.")
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest);

        process.MapGet("/memberships", ListMembershipsAsync).Requires(Operation.ManageMembership)
            .WithName("ListMemberships").WithSummary("Every membership of the process, current and past, with join and leave dates.");
        process.MapGet("/memberships/{id:int}", GetMembershipAsync).Requires(Operation.ManageMembership)
            .WithName("GetMembership").WithSummary("One membership.");
        process.MapPost("/memberships", AddMembershipAsync).Requires(Operation.ManageMembership)
            .WithName("AddMembership").WithSummary("Adds a state (member or observer) or an organisation (any role) with the date it joined.")
            .ProducesValidationProblem();
        process.MapPost("/memberships/{id:int}/end", EndMembershipAsync).Requires(Operation.ManageMembership)
            .WithName("EndMembership").WithSummary("Sets the date a membership ends (a future date plans the departure). The membership stays in the history.")
            .ProducesValidationProblem();
        process.MapPost("/memberships/{id:int}/change-to-member", ChangeToMemberAsync).Requires(Operation.ManageMembership)
            .WithName("ChangeObserverToMember").WithSummary("Ends an observer state's membership and makes it a member from the same day; returns the new membership.")
            .ProducesValidationProblem();

        process.MapGet("/chair-terms", ListChairTermsAsync).Requires(Operation.ManageChairs)
            .WithName("ListChairTerms").WithSummary("The chair terms, latest first.");
        process.MapPost("/chair-terms", AddChairTermAsync).Requires(Operation.ManageChairs)
            .WithName("AddChairTerm").WithSummary("Records a chair term of a state or an organisation.")
            .ProducesValidationProblem();
        process.MapPut("/chair-terms/{id:int}", UpdateChairTermAsync).Requires(Operation.ManageChairs)
            .WithName("UpdateChairTerm").WithSummary("Corrects a chair term.")
            .ProducesValidationProblem();
        process.MapDelete("/chair-terms/{id:int}", RemoveChairTermAsync).Requires(Operation.ManageChairs)
            .WithName("RemoveChairTerm").WithSummary("Removes a chair term recorded by mistake.");
        process.MapGet("/chair-rotation", GetChairRotationAsync).Requires(Operation.ManageChairs)
            .WithName("GetChairRotation").WithSummary("The rotation order of member states and the length of a term.");
        process.MapPut("/chair-rotation", PutChairRotationAsync).Requires(Operation.ManageChairs)
            .WithName("SetChairRotation").WithSummary("Sets the rotation order (state codes, current member states) and, when given, the term length in months.")
            .ProducesValidationProblem();
        process.MapGet("/chair-schedule", GetChairScheduleAsync).Requires(Operation.ManageChairs)
            .WithName("GetChairSchedule").WithSummary("The next chairs, from the rotation order, the term length and the latest chair term.");

        process.MapGet("/bodies", ListBodiesAsync).Requires(Operation.ManageBodies)
            .WithName("ListBodies").WithSummary("The process's steering committee, working groups and expert groups.");
        process.MapGet("/bodies/{id:int}", GetBodyAsync).Requires(Operation.ManageBodies)
            .WithName("GetBody").WithSummary("One body with its members, current and past.");
        process.MapPost("/bodies", AddBodyAsync).Requires(Operation.ManageBodies)
            .WithName("AddBody").WithSummary("Sets up a body.")
            .ProducesValidationProblem();
        process.MapPut("/bodies/{id:int}", UpdateBodyAsync).Requires(Operation.ManageBodies)
            .WithName("UpdateBody").WithSummary("Changes a body's kind, name, mandate and dates.")
            .ProducesValidationProblem();
        process.MapPost("/bodies/{id:int}/members", AddBodyMemberAsync).Requires(Operation.ManageBodies)
            .WithName("AddBodyMember").WithSummary("Seats a state or an organisation on a body.")
            .ProducesValidationProblem();
        process.MapPut("/bodies/{id:int}/members/{memberId:int}", UpdateBodyMemberAsync).Requires(Operation.ManageBodies)
            .WithName("UpdateBodyMember").WithSummary("Changes a seat: chair or not, joined and left dates (a leave date ends the seat and keeps it in the history).")
            .ProducesValidationProblem();
        return api;
    }

    /// <summary>What every handler here needs: the process from the address, the database, the rules' messages.</summary>
    public sealed class ManageRequest
    {
        [FromRoute(Name = "slug")]
        public required string Slug { get; init; }

        public required AppDbContext Db { get; init; }
        public required IStringLocalizer<ManageText> T { get; init; }
        public required TimeProvider Clock { get; init; }
        public required HttpContext Http { get; init; }

        public CancellationToken Aborted => Http.RequestAborted;

        public Task<ManagedProcess?> ProcessAsync() => ManagedProcess.FindAsync(Db, Slug, Aborted);

        public MembershipCommands Memberships => new(Db, T, Clock);
        public ChairCommands Chairs => new(Db, T, Clock);
        public BodyCommands Bodies => new(Db, T, Clock);
        public ProfileCommands Profile => new(Db, T, Clock);

        public ProblemHttpResult NoProcess() => NotFound(T["There is no process at this address."]);

        public ProblemHttpResult NotFound(string detail) =>
            TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: T["Not found"]);
    }

    private static async Task<Results<Ok<ProfileInput>, ProblemHttpResult>> GetProfileAsync([AsParameters] ManageRequest r)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        return TypedResults.Ok((await r.Profile.ReadAsync(process.Id, r.Aborted))!);
    }

    private static async Task<Results<Ok<ProfileInput>, ProblemHttpResult, ValidationProblem>> PutProfileAsync(
        [AsParameters] ManageRequest r, ProfileInput profile)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Profile.SaveAsync(process.Id, profile, r.Aborted);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await r.Profile.ReadAsync(process.Id, r.Aborted))!);
    }

    private static async Task<Results<Ok<ProfileInput>, ProblemHttpResult, ValidationProblem>> PatchProfileAsync(
        [AsParameters] ManageRequest r, JsonObject patch, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var options = json.Value.SerializerOptions;
        var merged = JsonSerializer.SerializeToNode((await r.Profile.ReadAsync(process.Id, r.Aborted))!, options)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var field = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                return TypedResults.Problem(r.T["The profile has no field “{0}”.", name], statusCode: StatusCodes.Status400BadRequest);
            }
            merged[field] = value?.DeepClone();
        }
        ProfileInput profile;
        try
        {
            profile = merged.Deserialize<ProfileInput>(options)!;
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(r.T["A field has a value of the wrong kind: {0}", e.Path ?? ""], statusCode: StatusCodes.Status400BadRequest);
        }
        var outcome = await r.Profile.SaveAsync(process.Id, profile, r.Aborted);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await r.Profile.ReadAsync(process.Id, r.Aborted))!);
    }

    private static async Task<Results<Ok<IReadOnlyList<MembershipRow>>, ProblemHttpResult>> ListMembershipsAsync([AsParameters] ManageRequest r)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        return TypedResults.Ok(await r.Memberships.ListAsync(process.Id, ct: r.Aborted));
    }

    private static async Task<Results<Ok<MembershipRow>, ProblemHttpResult>> GetMembershipAsync([AsParameters] ManageRequest r, int id)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var rows = await r.Memberships.ListAsync(process.Id, id, r.Aborted);
        return rows.Count == 0 ? NoMembership(r) : TypedResults.Ok(rows[0]);
    }

    private static ProblemHttpResult NoMembership(ManageRequest r) => r.NotFound(r.T["There is no such membership in this process."]);

    private static async Task<Results<Created<MembershipRow>, ProblemHttpResult, ValidationProblem>> AddMembershipAsync(
        [AsParameters] ManageRequest r, MembershipInput membership)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Memberships.AddAsync(process.Id, membership, r.Aborted);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var row = (await r.Memberships.ListAsync(process.Id, outcome.Id, r.Aborted))[0];
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/memberships/{row.Id}", row);
    }

    private static Task<Results<Ok<MembershipRow>, ProblemHttpResult, ValidationProblem>> EndMembershipAsync(
        [AsParameters] ManageRequest r, int id, EndMembershipInput end) =>
        ActOnMembershipAsync(r, process => r.Memberships.EndAsync(process.Id, id, end, r.Aborted));

    private static Task<Results<Ok<MembershipRow>, ProblemHttpResult, ValidationProblem>> ChangeToMemberAsync(
        [AsParameters] ManageRequest r, int id, ChangeToMemberInput change) =>
        ActOnMembershipAsync(r, process => r.Memberships.ChangeToMemberAsync(process.Id, id, change, r.Aborted));

    private static async Task<Results<Ok<MembershipRow>, ProblemHttpResult, ValidationProblem>> ActOnMembershipAsync(
        ManageRequest r, Func<ManagedProcess, Task<Outcome>> act)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await act(process);
        if (outcome.IsNotFound)
        {
            return NoMembership(r);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await r.Memberships.ListAsync(process.Id, outcome.Id, r.Aborted))[0]);
    }

    private static async Task<Results<Ok<IReadOnlyList<ChairTermRow>>, ProblemHttpResult>> ListChairTermsAsync([AsParameters] ManageRequest r)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        return TypedResults.Ok(await r.Chairs.TermsAsync(process.Id, ct: r.Aborted));
    }

    private static async Task<Results<Created<ChairTermRow>, ProblemHttpResult, ValidationProblem>> AddChairTermAsync(
        [AsParameters] ManageRequest r, ChairTermInput term)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Chairs.AddTermAsync(process.Id, term, r.Aborted);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var row = (await r.Chairs.TermsAsync(process.Id, outcome.Id, r.Aborted))[0];
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/chair-terms/{row.Id}", row);
    }

    private static async Task<Results<Ok<ChairTermRow>, ProblemHttpResult, ValidationProblem>> UpdateChairTermAsync(
        [AsParameters] ManageRequest r, int id, ChairTermInput term)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Chairs.UpdateTermAsync(process.Id, id, term, r.Aborted);
        if (outcome.IsNotFound)
        {
            return NoChairTerm(r);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await r.Chairs.TermsAsync(process.Id, id, r.Aborted))[0]);
    }

    private static ProblemHttpResult NoChairTerm(ManageRequest r) => r.NotFound(r.T["There is no such chair term in this process."]);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveChairTermAsync([AsParameters] ManageRequest r, int id)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Chairs.RemoveTermAsync(process.Id, id, r.Aborted);
        return outcome.IsNotFound ? NoChairTerm(r) : TypedResults.NoContent();
    }

    /// <summary>The rotation order and the term length.</summary>
    public sealed record ChairRotationDocument(IReadOnlyList<RotationEntry> Order, int? TermMonths);

    private static async Task<Results<Ok<ChairRotationDocument>, ProblemHttpResult>> GetChairRotationAsync([AsParameters] ManageRequest r)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        return TypedResults.Ok(await RotationDocumentAsync(r, process));
    }

    private static async Task<ChairRotationDocument> RotationDocumentAsync(ManageRequest r, ManagedProcess process)
    {
        var rotation = await r.Chairs.RotationAsync(process.Id, r.Aborted);
        var schedule = await r.Chairs.ScheduleAsync(process.Id, rotation, 0, r.Aborted);
        return new ChairRotationDocument(rotation, schedule!.TermMonths);
    }

    private static async Task<Results<Ok<ChairRotationDocument>, ProblemHttpResult, ValidationProblem>> PutChairRotationAsync(
        [AsParameters] ManageRequest r, ChairRotationInput rotation)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Chairs.SetRotationAsync(process.Id, rotation, r.Aborted);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok(await RotationDocumentAsync(r, process));
    }

    private static async Task<Results<Ok<ChairSchedule>, ProblemHttpResult>> GetChairScheduleAsync([AsParameters] ManageRequest r)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var rotation = await r.Chairs.RotationAsync(process.Id, r.Aborted);
        return TypedResults.Ok((await r.Chairs.ScheduleAsync(process.Id, rotation, ct: r.Aborted))!);
    }

    private static async Task<Results<Ok<IReadOnlyList<BodyRow>>, ProblemHttpResult>> ListBodiesAsync([AsParameters] ManageRequest r)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        return TypedResults.Ok(await r.Bodies.ListAsync(process.Id, r.Aborted));
    }

    private static ProblemHttpResult NoBody(ManageRequest r) => r.NotFound(r.T["There is no such body in this process."]);

    private static async Task<Results<Ok<BodyDetail>, ProblemHttpResult>> GetBodyAsync([AsParameters] ManageRequest r, int id)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        return await r.Bodies.FindAsync(process.Id, id, r.Aborted) is { } body ? TypedResults.Ok(body) : NoBody(r);
    }

    private static async Task<Results<Created<BodyDetail>, ProblemHttpResult, ValidationProblem>> AddBodyAsync(
        [AsParameters] ManageRequest r, BodyInput body)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Bodies.AddAsync(process.Id, body, r.Aborted);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/bodies/{outcome.Id}", await r.Bodies.FindAsync(process.Id, outcome.Id, r.Aborted));
    }

    private static async Task<Results<Ok<BodyDetail>, ProblemHttpResult, ValidationProblem>> UpdateBodyAsync(
        [AsParameters] ManageRequest r, int id, BodyInput body)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Bodies.UpdateAsync(process.Id, id, body, r.Aborted);
        if (outcome.IsNotFound)
        {
            return NoBody(r);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await r.Bodies.FindAsync(process.Id, id, r.Aborted))!);
    }

    private static async Task<Results<Created<BodyMemberRow>, ProblemHttpResult, ValidationProblem>> AddBodyMemberAsync(
        [AsParameters] ManageRequest r, int id, BodyMemberInput member)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Bodies.AddMemberAsync(process.Id, id, member, r.Aborted);
        if (outcome.IsNotFound)
        {
            return NoBody(r);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var row = (await r.Bodies.FindAsync(process.Id, id, r.Aborted))!.Members.First(m => m.Id == outcome.Id);
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/bodies/{id}/members/{row.Id}", row);
    }

    private static async Task<Results<Ok<BodyMemberRow>, ProblemHttpResult, ValidationProblem>> UpdateBodyMemberAsync(
        [AsParameters] ManageRequest r, int id, int memberId, BodyMemberUpdate seat)
    {
        if (await r.ProcessAsync() is not { } process)
        {
            return r.NoProcess();
        }
        var outcome = await r.Bodies.UpdateMemberAsync(process.Id, id, memberId, seat, r.Aborted);
        if (outcome.IsNotFound)
        {
            return r.NotFound(r.T["There is no such member of this body."]);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await r.Bodies.FindAsync(process.Id, id, r.Aborted))!.Members.First(m => m.Id == memberId));
    }
}
