using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

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
        db.Meetings.AsNoTracking()
            .Include(m => m.ParticipatingProcesses)
            .Include(m => m.Invitees)
            .Include(m => m.Sessions)
            .Include(m => m.HostState)
            .SingleOrDefaultAsync(m => m.Id == meetingId, ct);

    public static async Task<bool> MayAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, Meeting meeting, MeetingRequirement operation) =>
        (await authorization.AuthorizeAsync(user, meeting, operation)).Succeeded;
}
