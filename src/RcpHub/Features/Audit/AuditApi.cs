using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Manage;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Audit;

/// <summary>The audit log as JSON: a process's for its secretariat and chair, everything for administrators.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/processes/{slug}/audit", ProcessLogAsync).Requires(Operation.ViewProcessAuditLog)
            .WithTags("Audit log").WithName("GetProcessAuditLog")
            .WithSummary("The changes made to one process, newest first, 50 at a time; follow 'older' for the next page.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/audit", PlatformLogAsync).Requires(Operation.AdministerPlatform)
            .WithTags("Audit log").WithName("GetAuditLog")
            .WithSummary("Every change on the platform, newest first, 50 at a time; filter by process (address), user (name or email) and entity type.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public sealed record AuditEntryDocument(
        long Id, DateTimeOffset At, string UserName, string? DisplayName, string? Process,
        string EntityType, string EntityId, string Action, IReadOnlyList<AuditChange> Changes);

    /// <param name="Older">The address of the next, older page; null on the last page.</param>
    public sealed record AuditPageDocument(IReadOnlyList<AuditEntryDocument> Entries, string? Older);

    private static async Task<Results<Ok<AuditPageDocument>, ProblemHttpResult>> ProcessLogAsync(
        AddressedProcess process, long? before, string? entityType, AppDbContext db, IStringLocalizer<AuditText> t, HttpContext http)
    {
        var page = await AuditLog.ReadAsync(db, new AuditFilter(ProcessId: process.Id, EntityType: entityType, Before: before), http.RequestAborted);
        return TypedResults.Ok(Document(page, http.Request));
    }

    private static async Task<Ok<AuditPageDocument>> PlatformLogAsync(
        string? process, string? user, string? entityType, long? before, AppDbContext db, HttpContext http)
    {
        var page = await AuditLog.ReadAsync(db, new AuditFilter(ProcessSlug: process, User: user, EntityType: entityType, Before: before), http.RequestAborted);
        return TypedResults.Ok(Document(page, http.Request));
    }

    private static AuditPageDocument Document(AuditPage page, HttpRequest request)
    {
        string? older = null;
        if (page.OlderBefore is { } olderBefore)
        {
            var query = request.Query.Where(q => q.Key != "before")
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("before", olderBefore.ToString(CultureInfo.InvariantCulture)));
            older = request.Path + QueryString.Create(query).ToString();
        }
        return new AuditPageDocument(
            page.Entries.Select(e => new AuditEntryDocument(e.Id, e.At, e.UserName, e.DisplayName, e.ProcessSlug, e.EntityType, e.EntityId, e.Action, e.Changes)).ToList(),
            older);
    }
}
