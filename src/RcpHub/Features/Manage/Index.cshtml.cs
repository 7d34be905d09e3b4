using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.My;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>The secretariat's dashboard for a process: where things stand and the way to each task it may do.
/// The chair sees it too, with the tasks it may do (the audit log). What waits on the secretariat comes from
/// <see cref="ToDo"/>, the rules the personal page uses too.</summary>
[Requires(Operation.ViewProcessManagement)]
public sealed class IndexModel(AppDbContext db, IStringLocalizer<ManageText> t, IAuthorizationService authorization, TimeProvider clock,
    MeetingReaders readers)
    : ManagePage(db, t)
{
    public sealed record Summary(int MemberStates, int ObserverStates, int Organizations, int FormerMemberships, int Bodies, string? CurrentChair);

    public Summary Counts { get; private set; } = null!;

    public DutyList Waiting { get; private set; } = null!;

    /// <summary>The tasks this person may do, in the order shown.</summary>
    public IReadOnlyList<(string Page, string Title, string Description)> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var today = clock.Today();
        var current = Membership.CurrentOn(today);
        var ended = Periods.EndedOn<Membership>(today);
        var counts = await Db.Processes.AsNoTracking().Where(p => p.Id == Process.Id).Select(p => new
        {
            MemberStates = p.Memberships.AsQueryable().Where(current).Count(m => m.StateCode != null && m.Role == MembershipRole.Member),
            ObserverStates = p.Memberships.AsQueryable().Where(current).Count(m => m.StateCode != null && m.Role == MembershipRole.Observer),
            Organizations = p.Memberships.AsQueryable().Where(current).Where(m => m.OrganizationId != null).Select(m => m.OrganizationId).Distinct().Count(),
            Former = p.Memberships.AsQueryable().Count(ended),
            Bodies = p.Bodies.Count(b => b.DissolvedOn == null || b.DissolvedOn > today),
            Chair = p.ChairTerms.OrderByDescending(c => c.StartYear).ThenBy(c => c.StartsOn == null).ThenByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
                .Select(c => new { c.State, c.Organization }).FirstOrDefault(),
        }).FirstAsync();
        Counts = new Summary(counts.MemberStates, counts.ObserverStates, counts.Organizations, counts.Former, counts.Bodies,
            counts.Chair is null ? null : Holder.Label(counts.Chair.State, counts.Chair.Organization));

        (Operation Operation, string Page, string Title, string Description)[] tasks =
        [
            (Operation.EditProcessProfile, "manage/profile", T["Profile and themes"], T["Name, region, status, descriptions, sources and themes."]),
            (Operation.ManageMembership, "manage/membership", T["Membership"], T["Member and observer states and organisations, with the dates they joined and left."]),
            (Operation.ManageChairs, "manage/chairs", T["Chairs"], T["Chair terms, the rotation order and the schedule of future chairs."]),
            (Operation.ManageBodies, "manage/bodies", T["Bodies"], T["Steering committee, working groups and expert groups, with their members and mandates."]),
            (Operation.InviteParticipants, "manage/invitations", T["Invitations"], T["Invite people to take a role in the process."]),
            (Operation.InviteParticipants, "manage/people", T["People"], T["Who holds which role in the process."]),
            (Operation.ScheduleMeetings, "meetings", T["Meetings"], T["Schedule meetings, their agenda, sessions and invitees, and send the invitations."]),
            (Operation.ViewRepresentation, "representation", T["Representation"], T["Which ministries the states send to the meetings, year by year."]),
            (Operation.ViewProcessAuditLog, "manage/audit", T["Audit log"], T["Every change made to the process: who, when, before and after."]),
        ];
        var allowed = new List<(string, string, string)>();
        foreach (var task in tasks)
        {
            // Same decision as the page itself will make: AccessRules, through the operation's policy.
            var result = await authorization.AuthorizeAsync(User, new ProcessResource(Process.Id), OperationPolicies.NameOf(task.Operation));
            if (result.Succeeded)
            {
                allowed.Add((task.Page, task.Title, task.Description));
            }
        }
        Tasks = allowed;
        var reader = await readers.CurrentAsync(User);
        Waiting = new DutyList(await ToDo.ForSecretariatAsync(Db, reader, Process.Id, today, clock.GetUtcNow(), HttpContext.RequestAborted),
            TimeZones.ReaderZone(HttpContext, reader), ShowsProcess: false);
        return Page();
    }
}
