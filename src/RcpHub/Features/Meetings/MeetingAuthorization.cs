using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Meetings;

/// <summary>What one may do with one meeting: <c>await authorization.AuthorizeAsync(User, meeting, MeetingOperations.View)</c>.
/// Pages declare <see cref="Operation.ViewPublicRegistry"/> (anyone may ask) or <see cref="Operation.ScheduleMeetings"/>;
/// whether this reader may see this meeting is then always answered here, by <see cref="MeetingAccess"/>.</summary>
public static class MeetingOperations
{
    /// <summary>The whole meeting: details, agenda, sessions, participants, documents, calendar entry.</summary>
    public static readonly MeetingRequirement View = new(nameof(View));

    /// <summary>Its published public summary, with its title and dates, and nothing else.</summary>
    public static readonly MeetingRequirement ViewSummary = new(nameof(ViewSummary));

    /// <summary>Change it (its process's secretariat).</summary>
    public static readonly MeetingRequirement Manage = new(nameof(Manage));
}

public sealed class MeetingRequirement(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    public override string ToString() => "Meeting." + Name;
}

/// <summary>Decides <see cref="MeetingOperations"/> on a <see cref="Meeting"/> loaded with its participating processes
/// and invitees (<see cref="MeetingAuthorizationExtensions.FindForAccessAsync"/>).</summary>
public sealed class MeetingAuthorizationHandler(MeetingReaders readers) : AuthorizationHandler<MeetingRequirement, Meeting>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MeetingRequirement requirement, Meeting meeting)
    {
        var reader = await readers.CurrentAsync(context.User);
        var allowed = requirement == MeetingOperations.View ? MeetingAccess.MayView(reader, meeting)
            : requirement == MeetingOperations.ViewSummary ? MeetingAccess.MaySeeSummary(reader, meeting)
            : requirement == MeetingOperations.Manage && MeetingAccess.MayManage(reader, meeting.ProcessId);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

public static class MeetingAuthorizationExtensions
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingReaders>();
        services.AddScoped<MeetingLabels>();
        services.AddScoped<MeetingCalendar>();
        services.AddScoped<IAuthorizationHandler, MeetingAuthorizationHandler>();
        return services;
    }

    /// <summary>A meeting with what the access rule reads (its processes, invitees and sessions' rapporteurs), untracked;
    /// null if there is none. Its host state comes along (one row, no query of its own for the meeting page to name it).</summary>
    public static Task<Meeting?> FindForAccessAsync(this AppDbContext db, int meetingId, CancellationToken ct = default) =>
        ForAccess(db, meetingId, null, ct);

    /// <summary>As <see cref="FindForAccessAsync(AppDbContext, int, CancellationToken)"/>, taking the meeting the request's
    /// address named when the middleware loaded it already (<see cref="LoadsAddressedMeetingAttribute"/>): no query then.</summary>
    public static async Task<Meeting?> FindForAccessAsync(this AppDbContext db, HttpContext context, int meetingId, CancellationToken ct = default) =>
        context.Features.Get<RequestSubject>()?.Meeting is { } addressed && addressed.Id == meetingId
            ? addressed
            : await db.FindForAccessAsync(meetingId, ct);

    /// <summary>The meeting with what the access rule reads: its processes, invitees and sessions (their rapporteurs); its
    /// host state and convening process come along (one row each, so that the meeting page names them without a query of
    /// its own). With <paramref name="processId"/>: only a meeting that process convenes or takes part in. Compiled once:
    /// every meeting page runs it, and EF Core otherwise walks and hashes the expression on every call.</summary>
    public static Task<Meeting?> ForAccess(AppDbContext db, int meetingId, int? processId, CancellationToken ct) =>
        ForAccessQuery.For(db)(db, meetingId, processId, ct);

    private static readonly CompiledQuery<Func<AppDbContext, int, int?, CancellationToken, Task<Meeting?>>> ForAccessQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int meetingId, int? processId, CancellationToken ct) =>
            db.Meetings.AsNoTracking()
                .Include(m => m.ParticipatingProcesses)
                .Include(m => m.Invitees)
                .Include(m => m.Sessions)
                .Include(m => m.HostState)
                .Include(m => m.Process)
                .FirstOrDefault(m => m.Id == meetingId
                    && (processId == null || m.ProcessId == processId || m.ParticipatingProcesses.Any(p => p.ProcessId == processId)))));

    public static async Task<bool> MayAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, Meeting meeting, MeetingRequirement operation) =>
        (await authorization.AuthorizeAsync(user, meeting, operation)).Succeeded;
}
