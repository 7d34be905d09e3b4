using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Officials;

/// <summary>/api/v1/directory: the directory of officials, one's profile and contact requests, with the same authorization
/// and rules as the pages. No answer carries an e-mail address before the person asked accepted.</summary>
public static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        var directory = api.MapGroup("/directory").WithTags("Directory of officials")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        directory.MapGet("/people", FindAsync).Requires(Operation.UseDirectory)
            .WithName("FindOfficials")
            .WithSummary("The officials of the processes the reader takes part in, by name, filtered by words of the name, ministry or position (q), state, theme and process (id); at most 50, with the total.");
        directory.MapGet("/people/{person}", PersonAsync).Requires(Operation.UseDirectory)
            .WithName("GetOfficial")
            .WithSummary("An official's profile (ministry, position, files, languages, the shared processes and the bodies they sit in), with the latest contact request between the reader and them; 404 for anyone outside their processes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        directory.MapPost("/people/{person}/contact-requests", RequestContactAsync).Requires(Operation.UseDirectory)
            .WithName("RequestContact")
            .WithSummary("Asks an official of a shared process for contact; refused for oneself, someone outside one's processes or left out of the directory, and while a request between the two is pending. The person is told by e-mail.")
            .ProducesValidationProblem();
        directory.MapGet("/profile", OwnAsync).Requires(Operation.UseDirectory)
            .WithName("GetOwnDirectoryProfile").WithSummary("One's own profile, with the processes and bodies one's roles place one in.");
        directory.MapPut("/profile", SaveAsync).Requires(Operation.UseDirectory)
            .WithName("SaveOwnDirectoryProfile").WithSummary("Changes one's own profile; leftOut takes one out of the directory.")
            .ProducesValidationProblem();
        directory.MapGet("/contact-requests", ContactsAsync).Requires(Operation.UseDirectory)
            .WithName("ListContactRequests").WithSummary("The contact requests one sent and received, newest first; the other's e-mail address once accepted.");
        directory.MapPost("/contact-requests/{id:int}/answer", AnswerAsync).Requires(Operation.UseDirectory)
            .WithName("AnswerContactRequest").WithSummary("Accepts or declines a request made to one; the asker is told by e-mail.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RefusesWithout("answer");
        return api;
    }

    private static async Task<Ok<DirectoryList>> FindAsync(AppDbContext db, MeetingReaders readers, TimeProvider clock, HttpContext http,
        string? q, string? state, int? theme, int? process, CancellationToken ct) =>
        TypedResults.Ok(await DirectoryQueries.FindAsync(db, await readers.CurrentAsync(http.User), DirectoryFilter.Of(q, state, theme, process),
            clock.Today(), Cultures.Current, ct));

    private static async Task<Results<Ok<DirectoryPerson>, ProblemHttpResult>> PersonAsync(AppDbContext db, MeetingReaders readers, TimeProvider clock,
        IStringLocalizer<OfficialsText> t, HttpContext http, string person, CancellationToken ct) =>
        await DirectoryQueries.PersonAsync(db, await readers.CurrentAsync(http.User), person, clock.Today(), Cultures.Current, ct) is { } found
            ? TypedResults.Ok(found)
            : NoPerson(t);

    private static async Task<Results<Created<DirectoryContact>, ValidationProblem>> RequestContactAsync(AppDbContext db, MeetingReaders readers,
        DirectoryDesk desk, HttpContext http, string person, ContactRequestInput request, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(http.User);
        var outcome = await desk.RequestContactAsync(reader, person, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        var contact = (await DirectoryQueries.ContactsAsync(db, reader.UserId!, person, ct)).First(c => c.Id == outcome.Id);
        return TypedResults.Created($"/api/v1/directory/contact-requests/{outcome.Id}", contact);
    }

    private static async Task<Ok<DirectoryOwnProfile>> OwnAsync(AppDbContext db, MeetingReaders readers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await DirectoryQueries.OwnAsync(db, await readers.CurrentAsync(http.User), clock.Today(), Cultures.Current, ct));

    private static async Task<Results<Ok<DirectoryOwnProfile>, ValidationProblem>> SaveAsync(AppDbContext db, MeetingReaders readers, DirectoryDesk desk,
        TimeProvider clock, HttpContext http, DirectoryProfileInput profile, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(http.User);
        var outcome = await desk.SaveProfileAsync(reader.UserId!, profile, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(await DirectoryQueries.OwnAsync(db, reader, clock.Today(), Cultures.Current, ct))
            : outcome.Errors.ToProblem();
    }

    private static async Task<Ok<IReadOnlyList<DirectoryContact>>> ContactsAsync(AppDbContext db, MeetingReaders readers, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await DirectoryQueries.ContactsAsync(db, (await readers.CurrentAsync(http.User)).UserId!, null, ct));

    private static async Task<Results<Ok<DirectoryContact>, ValidationProblem, ProblemHttpResult>> AnswerAsync(AppDbContext db, MeetingReaders readers,
        DirectoryDesk desk, IStringLocalizer<OfficialsText> t, HttpContext http, int id, ContactAnswerInput answer, CancellationToken ct)
    {
        var me = (await readers.CurrentAsync(http.User)).UserId!;
        var outcome = await desk.AnswerAsync(me, id, answer, ct);
        if (outcome.IsNotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["No such contact request made to you."]);
        }
        if (!outcome.Succeeded)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await DirectoryQueries.ContactsAsync(db, me, null, ct)).First(c => c.Id == id));
    }

    private static ProblemHttpResult NoPerson(IStringLocalizer<OfficialsText> t) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["No such official in the processes you take part in."]);
}
