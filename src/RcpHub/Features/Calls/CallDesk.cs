using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Calls;

/// <summary>What a reader is to a call: its secretariat (who may <see cref="Operation.ManageCalls"/>), a member of its
/// panel, and the organisations they act for (whose applications they read).</summary>
public sealed record CallReader(string? UserId, bool IsSecretariat, bool IsPanel, IReadOnlyList<int> Organizations)
{
    /// <summary>Applicants' personal data is for the panel and the secretariat of the call only; an applicant reads
    /// its own organisation's application and no other.</summary>
    public bool MayRead(CallApplication application) => IsSecretariat || IsPanel || Organizations.Contains(application.OrganizationId);
}

/// <summary>Calls for participation: writing, publishing and changing a call, applying, the panel and its scores.
/// The selection itself (proposal, lottery, decision, report) is in <see cref="CallSelection"/>.</summary>
public sealed class CallDesk(AppDbContext db, ProcessAccess access, Outbox outbox, IConfiguration configuration, TimeProvider clock, IStringLocalizer<CallsText> t)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The process's calls, latest deadline first; drafts only for its secretariat.</summary>
    public async Task<IReadOnlyList<ParticipationCall>> ListAsync(int processId, bool withDrafts, CancellationToken ct) =>
        await db.ParticipationCalls.AsNoTracking().Where(c => c.ProcessId == processId && (withDrafts || c.PublishedAt != null))
            .OrderByDescending(c => c.Deadline).ThenByDescending(c => c.Id).ToListAsync(ct);

    /// <summary>A call of the process with its terms and changes; a draft only for its secretariat.</summary>
    public async Task<ParticipationCall?> FindAsync(int processId, int callId, bool withDrafts, CancellationToken ct) =>
        await db.ParticipationCalls.AsNoTracking().AsSingleQuery()
            .Include(c => c.Criteria).Include(c => c.Targets).Include(c => c.Regions).Include(c => c.Changes).Include(c => c.Meeting)
            .SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId && (withDrafts || c.PublishedAt != null), ct);

    public Task<CallReader> ReaderAsync(ClaimsPrincipal user, int processId, int? callId, CancellationToken ct) =>
        ReaderOfAsync(user, processId, (userId, token) => callId is { } id ? db.CallPanelMembers.AnyAsync(p => p.CallId == id && p.UserId == userId, token) : Task.FromResult(false), ct);

    /// <summary>The reader, when the call's panel is already loaded (<see cref="PanelAsync"/>): one query fewer.</summary>
    public Task<CallReader> ReaderWithPanelAsync(ClaimsPrincipal user, int processId, IReadOnlyList<(string UserId, string Name, string Email)> panel, CancellationToken ct) =>
        ReaderOfAsync(user, processId, (userId, _) => Task.FromResult(panel.Any(p => p.UserId == userId)), ct);

    private async Task<CallReader> ReaderOfAsync(ClaimsPrincipal user, int processId, Func<string, CancellationToken, Task<bool>> onPanel, CancellationToken ct)
    {
        var userId = ProcessAccess.UserIdOf(user);
        if (userId is null)
        {
            return new CallReader(null, false, false, []);
        }
        var grant = await access.ForProcessAsync(user, processId);
        var secretariat = AccessRules.Allows(Operation.ManageCalls, grant.IsPlatformAdministrator, grant.Roles);
        var panel = await onPanel(userId, ct);
        var organizations = await ActingFor(userId, processId).ToListAsync(ct);
        return new CallReader(userId, secretariat, panel, organizations);
    }

    public Task<int> ApplicationCountAsync(int callId, CancellationToken ct) => db.CallApplications.CountAsync(a => a.CallId == callId, ct);

    public async Task<Outcome> SaveAsync(int processId, int? callId, string userId, CallInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ParticipationCall? call = null;
        if (callId is { } id)
        {
            call = await db.ParticipationCalls.Include(c => c.Criteria).Include(c => c.Targets).Include(c => c.Regions)
                .SingleOrDefaultAsync(c => c.Id == id && c.ProcessId == processId, ct);
            if (call is null)
            {
                return Outcome.NotFound;
            }
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add(nameof(CallInput.Title), t["Give the call a title."]);
        }
        else if (title.Length > CallLimits.Title)
        {
            errors.Add(nameof(CallInput.Title), t["At most {0} characters.", CallLimits.Title]);
        }
        var eligibility = input.Eligibility?.Trim();
        if (string.IsNullOrEmpty(eligibility))
        {
            errors.Add(nameof(CallInput.Eligibility), t["Say who may apply."]);
        }
        else if (eligibility.Length > CallLimits.Text)
        {
            errors.Add(nameof(CallInput.Eligibility), t["At most {0} characters.", CallLimits.Text]);
        }
        if (input.Places is not (>= 1 and <= 10000))
        {
            errors.Add(nameof(CallInput.Places), t["Give the number of places, from 1 to 10,000."]);
        }
        if (input.Method is not { } method)
        {
            errors.Add(nameof(CallInput.Method), t["Choose the selection method."]);
        }
        else if (method == SelectionMethod.FairLottery && input.LotteryThreshold is not (>= 0 and <= CallLimits.MaxScore))
        {
            errors.Add(nameof(CallInput.LotteryThreshold), t["A lottery needs the score an application must reach to enter it, from 0 to {0}.", CallLimits.MaxScore]);
        }
        if (input.AppealDays is { } appeal && appeal is < 0 or > 365)
        {
            errors.Add(nameof(CallInput.AppealDays), t["The appeal window is from 0 to 365 days."]);
        }
        if (input.Deadline is not { } deadline)
        {
            errors.Add(nameof(CallInput.Deadline), t["Give the deadline for applications."]);
        }
        else if (deadline <= Now && (call is null || call.Deadline != deadline.ToUniversalTime()))
        {
            errors.Add(nameof(CallInput.Deadline), t["The deadline must be in the future."]);
        }
        if (input.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.ProcessId == processId, ct))
        {
            errors.Add(nameof(CallInput.MeetingId), t["Choose a meeting of this process, or none."]);
        }
        var criteria = CallLines.Criteria(input.Criteria, errors, t);
        var targets = CallLines.Targets(input.Targets, errors, t);
        var regions = CallLines.Regions(input.Regions, errors, t);
        var routes = targets.Where(x => x.Trait == CallTraits.Route).ToList();
        if (routes.Any(r => r.Min != r.Max))
        {
            errors.Add(nameof(CallInput.Targets), t["A route's places are fixed: give the same number as its least and its most."]);
        }
        else if (routes.Count > 0 && routes.Sum(r => r.Min ?? 0) != input.Places)
        {
            errors.Add(nameof(CallInput.Targets), t["The routes' places must add up to the call's places."]);
        }
        if (targets.Any(x => x.Trait == CallTraits.Region) && regions.Count == 0)
        {
            errors.Add(nameof(CallInput.Regions), t["A target on regions needs the regions: name each with its countries."]);
        }
        var reason = input.Reason?.Trim();
        if (call?.IsPublished == true)
        {
            if (string.IsNullOrEmpty(reason))
            {
                errors.Add(nameof(CallInput.Reason), t["Say why the published call changes: applicants are told."]);
            }
            else if (reason.Length > CallLimits.Reason)
            {
                errors.Add(nameof(CallInput.Reason), t["At most {0} characters.", CallLimits.Reason]);
            }
            if (call.DecidedAt is not null)
            {
                errors.Add(nameof(CallInput.Reason), t["The selection is decided: the call no longer changes."]);
            }
            else if (CallLines.Write(criteria) != CallLines.Write(call.Criteria) && await db.CallScores.AnyAsync(s => s.Application!.CallId == call.Id, ct))
            {
                errors.Add(nameof(CallInput.Criteria), t["The panel has started scoring: the criteria no longer change."]);
            }
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }

        var now = Now;
        if (call is null)
        {
            call = new ParticipationCall { ProcessId = processId, Title = "", Eligibility = "", CreatedByUserId = userId, CreatedAt = now };
            db.ParticipationCalls.Add(call);
        }
        call.Title = title!;
        call.Eligibility = eligibility!;
        call.Places = input.Places!.Value;
        call.TravelFunded = input.TravelFunded;
        call.Deadline = input.Deadline!.Value.ToUniversalTime();
        call.Method = input.Method!.Value;
        call.LotteryThreshold = call.Method == SelectionMethod.FairLottery ? input.LotteryThreshold : null;
        call.AppealDays = input.AppealDays ?? 14;
        call.MeetingId = input.MeetingId;
        if (CallLines.Write(criteria) != CallLines.Write(call.Criteria))
        {
            call.Criteria.Clear();
            call.Criteria.AddRange(criteria);
        }
        if (CallLines.Write(targets) != CallLines.Write(call.Targets))
        {
            call.Targets.Clear();
            call.Targets.AddRange(targets);
        }
        if (CallLines.Write(regions) != CallLines.Write(call.Regions))
        {
            call.Regions.Clear();
            call.Regions.AddRange(regions);
        }
        if (call.IsPublished)
        {
            var change = new CallChange { Call = call, ChangedAt = now, ChangedByUserId = userId, Reason = reason! };
            call.Changes.Add(change);
            await TellApplicantsAsync(call, change, ct);
        }
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(call.Id);
    }

    /// <summary>Publishes a draft: from now on it takes applications until its deadline and changes only with a reason.</summary>
    public async Task<Outcome> PublishAsync(int processId, int callId, CancellationToken ct)
    {
        var call = await db.ParticipationCalls.SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId, ct);
        if (call is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (call.IsPublished)
        {
            errors.Add("", t["The call is already published."]);
        }
        else if (call.Deadline <= Now)
        {
            errors.Add(nameof(CallInput.Deadline), t["The deadline has passed: move it before publishing."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        call.PublishedAt = Now;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(call.Id);
    }

    private async Task TellApplicantsAsync(ParticipationCall call, CallChange change, CancellationToken ct)
    {
        var process = await db.Processes.AsNoTracking().Where(p => p.Id == call.ProcessId).Select(p => new { p.Slug, p.Acronym }).SingleAsync(ct);
        var recipients = await Applicants(call.Id).ToListAsync(ct);
        var link = PublicLinks.To(configuration, $"/processes/{process.Slug}/calls/{call.Id.ToString(CultureInfo.InvariantCulture)}");
        var stamp = change.ChangedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(recipients, MailKind.CallChanged, call.MeetingId, r => $"call-change:{call.Id.ToString(CultureInfo.InvariantCulture)}:{stamp}:{r.UserId}",
            r => new Letter(t["The call “{0}” has changed", call.Title], string.Join("\n\n",
                [t["Dear {0},", r.Name],
                 t["The call for participation “{0}” of {1}, to which your organisation applied, was changed on {2}.", call.Title, process.Acronym, Infrastructure.Localization.Dates.Day(DateOnly.FromDateTime(change.ChangedAt.UtcDateTime))],
                 t["Reason: {0}", change.Reason], t["The call as it now stands: {0}", link], t["The secretariat"]])), ct: ct);
    }

    /// <summary>The people who submitted the call's applications, in their own language.</summary>
    internal IQueryable<MailRecipient> Applicants(int callId) =>
        db.CallApplications.Where(a => a.CallId == callId)
            .Join(db.Users, a => a.SubmittedByUserId, u => u.Id, (a, u) => new MailRecipient(u.Id, u.DisplayName, u.Email!, u.PreferredLanguage));

    /// <summary>The organisations the person acts for in the process (<see cref="ActingOrganizations"/>), to apply in the
    /// name of one of them.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OrganizationsOfAsync(string userId, int processId, CancellationToken ct)
    {
        var acting = ActingFor(userId, processId);
        return (await db.Organizations.AsNoTracking().Where(o => acting.Contains(o.Id))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
    }

    private IQueryable<int> ActingFor(string userId, int processId) =>
        ActingOrganizations.Of(db.OrganizationRepresentatives, db.ProcessRoleAssignments, db.Memberships, userId, processId, clock.Today());

    /// <param name="attachments">Files that passed the document checks (<see cref="DocumentUpload.CheckFileAsync"/>); stored
    /// with the application in one save, or not at all.</param>
    public async Task<Outcome> ApplyAsync(int processId, int callId, string userId, ApplicationInput input, IReadOnlyList<CheckedFile> attachments,
        CancellationToken ct)
    {
        var call = await db.ParticipationCalls.AsNoTracking().Include(c => c.Targets)
            .SingleOrDefaultAsync(c => c.Id == callId && c.ProcessId == processId && c.PublishedAt != null, ct);
        if (call is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (!call.AcceptsApplicationsAt(Now))
        {
            errors.Add("", t["The deadline of this call has passed: it takes no more applications."]);
            return Outcome.Refused(errors);
        }
        if (input.OrganizationId is not { } organizationId
            || !await ActingFor(userId, processId).ContainsAsync(organizationId, ct))
        {
            errors.Add(nameof(ApplicationInput.OrganizationId), t["Choose an organisation you act for."]);
        }
        else if (await db.CallApplications.AnyAsync(a => a.CallId == callId && a.OrganizationId == organizationId, ct))
        {
            errors.Add(nameof(ApplicationInput.OrganizationId), t["This organisation has already applied to this call."]);
        }
        var routes = call.Routes;
        var route = string.IsNullOrWhiteSpace(input.Route) ? null : input.Route.Trim();
        if (routes.Count > 0 && (route is null || !routes.Contains(route, StringComparer.Ordinal)))
        {
            errors.Add(nameof(ApplicationInput.Route), t["Choose the route you apply through: {0}.", string.Join(", ", routes)]);
        }
        else if (routes.Count == 0)
        {
            route = null;
        }
        Text(input.Motivation, nameof(ApplicationInput.Motivation), CallLimits.Text, t["Say why your organisation applies."], errors);
        Text(input.RepresentativeName, nameof(ApplicationInput.RepresentativeName), CallLimits.Name, t["Give the name of the person who would represent the organisation."], errors);
        var email = input.RepresentativeEmail?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > CallLimits.Name || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(nameof(ApplicationInput.RepresentativeEmail), t["Give the representative's email address."]);
        }
        if (input.RepresentativeGender is null)
        {
            errors.Add(nameof(ApplicationInput.RepresentativeGender), t["Choose the representative's gender (or “prefers not to say”)."]);
        }
        if (input.OrganizationType is null)
        {
            errors.Add(nameof(ApplicationInput.OrganizationType), t["Choose the type of organisation."]);
        }
        var country = input.CountryCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country) || !await db.States.AnyAsync(s => s.Code == country, ct))
        {
            errors.Add(nameof(ApplicationInput.CountryCode), t["Choose the country the organisation is based in."]);
        }
        var conflict = string.IsNullOrWhiteSpace(input.ConflictOfInterest) ? null : input.ConflictOfInterest.Trim();
        if (conflict?.Length > CallLimits.Text)
        {
            errors.Add(nameof(ApplicationInput.ConflictOfInterest), t["At most {0} characters.", CallLimits.Text]);
        }
        if (attachments.Count > CallLimits.Attachments)
        {
            errors.Add(AttachmentsField, t["Attach at most {0} files.", CallLimits.Attachments]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var application = new CallApplication
        {
            CallId = callId,
            OrganizationId = input.OrganizationId!.Value,
            Pseudonym = CallApplication.NewPseudonym(),
            SubmittedByUserId = userId,
            SubmittedAt = Now,
            Route = route,
            Motivation = input.Motivation!.Trim(),
            RepresentativeName = input.RepresentativeName!.Trim(),
            RepresentativeEmail = email!,
            RepresentativeGender = input.RepresentativeGender!.Value,
            FirstTime = input.FirstTime,
            ConflictOfInterest = conflict,
            CountryCode = country!,
            OrganizationType = input.OrganizationType!.Value,
            MigrantLed = input.MigrantLed,
            Attachments = attachments.Select(AttachmentOf).ToList(),
        };
        db.CallApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two representatives of one organisation applied at the same moment: the unique index kept one.
            db.Entry(application).State = EntityState.Detached;
            errors.Add(nameof(ApplicationInput.OrganizationId), t["This organisation has already applied to this call."]);
            return Outcome.Refused(errors);
        }
        return Outcome.Saved(application.Id);
    }

    private void Text(string? value, string field, int limit, string missing, FieldErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, missing);
        }
        else if (text.Length > limit)
        {
            errors.Add(field, t["At most {0} characters.", limit]);
        }
    }

    /// <summary>An application of the call with its scores and conflicts, when the reader may read it; null otherwise,
    /// exactly as for an application that does not exist.</summary>
    public async Task<CallApplication?> ApplicationAsync(int processId, int callId, int applicationId, CallReader reader, CancellationToken ct)
    {
        var application = await db.CallApplications.AsNoTracking().AsSingleQuery()
            .Include(a => a.Organization).Include(a => a.Scores).Include(a => a.Conflicts)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == callId && a.Call!.ProcessId == processId && a.Call.PublishedAt != null, ct);
        return application is not null && reader.MayRead(application) ? application : null;
    }

    /// <summary>The form field and error key of an application's files.</summary>
    public const string AttachmentsField = "Attachments";

    public sealed record AttachmentListing(int Id, string FileName, long Length);

    public sealed record AttachmentDownload(string FileName, string ContentType, byte[] Bytes);

    /// <summary>The files of an application already found readable by <see cref="ApplicationAsync"/>, without their bytes.</summary>
    public async Task<IReadOnlyList<AttachmentListing>> AttachmentsAsync(int applicationId, CancellationToken ct) =>
        await db.CallApplicationAttachments.AsNoTracking().Where(f => f.ApplicationId == applicationId).OrderBy(f => f.Id)
            .Select(f => new AttachmentListing(f.Id, f.FileName, f.Length)).ToListAsync(ct);

    /// <summary>One file of an application already found readable by <see cref="ApplicationAsync"/>.</summary>
    public Task<AttachmentDownload?> AttachmentAsync(int applicationId, int fileId, CancellationToken ct) =>
        db.CallApplicationAttachments.AsNoTracking().Where(f => f.Id == fileId && f.ApplicationId == applicationId)
            .Select(f => new AttachmentDownload(f.FileName, f.ContentType, f.Bytes)).SingleOrDefaultAsync(ct);

    /// <summary>Adds a file to an application while its call takes applications: for the people who act for the applying
    /// organisation only (not the panel, not the secretariat), up to <see cref="CallLimits.Attachments"/> files in all.
    /// Not found for anyone else, exactly as for an application that does not exist.</summary>
    public async Task<Outcome> AttachAsync(int processId, int callId, int applicationId, string userId, CheckedFile file, CancellationToken ct)
    {
        var application = await db.CallApplications.AsNoTracking().Include(a => a.Call)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == callId && a.Call!.ProcessId == processId && a.Call.PublishedAt != null, ct);
        if (application is null || !await ActingFor(userId, processId).ContainsAsync(application.OrganizationId, ct))
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (!application.Call!.AcceptsApplicationsAt(Now))
        {
            errors.Add(AttachmentsField, t["The deadline of this call has passed: its applications take no more files."]);
        }
        else if (await db.CallApplicationAttachments.CountAsync(f => f.ApplicationId == applicationId, ct) >= CallLimits.Attachments)
        {
            errors.Add(AttachmentsField, t["Attach at most {0} files.", CallLimits.Attachments]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var attachment = AttachmentOf(file);
        attachment.ApplicationId = applicationId;
        db.CallApplicationAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(attachment.Id);
    }

    private static CallApplicationAttachment AttachmentOf(CheckedFile file) => new()
    {
        FileName = file.FileName,
        ContentType = file.Kind.ContentType,
        Length = file.Bytes.LongLength,
        Bytes = file.Bytes,
    };

    /// <summary>The call's applications for its panel and secretariat, with scores and conflicts. Split in three queries:
    /// in one, each of a large call's tens of thousands of scores would carry (and be sorted with) its whole application.</summary>
    public async Task<IReadOnlyList<CallApplication>> ApplicationsAsync(int callId, CancellationToken ct) =>
        await Listed(callId).AsSplitQuery().ToListAsync(ct);

    /// <summary>How many applications the panel's list shows at once, as the meeting list does: a call may have thousands.</summary>
    public const int PageSize = 50;

    public sealed record ApplicationPage(IReadOnlyList<CallApplication> Rows, int Total, int Page)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>One page of the call's applications, in the order they came in (a page past the last shows the last).</summary>
    public async Task<ApplicationPage> ApplicationPageAsync(int callId, int page, CancellationToken ct)
    {
        var total = await ApplicationCountAsync(callId, ct);
        var number = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        return new ApplicationPage(await Listed(callId).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct), total, number);
    }

    /// <summary>The applications of the call with these pseudonyms (the proposal's), with their organisations.</summary>
    public async Task<IReadOnlyList<CallApplication>> NamedAsync(int callId, IReadOnlyCollection<string> pseudonyms, CancellationToken ct) =>
        pseudonyms.Count == 0 ? [] : await db.CallApplications.AsNoTracking().Include(a => a.Organization)
            .Where(a => a.CallId == callId && pseudonyms.Contains(a.Pseudonym)).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(ct);

    private IQueryable<CallApplication> Listed(int callId) =>
        db.CallApplications.AsNoTracking().AsSingleQuery().Include(a => a.Organization).Include(a => a.Scores).Include(a => a.Conflicts)
            .Where(a => a.CallId == callId).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id);

    public async Task<IReadOnlyList<(string UserId, string Name, string Email)>> PanelAsync(int callId, CancellationToken ct) =>
        (await db.CallPanelMembers.AsNoTracking().Where(p => p.CallId == callId).OrderBy(p => p.User!.DisplayName)
            .Select(p => new { p.UserId, p.User!.DisplayName, p.User.Email }).ToListAsync(ct))
            .Select(p => (p.UserId, p.DisplayName, p.Email ?? "")).ToList();

    public async Task<Outcome> AddPanelMemberAsync(int processId, int callId, string? email, CancellationToken ct)
    {
        if (!await db.ParticipationCalls.AnyAsync(c => c.Id == callId && c.ProcessId == processId, ct))
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var normalized = email?.Trim().ToUpperInvariant();
        var userId = string.IsNullOrEmpty(normalized) ? null : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (userId is null)
        {
            errors.Add("Email", t["No platform user has this email address."]);
        }
        else if (await db.CallPanelMembers.AnyAsync(p => p.CallId == callId && p.UserId == userId, ct))
        {
            errors.Add("Email", t["This person is already on the panel."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var call = await db.ParticipationCalls.SingleAsync(c => c.Id == callId, ct);
        call.Panel.Add(new CallPanelMember { UserId = userId!, AddedAt = Now, Call = call });
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(callId);
    }

    public async Task<Outcome> RemovePanelMemberAsync(int processId, int callId, string? userId, CancellationToken ct)
    {
        var member = await db.CallPanelMembers.Include(p => p.Call)
            .SingleOrDefaultAsync(p => p.CallId == callId && p.Call!.ProcessId == processId && p.UserId == userId, ct);
        if (member is null)
        {
            return Outcome.NotFound;
        }
        db.CallPanelMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(callId);
    }

    /// <summary>One panel member's scores of one application, all criteria at once, recorded with who and when. A member
    /// scores an application once and never one they declared a conflict with.</summary>
    public async Task<Outcome> ScoreAsync(int processId, int callId, int applicationId, string userId, IReadOnlyDictionary<int, int?> values, CancellationToken ct)
    {
        var application = await db.CallApplications.Include(a => a.Call).ThenInclude(c => c!.Criteria).Include(a => a.Scores).Include(a => a.Conflicts)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == callId && a.Call!.ProcessId == processId, ct);
        if (application is null || !await db.CallPanelMembers.AnyAsync(p => p.CallId == callId && p.UserId == userId, ct))
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (application.Conflicts.Any(c => c.UserId == userId))
        {
            errors.Add("", t["You declared a conflict of interest with this application: you cannot score it."]);
        }
        else if (application.Scores.Any(s => s.UserId == userId))
        {
            errors.Add("", t["You have already scored this application."]);
        }
        else if (application.Call!.ProposedAt is not null)
        {
            errors.Add("", t["The proposal is made: scoring is over."]);
        }
        foreach (var criterion in application.Call!.Criteria)
        {
            if (!values.TryGetValue(criterion.Id, out var value) || value is not (>= 0 and <= CallLimits.MaxScore))
            {
                errors.Add($"Scores[{criterion.Id.ToString(CultureInfo.InvariantCulture)}]", t["Give “{0}” a score from 0 to {1}.", criterion.Name, CallLimits.MaxScore]);
            }
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var now = Now;
        foreach (var criterion in application.Call.Criteria)
        {
            application.Scores.Add(new CallScore { Application = application, CriterionId = criterion.Id, UserId = userId, Value = values[criterion.Id]!.Value, ScoredAt = now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same member sent the form twice at once: the unique index kept the first.
            errors.Add("", t["You have already scored this application."]);
            return Outcome.Refused(errors);
        }
        return Outcome.Saved(applicationId);
    }

    /// <summary>A panel member declares a conflict with an application: they no longer score it, and a score they gave it
    /// is withdrawn.</summary>
    public async Task<Outcome> DeclareConflictAsync(int processId, int callId, int applicationId, string userId, string? note, CancellationToken ct)
    {
        var application = await db.CallApplications.Include(a => a.Call).Include(a => a.Scores).Include(a => a.Conflicts)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == callId && a.Call!.ProcessId == processId, ct);
        if (application is null || !await db.CallPanelMembers.AnyAsync(p => p.CallId == callId && p.UserId == userId, ct))
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > CallLimits.Reason)
        {
            errors.Add("Note", t["Say what the conflict is (at most {0} characters).", CallLimits.Reason]);
        }
        else if (application.Conflicts.Any(c => c.UserId == userId))
        {
            errors.Add("Note", t["You have already declared a conflict with this application."]);
        }
        else if (application.Call!.ProposedAt is not null)
        {
            errors.Add("Note", t["The proposal is made: scoring is over."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        application.Scores.RemoveAll(s => s.UserId == userId);
        application.Conflicts.Add(new CallConflict { Application = application, UserId = userId, Note = text!, DeclaredAt = Now });
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(applicationId);
    }

    public async Task<IReadOnlyList<(int Id, string Title)>> MeetingsAsync(int processId, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().Where(m => m.ProcessId == processId).OrderByDescending(m => m.Id).Select(m => new { m.Id, m.Title }).ToListAsync(ct))
            .Select(m => (m.Id, m.Title)).ToList();
}
