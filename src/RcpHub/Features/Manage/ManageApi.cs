using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
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
            .ProducesValidationProblem().RefusesWithout("name", "acronym", "region");
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
            .ProducesValidationProblem().RefusesWithout("role", "joinedOn");
        process.MapPost("/memberships/{id:int}/end", EndMembershipAsync).Requires(Operation.ManageMembership)
            .WithName("EndMembership").WithSummary("Sets the date a membership ends (a future date plans the departure). The membership stays in the history.")
            .ProducesValidationProblem().RefusesWithout("leftOn");
        process.MapPost("/memberships/{id:int}/change-to-member", ChangeToMemberAsync).Requires(Operation.ManageMembership)
            .WithName("ChangeObserverToMember").WithSummary("Ends an observer state's membership and makes it a member from the same day; returns the new membership.")
            .ProducesValidationProblem().RefusesWithout("on");

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
            .ProducesValidationProblem().RefusesWithout("kind", "name");
        process.MapPut("/bodies/{id:int}", UpdateBodyAsync).Requires(Operation.ManageBodies)
            .WithName("UpdateBody").WithSummary("Changes a body's kind, name, mandate and dates.")
            .ProducesValidationProblem().RefusesWithout("kind", "name");
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
        public required AppDbContext Db { get; init; }
        public required IStringLocalizer<ManageText> T { get; init; }
        public required TimeProvider Clock { get; init; }
        public required HttpContext Http { get; init; }

        public CancellationToken Aborted => Http.RequestAborted;

        /// <summary>The process the address names, as the request resolved it (and authorized on it).</summary>
        public AddressedProcess Process => Http.AddressedProcess();

        public MembershipCommands Memberships => new(Db, T, Clock);
        public ChairCommands Chairs => new(Db, T, Clock);
        public BodyCommands Bodies => new(Db, T, Clock);
        public ProfileCommands Profile => new(Db, T, Clock);

        public ProblemHttpResult NoProcess() => NotFound(T["There is no process at this address."]);

        public ProblemHttpResult NotFound(string detail) =>
            TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: T["Not found"]);
    }

    /// <summary>Reads from the process named by the address; 404 when there is no such process or no such thing in it.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> ReadAsync<T>(
        ManageRequest r, Func<AddressedProcess, Task<T?>> read, Func<ManageRequest, ProblemHttpResult>? missing = null)
    {
        var process = r.Process;
        return await read(process) is { } found ? TypedResults.Ok(found) : (missing ?? NoProcess)(r);
    }

    /// <summary>Runs a command on the process named by the address and answers as every write here does: 404 when
    /// the process or the thing is not there, 400 with the fields' messages when refused, else what it saved.</summary>
    private static async Task<Results<TSaved, ProblemHttpResult, ValidationProblem>> WriteAsync<TSaved>(
        ManageRequest r, Func<AddressedProcess, Task<Outcome>> command, Func<AddressedProcess, int, Task<TSaved>> saved,
        Func<ManageRequest, ProblemHttpResult>? missing = null)
        where TSaved : IResult
    {
        var process = r.Process;
        var outcome = await command(process);
        if (outcome.IsNotFound)
        {
            return (missing ?? NoProcess)(r);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return await saved(process, outcome.Id);
    }

    private static ProblemHttpResult NoProcess(ManageRequest r) => r.NoProcess();
    private static ProblemHttpResult NoMembership(ManageRequest r) => r.NotFound(r.T["There is no such membership in this process."]);
    private static ProblemHttpResult NoChairTerm(ManageRequest r) => r.NotFound(r.T["There is no such chair term in this process."]);
    private static ProblemHttpResult NoBody(ManageRequest r) => r.NotFound(r.T["There is no such body in this process."]);
    private static ProblemHttpResult NoBodyMember(ManageRequest r) => r.NotFound(r.T["There is no such member of this body."]);

    private static Task<Results<Ok<ProfileInput>, ProblemHttpResult>> GetProfileAsync([AsParameters] ManageRequest r) =>
        ReadAsync(r, p => r.Profile.ReadAsync(p.Id, r.Aborted));

    private static Task<Results<Ok<ProfileInput>, ProblemHttpResult, ValidationProblem>> PutProfileAsync(
        [AsParameters] ManageRequest r, ProfileInput profile) =>
        WriteAsync(r, p => r.Profile.SaveAsync(p.Id, profile, r.Aborted), async (p, _) => TypedResults.Ok((await r.Profile.ReadAsync(p.Id, r.Aborted))!));

    /// <summary>JSON merge patch: the fields given replace the current ones, then the whole profile is checked and saved as by PUT.</summary>
    private static async Task<Results<Ok<ProfileInput>, ProblemHttpResult, ValidationProblem>> PatchProfileAsync(
        [AsParameters] ManageRequest r, JsonObject patch, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var process = r.Process;
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
        // The merged body is read here, not by the endpoint, so the API's input check is run on it by hand.
        if (ApiInput.Check(profile, r.Http.RequestServices.GetRequiredService<IStringLocalizer<Features.Shared.SharedText>>()) is { Count: > 0 } refused)
        {
            return TypedResults.ValidationProblem(refused);
        }
        return (await PutProfileAsync(r, profile)).Result switch
        {
            Ok<ProfileInput> ok => ok,
            ValidationProblem invalid => invalid,
            var other => (ProblemHttpResult)other,
        };
    }

    private static Task<Results<Ok<IReadOnlyList<MembershipRow>>, ProblemHttpResult>> ListMembershipsAsync([AsParameters] ManageRequest r) =>
        ReadAsync(r, async p => await r.Memberships.ListAsync(p.Id, ct: r.Aborted));

    private static async Task<MembershipRow?> MembershipAsync(ManageRequest r, AddressedProcess process, int id) =>
        (await r.Memberships.ListAsync(process.Id, id, r.Aborted)).FirstOrDefault();

    private static Task<Results<Ok<MembershipRow>, ProblemHttpResult>> GetMembershipAsync([AsParameters] ManageRequest r, int id) =>
        ReadAsync(r, p => MembershipAsync(r, p, id), NoMembership);

    private static Task<Results<Created<MembershipRow>, ProblemHttpResult, ValidationProblem>> AddMembershipAsync(
        [AsParameters] ManageRequest r, MembershipInput membership) =>
        WriteAsync(r, p => r.Memberships.AddAsync(p.Id, membership, r.Aborted),
            async (p, id) => TypedResults.Created($"/api/v1/processes/{p.Slug}/memberships/{id}", await MembershipAsync(r, p, id)));

    private static Task<Results<Ok<MembershipRow>, ProblemHttpResult, ValidationProblem>> EndMembershipAsync(
        [AsParameters] ManageRequest r, int id, EndMembershipInput end) =>
        WriteAsync(r, p => r.Memberships.EndAsync(p.Id, id, end, r.Aborted),
            async (p, saved) => TypedResults.Ok((await MembershipAsync(r, p, saved))!), NoMembership);

    private static Task<Results<Ok<MembershipRow>, ProblemHttpResult, ValidationProblem>> ChangeToMemberAsync(
        [AsParameters] ManageRequest r, int id, ChangeToMemberInput change) =>
        WriteAsync(r, p => r.Memberships.ChangeToMemberAsync(p.Id, id, change, r.Aborted),
            async (p, member) => TypedResults.Ok((await MembershipAsync(r, p, member))!), NoMembership);

    private static Task<Results<Ok<IReadOnlyList<ChairTermRow>>, ProblemHttpResult>> ListChairTermsAsync([AsParameters] ManageRequest r) =>
        ReadAsync(r, async p => await r.Chairs.TermsAsync(p.Id, ct: r.Aborted));

    private static async Task<ChairTermRow> ChairTermAsync(ManageRequest r, AddressedProcess process, int id) =>
        (await r.Chairs.TermsAsync(process.Id, id, r.Aborted))[0];

    private static Task<Results<Created<ChairTermRow>, ProblemHttpResult, ValidationProblem>> AddChairTermAsync(
        [AsParameters] ManageRequest r, ChairTermInput term) =>
        WriteAsync(r, p => r.Chairs.AddTermAsync(p.Id, term, r.Aborted),
            async (p, id) => TypedResults.Created($"/api/v1/processes/{p.Slug}/chair-terms/{id}", await ChairTermAsync(r, p, id)));

    private static Task<Results<Ok<ChairTermRow>, ProblemHttpResult, ValidationProblem>> UpdateChairTermAsync(
        [AsParameters] ManageRequest r, int id, ChairTermInput term) =>
        WriteAsync(r, p => r.Chairs.UpdateTermAsync(p.Id, id, term, r.Aborted),
            async (p, saved) => TypedResults.Ok(await ChairTermAsync(r, p, saved)), NoChairTerm);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveChairTermAsync([AsParameters] ManageRequest r, int id)
    {
        var process = r.Process;
        var outcome = await r.Chairs.RemoveTermAsync(process.Id, id, r.Aborted);
        return outcome.IsNotFound ? NoChairTerm(r) : TypedResults.NoContent();
    }

    /// <summary>The rotation order and the term length.</summary>
    public sealed record ChairRotationDocument(IReadOnlyList<RotationEntry> Order, int? TermMonths);

    private static async Task<ChairRotationDocument?> RotationDocumentAsync(ManageRequest r, AddressedProcess process)
    {
        var rotation = await r.Chairs.RotationAsync(process.Id, r.Aborted);
        var schedule = await r.Chairs.ScheduleAsync(process.Id, rotation, 0, r.Aborted);
        return new ChairRotationDocument(rotation, schedule!.TermMonths);
    }

    private static Task<Results<Ok<ChairRotationDocument>, ProblemHttpResult>> GetChairRotationAsync([AsParameters] ManageRequest r) =>
        ReadAsync(r, p => RotationDocumentAsync(r, p));

    private static Task<Results<Ok<ChairRotationDocument>, ProblemHttpResult, ValidationProblem>> PutChairRotationAsync(
        [AsParameters] ManageRequest r, ChairRotationInput rotation) =>
        WriteAsync(r, p => r.Chairs.SetRotationAsync(p.Id, rotation, r.Aborted),
            async (p, _) => TypedResults.Ok((await RotationDocumentAsync(r, p))!));

    private static Task<Results<Ok<ChairSchedule>, ProblemHttpResult>> GetChairScheduleAsync([AsParameters] ManageRequest r) =>
        ReadAsync(r, async p => await r.Chairs.ScheduleAsync(p.Id, await r.Chairs.RotationAsync(p.Id, r.Aborted), ct: r.Aborted));

    private static Task<Results<Ok<IReadOnlyList<BodyRow>>, ProblemHttpResult>> ListBodiesAsync([AsParameters] ManageRequest r) =>
        ReadAsync(r, async p => await r.Bodies.ListAsync(p.Id, r.Aborted));

    private static Task<Results<Ok<BodyDetail>, ProblemHttpResult>> GetBodyAsync([AsParameters] ManageRequest r, int id) =>
        ReadAsync(r, p => r.Bodies.FindAsync(p.Id, id, r.Aborted), NoBody);

    private static Task<Results<Created<BodyDetail>, ProblemHttpResult, ValidationProblem>> AddBodyAsync(
        [AsParameters] ManageRequest r, BodyInput body) =>
        WriteAsync(r, p => r.Bodies.AddAsync(p.Id, body, r.Aborted),
            async (p, id) => TypedResults.Created($"/api/v1/processes/{p.Slug}/bodies/{id}", await r.Bodies.FindAsync(p.Id, id, r.Aborted)));

    private static Task<Results<Ok<BodyDetail>, ProblemHttpResult, ValidationProblem>> UpdateBodyAsync(
        [AsParameters] ManageRequest r, int id, BodyInput body) =>
        WriteAsync(r, p => r.Bodies.UpdateAsync(p.Id, id, body, r.Aborted),
            async (p, saved) => TypedResults.Ok((await r.Bodies.FindAsync(p.Id, saved, r.Aborted))!), NoBody);

    private static async Task<BodyMemberRow> BodyMemberAsync(ManageRequest r, AddressedProcess process, int bodyId, int memberId) =>
        (await r.Bodies.FindAsync(process.Id, bodyId, r.Aborted))!.Members.First(m => m.Id == memberId);

    private static Task<Results<Created<BodyMemberRow>, ProblemHttpResult, ValidationProblem>> AddBodyMemberAsync(
        [AsParameters] ManageRequest r, int id, BodyMemberInput member) =>
        WriteAsync(r, p => r.Bodies.AddMemberAsync(p.Id, id, member, r.Aborted),
            async (p, memberId) => TypedResults.Created($"/api/v1/processes/{p.Slug}/bodies/{id}/members/{memberId}", await BodyMemberAsync(r, p, id, memberId)),
            NoBody);

    private static Task<Results<Ok<BodyMemberRow>, ProblemHttpResult, ValidationProblem>> UpdateBodyMemberAsync(
        [AsParameters] ManageRequest r, int id, int memberId, BodyMemberUpdate seat) =>
        WriteAsync(r, p => r.Bodies.UpdateMemberAsync(p.Id, id, memberId, seat, r.Aborted),
            async (p, saved) => TypedResults.Ok(await BodyMemberAsync(r, p, id, saved)), NoBodyMember);
}
