using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;

namespace RcpHub.Infrastructure.Authorization;

/// <summary>The process an address names (<c>/processes/{slug}/…</c>, or the process of the meeting in
/// <c>/meetings/{id}/…</c>), as the request resolved it once.</summary>
public sealed record AddressedProcess(int Id, string Slug, string Acronym, string Name)
{
    /// <summary>Lets a minimal API handler take the resolved process as a parameter.</summary>
    public static ValueTask<AddressedProcess?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Features.Get<RequestSubject>()?.Process);
}

/// <summary>What a request concerns: the process, meeting, session and document its address names, resolved once by
/// <see cref="RequestSubjectMiddleware"/> before authorization. The authorization handler decides on this process and
/// the page or endpoint works on it: the two can never disagree about which process a request is about. An address
/// naming something that does not exist (or a meeting of another process, a session or document of another meeting)
/// is answered 404, never let through because a lookup failed.</summary>
public sealed class RequestSubject
{
    public AddressedProcess? Process { get; init; }
    public int? MeetingId { get; init; }
    public int? SessionId { get; init; }
    public int? DocumentId { get; init; }

    /// <summary>False when the address names a meeting that does not exist, a meeting of another process, or a session
    /// or document of another meeting: the request is answered 404 once authorization has run, so that a person who may
    /// not act in the process is refused alike whether the id exists or not (no id is confirmed to them).</summary>
    public bool Found { get; init; } = true;
}

public static class RequestSubjectExtensions
{
    /// <summary>The process the address names. Only for pages and endpoints whose route holds the process or meeting:
    /// the middleware has answered 404 before they run when there is none.</summary>
    public static AddressedProcess AddressedProcess(this HttpContext context) =>
        context.Features.Get<RequestSubject>()?.Process
        ?? throw new InvalidOperationException($"{context.Request.Path} names no process: its route has no {{slug}} after processes/ nor {{id}} after meetings/.");

    public static IApplicationBuilder UseRequestSubject(this IApplicationBuilder app) => app.UseMiddleware<RequestSubjectMiddleware>();

    /// <summary>After authorization: 404 for an address whose meeting, session or document was not found.</summary>
    public static IApplicationBuilder UseRequestSubjectFound(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<RequestSubject>() is { Found: false })
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    });
}

