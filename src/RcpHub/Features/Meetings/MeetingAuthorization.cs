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

    /// <summary>A meeting with what the access rule reads, untracked; null if there is none: its participating processes (their
    /// ids), its invitees, and of its sessions only those with a rapporteur who has an account (their id and rapporteur:
    /// nothing else of a session is loaded, so never show these sessions). Its host state's names come along (one row, no
    /// query of its own for the meeting page to name it).</summary>
    /// <remarks>One statement of narrow columns rather than three collection <c>Include</c>s: those joined the meeting's
    /// every column (its summary among them) to every combination of participating process, invitee and session, and
    /// materialised whole entities, the largest single cost of a meeting page (docs/benchmarks.md, issue 9). The rule
    /// (<see cref="MeetingAccess"/>) decides on what is loaded exactly as before: it reads these ids and nothing else.</remarks>
    public static async Task<Meeting?> FindForAccessAsync(this AppDbContext db, int meetingId, CancellationToken ct = default)
    {
        AccessRow? found = null;
        await foreach (var row in ForAccess.For(db)(db, meetingId).WithCancellation(ct))
        {
            found = row;
        }
        if (found is null)
        {
            return null;
        }
        var meeting = found.Meeting;
        meeting.HostState = found.HostState;
        meeting.ParticipatingProcesses = [.. found.Processes.Select(p => new MeetingProcess { MeetingId = meetingId, ProcessId = p })];
        meeting.Invitees = [.. found.Invitees.Select(i => new MeetingInvitee { Id = i.Id, MeetingId = meetingId, StateCode = i.StateCode, OrganizationId = i.OrganizationId, UserId = i.UserId })];
        meeting.Sessions = [.. found.Rapporteurs.Select(s => new Session { Id = s.Id, MeetingId = meetingId, Title = "", RapporteurUserId = s.RapporteurUserId })];
        return meeting;
    }

    private sealed record AccessRow(Meeting Meeting, State? HostState, List<int> Processes, List<InviteeRow> Invitees, List<RapporteurRow> Rapporteurs);

    private sealed record InviteeRow(int Id, string? StateCode, int? OrganizationId, string? UserId);

    private sealed record RapporteurRow(int Id, string? RapporteurUserId);

    // The statement's cost is mostly SQLite compiling it on every call, which grows with its columns and with a derived
    // table: so the host state brings only its names, and there is no Single/First in SQL, whose LIMIT would make EF Core
    // wrap the meeting in a subquery (the id is the key: one meeting; docs/benchmarks.md, issue 9).
    // Compiled once per model: every page of a meeting runs it, and compiling its LINQ anew was a tenth of a page's time.
    private static readonly CompiledQuery<Func<AppDbContext, int, IAsyncEnumerable<AccessRow>>> ForAccess = new(() => EF.CompileAsyncQuery((AppDbContext db, int meetingId) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .Select(m => new AccessRow(
                m,
                m.HostState == null ? null : new State
                {
                    Code = m.HostState.Code, Alpha2 = "", Numeric = "",
                    NameEn = m.HostState.NameEn, NameFr = m.HostState.NameFr, NameEs = m.HostState.NameEs, NameRu = m.HostState.NameRu, NameAr = m.HostState.NameAr,
                },
                m.ParticipatingProcesses.Select(p => p.ProcessId).ToList(),
                m.Invitees.Select(i => new InviteeRow(i.Id, i.StateCode, i.OrganizationId, i.UserId)).ToList(),
                m.Sessions.Where(s => s.RapporteurUserId != null).Select(s => new RapporteurRow(s.Id, s.RapporteurUserId)).ToList()))));

    public static async Task<bool> MayAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, Meeting meeting, MeetingRequirement operation) =>
        (await authorization.AuthorizeAsync(user, meeting, operation)).Succeeded;
}
