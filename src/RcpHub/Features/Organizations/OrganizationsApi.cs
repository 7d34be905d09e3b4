using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Organizations;

/// <summary>Organizations and their roles in the processes; the civil society registry.</summary>
public static class OrganizationsApi
{
    /// <summary>A civil society organisation's registry entry and what it took part in, as far as the reader may see.</summary>
    public sealed record RegistryDocument(
        string Slug, string Name, string? Acronym, RegistryFacts Facts,
        IReadOnlyList<ParticipationProcess> Processes, IReadOnlyList<ParticipationMeeting> Meetings);

    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");
        organizations.MapGet("", ListOrganizations)
            .WithName("ListOrganizations")
            .WithSummary("Every organization, with the number of processes in which it holds each role today.")
            .Requires(Operation.ViewPublicRegistry);
        organizations.MapGet("/{slug}", GetOrganization)
            .WithName("GetOrganization")
            .WithSummary("An organization's role in each process (member, observer, technical secretariat, hosts the secretariat, support project), current and former.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.ViewPublicRegistry);

        // Civil society registry (issue 11).
        var registry = api.MapGroup("/civil-society/organizations").WithTags("Civil society registry");
        registry.MapGet("", ListCivilSociety)
            .WithName("ListCivilSocietyOrganizations")
            .WithSummary("The civil society directory, filtered by type, country where it works (ISO alpha-3), theme id, migrant-led, verified and language (ISO 639-1).")
            .Requires(Operation.ViewPublicRegistry);
        registry.MapGet("/{slug}", GetCivilSociety)
            .WithName("GetCivilSocietyOrganization")
            .WithSummary("A civil society organisation's registry entry, and the processes and meetings it took part in as far as the reader may see them.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.ViewPublicRegistry);
        registry.MapPost("", RegisterAsync)
            .WithName("RegisterCivilSocietyOrganization")
            .WithSummary("Registers a civil society organisation; the caller becomes its first contact person. Evidence files are given on the registration page.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem().RefusesWithout("name", "type", "countryCodes", "languages")
            .Requires(Operation.RegisterOrganization);
        registry.MapPost("/{slug}/verification", VerifyAsync)
            .WithName("VerifyCivilSocietyOrganization")
            .WithSummary("A secretariat (of any process) or a platform administrator verifies a registered organisation, or declines to, with a note.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem().RefusesWithout("decision")
            .Requires(Operation.VerifyOrganizations);
        registry.MapPost("/{slug}/contacts", AddContactAsync)
            .WithName("AddCivilSocietyContact")
            .WithSummary("Adds a contact person (by the e-mail address of their account) to an organisation: its contact people, secretariats and platform administrators.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem().RefusesWithout("email")
            .Requires(Operation.RegisterOrganization);
        registry.MapGet("/{slug}/contacts", ListContactsAsync)
            .WithName("ListCivilSocietyContacts")
            .WithSummary("An organisation's contact people: for them, the secretariats and platform administrators.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Operation.RegisterOrganization);
        registry.MapDelete("/{slug}/contacts/{contactId:int}", RemoveContactAsync)
            .WithName("RemoveCivilSocietyContact")
            .WithSummary("Removes a contact person (by the id the contact list gives); never the last one. They no longer act for the organisation.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem()
            .Requires(Operation.RegisterOrganization);
        registry.MapPut("/{slug}", EditAsync)
            .WithName("EditCivilSocietyOrganization")
            .WithSummary("Its contact people (or a secretariat) correct the registry entry; a verified entry stays verified and the secretariats see the changes.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem().RefusesWithout("name", "type", "countryCodes", "languages")
            .Requires(Operation.RegisterOrganization);
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddContactAsync(AppDbContext db, TimeProvider clock, MeetingReaders readers,
        IStringLocalizer<OrganizationsText> t, HttpContext http, string slug, [FromBody] ContactInput contact, CancellationToken ct)
    {
        slug = slug.ToLowerInvariant();
        var (registryId, refused) = await LookedAfterAsync(db, readers, http, slug,
            t["Only the organisation's contact people and the secretariats may add a contact person."], ct);
        if (refused is not null)
        {
            return refused;
        }
        var outcome = await OrganizationRegistry.AddContactAsync(db, clock, t, registryId, slug, contact, ct);
        return outcome.Saved ? TypedResults.NoContent() : TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The contact person could not be added."]);
    }

    public static async Task<Results<Ok<IReadOnlyList<RegistryContact>>, ProblemHttpResult>> ListContactsAsync(AppDbContext db, MeetingReaders readers,
        IStringLocalizer<OrganizationsText> t, HttpContext http, string slug, CancellationToken ct)
    {
        slug = slug.ToLowerInvariant();
        var (registryId, refused) = await LookedAfterAsync(db, readers, http, slug, t["Only the organisation's contact people and the secretariats may do this."], ct);
        if (refused is not null)
        {
            return refused;
        }
        return TypedResults.Ok((await CivilSocietyDirectory.ContactsAsync(db, registryId, note: null, ct)).People);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveContactAsync(AppDbContext db, TimeProvider clock, MeetingReaders readers,
        IStringLocalizer<OrganizationsText> t, HttpContext http, string slug, int contactId, CancellationToken ct)
    {
        slug = slug.ToLowerInvariant();
        var (registryId, refused) = await LookedAfterAsync(db, readers, http, slug, t["Only the organisation's contact people and the secretariats may do this."], ct);
        if (refused is not null)
        {
            return refused;
        }
        var outcome = await OrganizationRegistry.RemoveContactAsync(db, clock, t, registryId, slug, contactId, ct);
        return outcome is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Contact person not found", detail: $"The organisation has no contact person {contactId}.")
            : outcome.Saved ? TypedResults.NoContent() : TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The contact person could not be removed."]);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> EditAsync(AppDbContext db, MeetingReaders readers,
        IStringLocalizer<OrganizationsText> t, HttpContext http, string slug, RegistrationInput entry, CancellationToken ct)
    {
        slug = slug.ToLowerInvariant();
        var (registryId, refused) = await LookedAfterAsync(db, readers, http, slug, t["Only the organisation's contact people and the secretariats may do this."], ct);
        if (refused is not null)
        {
            return refused;
        }
        var outcome = await OrganizationRegistry.EditAsync(db, t, registryId, entry, ct);
        return outcome.Saved ? TypedResults.NoContent() : TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The entry could not be saved."]);
    }

    /// <summary>The registry entry at <paramref name="slug"/> when the caller looks after it (its contact people, the
    /// secretariats); otherwise the answer: 404 for no such entry, 403 with <paramref name="refusal"/>.</summary>
    private static async Task<(int Id, ProblemHttpResult? Refused)> LookedAfterAsync(AppDbContext db, MeetingReaders readers, HttpContext http, string slug,
        string refusal, CancellationToken ct)
    {
        if (await CivilSocietyDirectory.FactsAsync(db, slug, ct) is not { } registry)
        {
            return (0, NotRegistered(slug));
        }
        return await OrganizationRegistry.MayLookAfterAsync(db, await readers.CurrentAsync(http.User), registry.Id, ct)
            ? (registry.Id, null)
            : (registry.Id, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refusal));
    }

    public static async Task<Ok<List<OrganizationSummary>>> ListOrganizations(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await OrganizationQueries.ListAsync(db, time.Today(), ct));

    public static async Task<Results<Ok<OrganizationDetails>, ProblemHttpResult>> GetOrganization(AppDbContext db, TimeProvider time, string slug, CancellationToken ct)
    {
        var organization = await OrganizationQueries.LoadAsync(db, slug, time.Today(), ct);
        return organization is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organization not found", detail: $"No organization has the slug '{slug}'.")
            : TypedResults.Ok(organization);
    }

    public static async Task<Ok<List<DirectoryEntry>>> ListCivilSociety(AppDbContext db, CivilSocietyType? type, string? country, int? theme,
        bool? migrantLed, bool? verified, string? language, CancellationToken ct) =>
        TypedResults.Ok(await CivilSocietyDirectory.ListAsync(db, CivilSocietyDirectory.Filter(type, country, theme, migrantLed, verified, language), ct));

    public static async Task<Results<Ok<RegistryDocument>, ProblemHttpResult>> GetCivilSociety(AppDbContext db, MeetingReaders readers, HttpContext http,
        string slug, CancellationToken ct)
    {
        slug = slug.ToLowerInvariant();
        if (await CivilSocietyDirectory.FactsAsync(db, slug, ct) is not { } registry)
        {
            return NotRegistered(slug);
        }
        var (processes, meetings) = await CivilSocietyDirectory.ParticipationAsync(db, registry.Id, await readers.CurrentAsync(http.User), ct);
        var names = await db.Organizations.Where(o => o.Id == registry.Id).Select(o => new { o.Name, o.Acronym }).SingleAsync(ct);
        return TypedResults.Ok(new RegistryDocument(slug, names.Name, names.Acronym, registry.Facts, processes, meetings));
    }

    public static async Task<Results<Created<RegistryDocument>, ValidationProblem>> RegisterAsync(AppDbContext db, TimeProvider clock, MeetingReaders readers,
        IStringLocalizer<OrganizationsText> t, HttpContext http, RegistrationInput registration, CancellationToken ct)
    {
        var outcome = await OrganizationRegistry.RegisterAsync(db, clock, t, registration, ProcessAccess.UserIdOf(http.User)!, [], ct);
        if (!outcome.Saved)
        {
            return TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The organisation could not be registered."]);
        }
        var document = (await GetCivilSociety(db, readers, http, outcome.Slug!, ct)).Result as Ok<RegistryDocument>;
        return TypedResults.Created($"/api/v1/civil-society/organizations/{outcome.Slug}", document!.Value);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> VerifyAsync(AppDbContext db, TimeProvider clock,
        IStringLocalizer<OrganizationsText> t, Outbox outbox, IConfiguration configuration, HttpContext http, string slug, [FromBody] VerificationInput verification, CancellationToken ct)
    {
        var outcome = await OrganizationRegistry.VerifyAsync(db, clock, t, outbox, configuration, slug.ToLowerInvariant(), verification, ProcessAccess.UserIdOf(http.User)!, ct);
        if (outcome.Saved)
        {
            return TypedResults.NoContent();
        }
        return outcome.Errors.Count == 0
            ? NotRegistered(slug)
            : TypedResults.ValidationProblem(outcome.JsonErrors, title: t["The decision could not be recorded."]);
    }

    private static ProblemHttpResult NotRegistered(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organization not found", detail: $"No civil society organisation has the slug '{slug}'.");
}
