using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Calls;

/// <summary>One balance target as the published inputs and the report carry it.</summary>
public sealed record TargetJson(string Trait, string Value, int? Min, int? Max);

/// <summary>One application in the published inputs: its pseudonym, its score and its traits, nothing else.</summary>
public sealed record CandidateJson(string Key, decimal Score, IReadOnlyDictionary<string, string> Traits);

public sealed record CriterionJson(string Name, int Weight);

/// <summary>The pseudonymised inputs of a call's selection: enough for anyone to recompute the proposal with the published
/// method (docs/selection-methods.md), nothing that names an organisation or a person.</summary>
public sealed record SelectionInputs(int CallId, string Method, int Places, decimal? LotteryThreshold, IReadOnlyList<CriterionJson> Criteria,
    IReadOnlyList<TargetJson> Targets, IReadOnlyList<CandidateJson> Candidates, string? SeedCommitment, string? Seed);

/// <summary>What each target cost: the best total score the selection would reach without it.</summary>
public sealed record TargetCostJson(TargetJson Target, decimal BestScoreWithout);

/// <summary>The engine's proposal as stored with the call and published in its report.</summary>
/// <param name="Selected">The pseudonyms proposed (for a lottery, drawn); empty when the targets conflict or before the draw.</param>
/// <param name="Chances">For a lottery: each candidate's chance of selection, published before the draw.</param>
public sealed record ProposalJson(string Method, IReadOnlyList<string> Selected, decimal? TotalScore, IReadOnlyList<TargetCostJson> Costs,
    IReadOnlyList<TargetJson> Conflicting, string? Explanation, IReadOnlyDictionary<string, decimal>? Chances)
{
    public bool IsInfeasible => Conflicting.Count > 0;

    public static ProposalJson? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<ProposalJson>(json, Options);

    public string Write() => JsonSerializer.Serialize(this, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>The selection of a call: the proposal from the engine (<see cref="CallProposals"/>), the panel's decision with
/// a reason for each departure from it, the invitations of the selected, the outcome mail and the published report.</summary>
public sealed class CallSelection(AppDbContext db, Outbox outbox, IConfiguration configuration, TimeProvider clock, IStringLocalizer<CallsText> t)
{
    /// <summary>The pseudonymised inputs; candidates are the applications with a score (for a lottery, those that reach the threshold).</summary>
    public static SelectionInputs Inputs(ParticipationCall call, IEnumerable<CallApplication> applications)
    {
        var candidates = applications
            .Select(a => (Application: a, Score: CallScoring.WeightedScore(call.Criteria, a.Scores)))
            .Where(x => x.Score is not null && (call.Method != SelectionMethod.FairLottery || x.Score >= (call.LotteryThreshold ?? 0)))
            .OrderBy(x => x.Application.Pseudonym, StringComparer.Ordinal)
            .Select(x => new CandidateJson(x.Application.Pseudonym, x.Score!.Value, CallTraits.Of(x.Application, call.Regions)))
            .ToList();
        return new SelectionInputs(call.Id, call.Method.ToString(), call.Places, call.LotteryThreshold,
            [.. call.Criteria.OrderBy(c => c.Position).Select(c => new CriterionJson(c.Name, c.Weight))],
            [.. call.Targets.OrderBy(x => x.Id).Select(Json)], candidates,
            call.SeedCommitment, call.DrawnAt is null ? null : call.Seed);
    }

    public static TargetJson Json(CallTarget target) => new(target.Trait, target.Value, target.Min, target.Max);

    /// <summary>The panel's decision: the applications it selects, and for each one it adds to or takes from the proposal,
    /// why. The selected organisations are invited to the call's meeting, their people get the civil society role in the
    /// process, and every applicant is told the outcome by mail.</summary>
    public async Task<Outcome> DecideAsync(int processId, int callId, IReadOnlyCollection<int> selected, IReadOnlyDictionary<int, string?> reasons, CancellationToken ct)
    {
        var call = await db.ParticipationCalls.Include(c => c.Meeting).ThenInclude(m => m!.Invitees)
            .SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId, ct);
        if (call is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var proposal = ProposalJson.Read(call.Proposal);
        if (call.DecidedAt is not null)
        {
            errors.Add("", t["The selection is already decided."]);
            return Outcome.Refused(errors);
        }
        if (proposal is null || (call.Method == SelectionMethod.FairLottery && call.DrawnAt is null && !proposal.IsInfeasible))
        {
            errors.Add("", t["There is no proposal to decide on yet."]);
            return Outcome.Refused(errors);
        }
        var applications = await db.CallApplications.Include(a => a.Organization).Where(a => a.CallId == callId).ToListAsync(ct);
        if (selected.Any(id => applications.All(a => a.Id != id)))
        {
            errors.Add("Selected", t["Choose among the call's applications."]);
        }
        if (selected.Count > call.Places)
        {
            errors.Add("Selected", t["The call has {0} places: select no more.", call.Places]);
        }
        foreach (var application in applications)
        {
            var proposed = proposal.Selected.Contains(application.Pseudonym);
            var chosen = selected.Contains(application.Id);
            var reason = reasons.GetValueOrDefault(application.Id)?.Trim();
            if (proposed != chosen && string.IsNullOrEmpty(reason))
            {
                errors.Add($"Reasons[{application.Id.ToString(CultureInfo.InvariantCulture)}]", t["Say why the panel departs from the proposal for {0}.", application.Pseudonym]);
            }
            else if (reason?.Length > CallLimits.Reason)
            {
                errors.Add($"Reasons[{application.Id.ToString(CultureInfo.InvariantCulture)}]", t["At most {0} characters.", CallLimits.Reason]);
            }
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var now = clock.GetUtcNow();
        foreach (var application in applications)
        {
            var chosen = selected.Contains(application.Id);
            application.Outcome = chosen ? ApplicationOutcome.Selected : ApplicationOutcome.NotSelected;
            application.DepartureReason = proposal.Selected.Contains(application.Pseudonym) != chosen ? reasons[application.Id]!.Trim() : null;
        }
        call.DecidedAt = now;
        var chosenOrganizations = applications.Where(a => a.Outcome == ApplicationOutcome.Selected).Select(a => a.OrganizationId).ToList();
        // Invited as the meeting's invitees page invites: an organisation invited once.
        call.Meeting?.Invite(chosenOrganizations.Select(o => new MeetingInvitee { OrganizationId = o }));
        var representatives = await db.OrganizationRepresentatives.AsNoTracking()
            .Active().Where(r => chosenOrganizations.Contains(r.OrganizationId)).Select(r => new { r.UserId, r.OrganizationId }).ToListAsync(ct);
        var holding = await db.ProcessRoleAssignments.AsNoTracking()
            .Where(a => a.ProcessId == processId && a.Role == ProcessRole.CivilSociety && a.RevokedAt == null).Select(a => new { a.UserId, a.OrganizationId }).ToListAsync(ct);
        foreach (var person in representatives.Where(r => !holding.Contains(new { r.UserId, OrganizationId = (int?)r.OrganizationId })))
        {
            db.ProcessRoleAssignments.Add(new ProcessRoleAssignment { UserId = person.UserId, ProcessId = processId, Role = ProcessRole.CivilSociety, OrganizationId = person.OrganizationId, GrantedAt = now });
        }
        await TellOutcomeAsync(call, applications, ct);
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(callId);
    }

    private async Task TellOutcomeAsync(ParticipationCall call, IReadOnlyList<CallApplication> applications, CancellationToken ct)
    {
        var slug = await db.Processes.Where(p => p.Id == call.ProcessId).Select(p => p.Slug).SingleAsync(ct);
        var byId = applications.ToDictionary(a => a.Id);
        var recipients = await db.CallApplications.Where(a => a.CallId == call.Id)
            .Join(db.Users, a => a.SubmittedByUserId, u => u.Id, (a, u) => new { a.Id, Recipient = new MailRecipient(u.Id, u.DisplayName, u.Email!, u.PreferredLanguage) })
            .ToListAsync(ct);
        foreach (var r in recipients)
        {
            var application = byId[r.Id];
            var link = PublicLinks.To(configuration, $"/processes/{slug}/calls/{call.Id.ToString(CultureInfo.InvariantCulture)}/applications/{application.Id.ToString(CultureInfo.InvariantCulture)}");
            await outbox.EnqueueAsync([r.Recipient], MailKind.ApplicationOutcome, call.MeetingId, m => $"call-outcome:{application.Id.ToString(CultureInfo.InvariantCulture)}:{m.UserId}",
                m => new Letter(t["Your application to “{0}”", call.Title], string.Join("\n\n",
                    [t["Dear {0},", m.Name],
                     application.Outcome == ApplicationOutcome.Selected
                        ? t["{0} is selected for the call “{1}”. The secretariat will write to you about the meeting.", application.Organization!.Name, call.Title]
                        : t["{0} is not selected for the call “{1}”. The selection report, with how the panel decided, will be published with a window for appeals.", application.Organization!.Name, call.Title],
                     t["Your application: {0}", link], t["The secretariat"]])), ct: ct);
        }
    }

    public async Task<Outcome> PublishReportAsync(int processId, int callId, CancellationToken ct)
    {
        var call = await db.ParticipationCalls.SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId, ct);
        if (call is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (call.DecidedAt is null)
        {
            errors.Add("", t["The panel has not decided yet."]);
        }
        else if (call.ReportPublishedAt is not null)
        {
            errors.Add("", t["The report is already published."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        call.ReportPublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(callId);
    }
}
