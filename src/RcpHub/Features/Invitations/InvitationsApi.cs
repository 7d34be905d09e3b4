using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Account;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Features.Invitations;

/// <summary>/api/v1/processes/{slug}/invitations: the secretariat's invitations as JSON.</summary>
public static class InvitationsApi
{
    private const int Listed = 500;

    /// <summary>An invitation to create. <c>stateCode</c> (ISO 3166-1 alpha-3, a current member) and <c>ministry</c> are required for a focal point.</summary>
    /// <param name="Language">The language of the invitation and of the new account's mail (en, fr, es, ru, ar); the caller's by default.</param>
    public sealed record InvitationCreate(string? Email, ProcessRole? Role, string? StateCode, string? Ministry, string? Language = null);

    public sealed record InvitationDto(
        int Id, string Email, ProcessRole? Role, string? StateCode, string? Ministry,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, InvitationStatus Status);

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/processes/{slug}/invitations").WithTags("Invitations").Requires(Operation.InviteParticipants)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithName("ListInvitations").WithSummary("Invitations of the process, newest first (secretariat).");
        group.MapGet("/{id:int}", GetAsync).WithName("GetInvitation").WithSummary("One invitation of the process (secretariat).");
        group.MapPost("/", CreateAsync).WithName("CreateInvitation")
            .WithSummary("Invites an email address to a role in the process and emails the link (secretariat).")
            .ProducesValidationProblem().RefusesWithout("email", "role");
        group.MapDelete("/{id:int}", RevokeAsync).WithName("RevokeInvitation").WithSummary("Revokes a pending invitation (secretariat).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<List<InvitationDto>>, ProblemHttpResult>> ListAsync(
        AddressedProcess process, AppDbContext db, Inviter inviter, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await inviter.ListAsync(process.Id, Listed, ct);
        return TypedResults.Ok(rows.Select(r => Dto(r, now)).ToList());
    }

    private static async Task<Results<Ok<InvitationDto>, ProblemHttpResult>> GetAsync(
        AddressedProcess process, int id, AppDbContext db, Inviter inviter, TimeProvider clock, CancellationToken ct)
    {
        var row = await inviter.FindRowAsync(process.Id, id, ct);
        return row is null ? UnknownInvitation(id) : TypedResults.Ok(Dto(row, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<InvitationDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        AddressedProcess process, InvitationCreate body, AppDbContext db, Inviter inviter, TimeProvider clock, ClaimsPrincipal user, HttpResponse response, CancellationToken ct)
    {
        var outcome = await inviter.InviteAsync(process, new InvitationRequest(body.Email, body.Role, body.StateCode, body.Ministry, Language: body.Language),
            ProcessAccess.UserIdOf(user)!, AccountClaims.NameOf(user), ct);
        if (outcome.RetryAfter is { } wait)
        {
            RateLimits.SetRetryAfter(response, wait);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many invitations.",
                detail: "You have sent as many invitations as the platform allows for now; try again after Retry-After seconds.");
        }
        if (outcome.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value));
        }
        var dto = Dto(outcome.Invitation!, clock.GetUtcNow());
        return TypedResults.Created($"/api/v1/processes/{process.Slug}/invitations/{dto.Id}", dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        AddressedProcess process, int id, AppDbContext db, Inviter inviter, CancellationToken ct)
    {
        return await inviter.RevokeAsync(process.Id, id, ct) switch
        {
            Inviter.RevokeOutcome.Revoked => TypedResults.NoContent(),
            Inviter.RevokeOutcome.NotPending => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The invitation has already been accepted.", detail: "Revoke the role assignment instead."),
            _ => UnknownInvitation(id),
        };
    }

    private static InvitationDto Dto(InvitationRow r, DateTimeOffset now) =>
        new(r.Id, r.Email, r.Role, r.StateCode, r.Ministry, r.CreatedAt, r.ExpiresAt, r.AcceptedAt, r.StatusAt(now));


    private static ProblemHttpResult UnknownInvitation(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown invitation.", detail: $"The process has no invitation {id}.");
}