/// <summary>Resolves <see cref="RequestSubject"/> from the matched route, after routing and before authentication.
/// A process is named by its canonical address only (slugs are lower case): another spelling of an existing address
/// is redirected to the canonical one when a page is read (GET or HEAD), and answers 404 otherwise (the API, and every
/// change), so that no request ever reaches a handler under a name the authorization did not check.</summary>
public sealed class RequestSubjectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AppDbContext db)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || RouteShape.Of(endpoint.RoutePattern) is not { } shape)
        {
            await next(context);
            return;
        }
        var values = context.Request.RouteValues;
        var ct = context.RequestAborted;
        AddressedProcess? process = null;
        if (shape.HasProcess)
        {
            var slug = values["slug"] as string ?? "";
            var canonical = slug.ToLowerInvariant();
            var found = await ProcessBySlug.For(db)(db, slug, canonical, ct);
            if (found is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (!string.Equals(found.Slug, slug, StringComparison.Ordinal))
            {
                RedirectOrNotFound(context, shape.SlugSegment, found.Slug);
                return;
            }
            process = found;
        }

        // An output (/processes/{slug}/outputs/{id}) or a call for participation (/processes/{slug}/calls/{callId}) is
        // named within its process: another process's, or none, is answered 404 after authorization, as a meeting of
        // another process is, and before the page's own checks (antiforgery, a handler's operation) could answer first.
        if (process is not null && (shape.HasOutput || shape.HasCall || shape.HasPractice))
        {
            var processId = process.Id;
            var thingId = Int(values[shape.HasCall ? "callId" : "id"]);
            var exists = thingId is { } thing && (shape.HasOutput
                ? await db.Outputs.AnyAsync(o => o.Id == thing && o.ProcessId == processId, ct)
                : shape.HasPractice
                ? await db.Practices.AnyAsync(p => p.Id == thing && p.ProcessId == processId, ct)
                : await db.ParticipationCalls.AnyAsync(c => c.Id == thing && c.ProcessId == processId, ct));
            if (!exists)
            {
                context.Features.Set(new RequestSubject { Process = process, Found = false });
                await next(context);
                return;
            }
        }

        int? meetingId = shape.HasMeeting ? Int(values["id"]) : null;
        int? sessionId = shape.HasSession ? Int(values["sessionId"]) : null;
        int? documentId = shape.HasDocument ? Int(values["documentId"]) : null;
        if (meetingId is { } id)
        {
            var processId = process?.Id;
            // One query: the meeting, of this process if the address names one (convened by it, or one it takes part
            // in), with the session and document it names.
            var meeting = await MeetingByAddress.For(db)(db, id, processId, sessionId, documentId, ct);
            if (meeting is null || !meeting.SessionFound || !meeting.DocumentFound)
            {
                // A process was named and exists: authorization decides on it first (see RequestSubject.Found). Without
                // one (/meetings/{id}/…), the request goes on naming no process: every process operation is refused, and
                // the page or endpoint answers a missing meeting exactly as one the reader may not see.
                if (process is not null)
                {
                    context.Features.Set(new RequestSubject { Process = process, Found = false });
                }
                await next(context);
                return;
            }
            process ??= meeting.Process;
        }

        context.Features.Set(new RequestSubject { Process = process, MeetingId = meetingId, SessionId = sessionId, DocumentId = documentId });
        await next(context);
    }

    // Both compiled once per model: one of them runs on every request whose address names a process or a meeting.
    private static readonly CompiledQuery<Func<AppDbContext, string, string, CancellationToken, Task<AddressedProcess?>>> ProcessBySlug =
        new(() => EF.CompileAsyncQuery((AppDbContext db, string slug, string canonical, CancellationToken ct) =>
            db.Processes.AsNoTracking()
                .Where(p => p.Slug == slug || p.Slug == canonical)
                .Select(p => new AddressedProcess(p.Id, p.Slug, p.Acronym, p.Name))
                .FirstOrDefault()));

    private sealed record AddressedMeeting(AddressedProcess Process, bool SessionFound, bool DocumentFound);

    private static readonly CompiledQuery<Func<AppDbContext, int, int?, int?, int?, CancellationToken, Task<AddressedMeeting?>>> MeetingByAddress =
        new(() => EF.CompileAsyncQuery((AppDbContext db, int id, int? processId, int? sessionId, int? documentId, CancellationToken ct) =>
            db.Meetings.AsNoTracking()
                .Where(m => m.Id == id && (processId == null || m.ProcessId == processId || m.ParticipatingProcesses.Any(p => p.ProcessId == processId)))
                .Select(m => new AddressedMeeting(
                    new AddressedProcess(m.Process!.Id, m.Process.Slug, m.Process.Acronym, m.Process.Name),
                    sessionId == null || m.Sessions.Any(s => s.Id == sessionId),
                    documentId == null || db.Documents.Any(d => d.Id == documentId && d.MeetingId == m.Id)))
                .FirstOrDefault()));

    private static int? Int(object? value) =>
        value switch
        {
            int i => i,
            string s when int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        };

    private static void RedirectOrNotFound(HttpContext context, int slugSegment, string canonicalSlug)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var segments = (request.Path.Value ?? "").Split('/');
        segments[slugSegment] = Uri.EscapeDataString(canonicalSlug);
        context.Response.Redirect(string.Join('/', segments) + request.QueryString, permanent: true);
    }

    /// <summary>Which of the subject's parts a route pattern names, read once per pattern.</summary>
    private sealed record RouteShape(bool HasProcess, int SlugSegment, bool HasMeeting, bool HasSession, bool HasDocument, bool HasOutput = false, bool HasCall = false, bool HasPractice = false)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<RoutePattern, RouteShape?> Known = new();

        public static RouteShape? Of(RoutePattern pattern) => Known.GetOrAdd(pattern, Read);

        private static RouteShape? Read(RoutePattern pattern)
        {
            var slugSegment = -1;
            var meeting = false;
            var output = false;
            var call = false;
            var practice = false;
            for (var i = 0; i < pattern.PathSegments.Count; i++)
            {
                var parts = pattern.PathSegments[i].Parts;
                if (parts is [RoutePatternParameterPart parameter] && i > 0 && PreviousLiteral(pattern, i) is { } previous)
                {
                    if (parameter.Name == "slug" && previous == "processes")
                    {
                        slugSegment = i + 1; // Path.Split('/') starts with the empty string before the first slash.
                    }
                    else if (parameter.Name == "id" && previous == "meetings")
                    {
                        meeting = true;
                    }
                    else if (parameter.Name == "id" && previous == "outputs")
                    {
                        output = true;
                    }
                    else if (parameter.Name == "id" && previous == "practices")
                    {
                        practice = true;
                    }
                    else if (parameter.Name == "callId" && previous == "calls")
                    {
                        call = true;
                    }
                }
            }
            if (slugSegment < 0 && !meeting)
            {
                return null;
            }
            return new RouteShape(slugSegment >= 0, slugSegment, meeting,
                meeting && pattern.GetParameter("sessionId") is not null,
                meeting && pattern.GetParameter("documentId") is not null,
                output && slugSegment >= 0,
                call && slugSegment >= 0,
                practice && slugSegment >= 0);
        }

        private static string? PreviousLiteral(RoutePattern pattern, int index) =>
            pattern.PathSegments[index - 1].Parts is [RoutePatternLiteralPart literal] ? literal.Content : null;
    }
}
