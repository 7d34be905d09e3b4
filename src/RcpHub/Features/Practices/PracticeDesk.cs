using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;

namespace RcpHub.Features.Practices;

/// <summary>A practice as the submission form or a JSON body gives it.</summary>
public sealed class PracticeInput
{
    public string? Title { get; set; }

    [MultiLine]
    public string? Summary { get; set; }

    /// <summary>The country where it was carried out (ISO 3166 alpha-3).</summary>
    public string? StateCode { get; set; }

    /// <summary>The organisation it is submitted for; empty when a state (its focal point) or the secretariat submits it.</summary>
    public int? OrganizationId { get; set; }

    public List<int> ThemeIds { get; set; } = [];

    /// <summary>GCM objectives it serves, by number (1 to 23).</summary>
    public List<int> Objectives { get; set; } = [];

    public int? FromYear { get; set; }
    public int? ToYear { get; set; }

    [MultiLine]
    public string? Results { get; set; }

    /// <summary>Who to ask about it (a name, an office, an address).</summary>
    public string? Contact { get; set; }

    /// <summary>The languages it is documented in (en, fr, es, ru, ar).</summary>
    public List<string> Languages { get; set; } = [];

    public static PracticeInput From(Practice p) => new()
    {
        Title = p.Title,
        Summary = p.Summary,
        StateCode = p.StateCode,
        OrganizationId = p.OrganizationId,
        ThemeIds = p.Themes.Select(t => t.ThemeId).ToList(),
        Objectives = p.Objectives.Select(o => o.Objective).ToList(),
        FromYear = p.FromYear,
        ToYear = p.ToYear,
        Results = p.Results,
        Contact = p.Contact,
        Languages = p.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
    };
}

/// <summary>What the secretariat decides on a submitted practice.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PracticeDecision>))]
public enum PracticeDecision
{
    Publish,
    Return,
}

public sealed class PracticeReviewInput
{
    public PracticeDecision? Decision { get; set; }

    /// <summary>Who reads it once published: MembersOnly or Public.</summary>
    public MeetingAudience? Audience { get; set; }

    /// <summary>To the submitter; required when returning.</summary>
    [MultiLine]
    public string? Note { get; set; }
}

public sealed class PracticeCommentInput
{
    [MultiLine]
    public string? Text { get; set; }
}

public sealed class PracticeAdaptationInput
{
    /// <summary>The member state that adapted the practice (ISO 3166 alpha-3): the focal point's own.</summary>
    public string? StateCode { get; set; }

    [MultiLine]
    public string? Note { get; set; }
}

/// <summary>What a command came to: the practice's id, or the refused fields (by property name), or not found (no such
/// practice in the process that the person may act on).</summary>
public sealed record PracticeOutcome(int? Id, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public bool Done => Id is not null && Errors.Count == 0;

    public static PracticeOutcome Missing { get; } = new(null, new Dictionary<string, string[]>(), NotFound: true);

    /// <summary>The refused fields as the JSON API names them.</summary>
    public Dictionary<string, string[]> JsonErrors => Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);

    /// <summary>The refused fields as a page's form names them (<paramref name="form"/>.Field; the files are a field of the
    /// form itself).</summary>
    public void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string form)
    {
        foreach (var (field, messages) in Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field == PracticeDesk.AttachmentsField || form.Length == 0 ? field : $"{form}.{field}", message);
            }
        }
    }
}

/// <summary>Who acts on practices in a process, read once per request: the secretariat (or a platform administrator) for
/// any member state, a focal point for their own states, and the organisations the person acts for
/// (<see cref="ActingOrganizations"/>).</summary>
public sealed record PracticeActor(string UserId, bool Secretariat, IReadOnlyList<string> OwnStates, IReadOnlyList<int> Organizations, MeetingReader Reader)
{
    public bool MayActFor(string stateCode) => Secretariat || OwnStates.Contains(stateCode);
}

/// <summary>Submits, reviews, comments on and marks adapted the good practices of a process, for the pages and the API
/// alike. Every rule of what may be stored is here; nothing is stored when one fails.</summary>
public sealed class PracticeDesk(AppDbContext db, ProcessAccess access, MeetingReaders readers, Outbox outbox, IConfiguration configuration,
    TimeProvider clock, IStringLocalizer<PracticesText> t)
{
    public async Task<PracticeActor> ActorAsync(ClaimsPrincipal user, int processId, CancellationToken ct)
    {
        var grant = await access.ForProcessAsync(user, processId);
        var userId = ProcessAccess.UserIdOf(user) ?? "";
        var organizations = userId.Length == 0 ? [] : await ActingOrganizations
            .Of(db.OrganizationRepresentatives, db.ProcessRoleAssignments, db.Memberships, userId, processId, clock.Today()).ToListAsync(ct);
        return new PracticeActor(userId, grant.IsPlatformAdministrator || grant.Has(ProcessRole.Secretariat), grant.FocalPointStates, organizations,
            await readers.CurrentAsync(user));
    }

    /// <summary>The form field and error key of a practice's files.</summary>
    public const string AttachmentsField = "Attachments";

    /// <summary>Submits a practice (no id), or submits again one that was returned to its submitter or that they withdrew; the process's secretariat
    /// is told by mail, each in their language.</summary>
    /// <param name="attachments">Files that passed the document checks (<see cref="Documents.DocumentUpload.CheckFileAsync"/>);
    /// stored with the practice in one save, or not at all.</param>
    public async Task<PracticeOutcome> SubmitAsync(AddressedProcess process, int? id, PracticeInput input, PracticeActor actor, CancellationToken ct,
        IReadOnlyList<Documents.CheckedFile>? attachments = null)
    {
        var processId = process.Id;
        Practice? practice = null;
        if (id is { } existing)
        {
            practice = await db.Practices.Include(p => p.Themes).Include(p => p.Objectives)
                .SingleOrDefaultAsync(p => p.Id == existing && p.ProcessId == processId, ct);
            if (practice is null || !PracticeRules.MaySubmitAgain(practice.Status) || practice.SubmittedByUserId != actor.UserId)
            {
                return PracticeOutcome.Missing;
            }
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Refuse(string field, string message) => errors[field] = [message];
        var today = clock.Today();

        var title = input.Title?.Trim() ?? "";
        var titleKey = PracticeRules.TitleKey(title);
        if (titleKey.Length == 0)
        {
            Refuse(nameof(input.Title), t["Give the practice a title."]);
        }
        else if (title.Length > PracticeLimits.Title)
        {
            Refuse(nameof(input.Title), t["Keep the title within {0} characters.", PracticeLimits.Title]);
        }
        var summary = input.Summary?.Trim() ?? "";
        if (summary.Length == 0)
        {
            Refuse(nameof(input.Summary), t["Summarise the practice: what was done, by whom, for whom."]);
        }
        else if (summary.Length > PracticeLimits.Summary)
        {
            Refuse(nameof(input.Summary), t["Keep the summary within {0} characters.", PracticeLimits.Summary]);
        }

        var state = input.StateCode?.Trim().ToUpperInvariant() ?? "";
        string? submitterKey = null;
        if (input.OrganizationId is { } organization)
        {
            if (!actor.Organizations.Contains(organization))
            {
                Refuse(nameof(input.OrganizationId), t["You may submit only for an organisation you act for."]);
            }
            else
            {
                submitterKey = PracticeRules.OrganizationSubmitter(organization);
            }
            if (state.Length == 0 || !await db.States.AnyAsync(s => s.Code == state, ct))
            {
                Refuse(nameof(input.StateCode), t["Choose the country where the practice was carried out."]);
            }
        }
        else if (state.Length == 0)
        {
            Refuse(nameof(input.StateCode), t["Choose the country where the practice was carried out."]);
        }
        else if (!actor.MayActFor(state))
        {
            Refuse(nameof(input.StateCode), actor.Organizations.Count > 0
                ? t["Choose the organisation you submit for: you may submit for a state only as its focal point."]
                : t["You may submit practices only for the state you are focal point for."]);
        }
        else if (!await db.Memberships.MemberStatesOf(processId, today).AnyAsync(s => s == state, ct))
        {
            Refuse(nameof(input.StateCode), t["This state is not a member of the process."]);
        }
        else
        {
            submitterKey = PracticeRules.StateSubmitter(state);
        }

        var themeIds = input.ThemeIds.Distinct().ToList();
        if (!await ThemeTags.AreChosenWellAsync(db, themeIds, ct))
        {
            Refuse(nameof(input.ThemeIds), t["Choose themes from the list."]);
        }
        var objectives = input.Objectives.Distinct().ToList();
        if (objectives.Any(o => GlobalFrameworks.Objective(o) is null))
        {
            Refuse(nameof(input.Objectives), t["Choose GCM objectives from the list (1 to 23)."]);
        }
        if (input.FromYear is not { } from || from < PracticeLimits.FirstYear || from > today.Year)
        {
            Refuse(nameof(input.FromYear), t["Give the year the practice started ({0} to {1}).", PracticeLimits.FirstYear, today.Year]);
        }
        else if (input.ToYear is { } to && (to < from || to > today.Year + 10))
        {
            Refuse(nameof(input.ToYear), t["The end year cannot be before the start year."]);
        }
        var results = Optional(input.Results);
        if (results?.Length > PracticeLimits.Results)
        {
            Refuse(nameof(input.Results), t["Keep the results within {0} characters.", PracticeLimits.Results]);
        }
        var contact = Optional(input.Contact);
        if (contact?.Length > PracticeLimits.Contact)
        {
            Refuse(nameof(input.Contact), t["Keep the contact within {0} characters.", PracticeLimits.Contact]);
        }
        var languages = input.Languages.Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
        if (languages.Count == 0 || languages.Any(l => !Cultures.Supported.Contains(l)))
        {
            Refuse(nameof(input.Languages), t["Choose the languages the practice is documented in."]);
        }

        attachments ??= [];
        if (attachments.Count + (practice is null ? 0 : await db.PracticeAttachments.CountAsync(f => f.PracticeId == practice.Id, ct)) > PracticeLimits.Attachments)
        {
            Refuse(AttachmentsField, TooMany());
        }

        if (errors.Count == 0 && submitterKey is not null
            && await db.Practices.AnyAsync(p => p.ProcessId == processId && p.SubmitterKey == submitterKey && p.TitleKey == titleKey && p.Id != (id ?? 0), ct))
        {
            Refuse(nameof(input.Title), Duplicate());
        }
        if (errors.Count > 0)
        {
            return new PracticeOutcome(null, errors);
        }

        var now = clock.GetUtcNow();
        if (practice is null)
        {
            practice = new Practice
            {
                ProcessId = processId, Title = title, TitleKey = titleKey, SubmitterKey = submitterKey!, Summary = summary, StateCode = state,
                SubmittedByUserId = actor.UserId,
            };
            db.Practices.Add(practice);
        }
        practice.Title = title;
        practice.TitleKey = titleKey;
        practice.SubmitterKey = submitterKey!;
        practice.Summary = summary;
        practice.StateCode = state;
        practice.OrganizationId = input.OrganizationId;
        practice.FromYear = input.FromYear!.Value;
        practice.ToYear = input.ToYear;
        practice.Results = results;
        practice.Contact = contact;
        practice.Languages = string.Join(' ', Cultures.Supported.Where(languages.Contains));
        practice.Status = PracticeStatus.Submitted;
        practice.SubmittedAt = now;
        practice.Themes.RemoveAll(x => !themeIds.Contains(x.ThemeId));
        practice.Themes.AddRange(themeIds.Where(x => practice.Themes.All(y => y.ThemeId != x)).Select(x => new PracticeTheme { ThemeId = x }));
        practice.Objectives.RemoveAll(x => !objectives.Contains(x.Objective));
        practice.Objectives.AddRange(objectives.Where(x => practice.Objectives.All(y => y.Objective != x)).Select(x => new PracticeObjective { Objective = x }));
        practice.Attachments.AddRange(attachments.Select(f => AttachmentOf(f, actor, now)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            var practiceId = practice.Id;
            if (!await NumberedSave.LostRaceAsync(db, e, c => db.Practices.AnyAsync(p =>
                    p.ProcessId == processId && p.SubmitterKey == submitterKey && p.TitleKey == titleKey && p.Id != practiceId, c), ct))
            {
                throw;
            }
            return new PracticeOutcome(null, new Dictionary<string, string[]> { [nameof(input.Title)] = [Duplicate()] });
        }
        // After the save that stored it: the mail's key and link need the practice's id.
        await TellSecretariatAsync(process, practice, ct);
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return new PracticeOutcome(practice.Id, new Dictionary<string, string[]>());
    }

    /// <summary>Tells the process's secretariat (its people whose role is in force) that a practice waits for their review.</summary>
    private async Task TellSecretariatAsync(AddressedProcess process, Practice practice, CancellationToken ct)
    {
        var recipients = (await db.ProcessRoleAssignments.HoldersWithAddress(db.Memberships, clock.Today(), process.Id, ProcessRole.Secretariat)
            .ToListAsync(ct)).Select(MailRecipient.Of);
        var link = PublicLinks.To(configuration, $"/processes/{process.Slug}/practices/{practice.Id.ToString(CultureInfo.InvariantCulture)}#review");
        var stamp = practice.SubmittedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(recipients.DistinctBy(r => r.UserId), MailKind.PracticeSubmitted, meetingId: null,
            r => $"practice-submitted:{practice.Id.ToString(CultureInfo.InvariantCulture)}:{stamp}:{r.UserId}",
            r => new Letter(t["Practice to review: {0}", practice.Title], string.Join("\n\n",
                t["Dear {0},", r.Name].Value,
                t["The practice “{0}” was submitted to {1} and waits for the secretariat's review: publish it or return it with a note.", practice.Title, process.Acronym].Value,
                t["Review it here: {0}", link].Value)), ct: ct);
    }

    private string TooMany() => t["Attach at most {0} documents to a practice.", PracticeLimits.Attachments];

    private static PracticeAttachment AttachmentOf(Documents.CheckedFile file, PracticeActor actor, DateTimeOffset now) => new()
    {
        FileName = file.FileName,
        ContentType = file.Kind.ContentType,
        Length = file.Bytes.LongLength,
        Bytes = file.Bytes,
        AddedByUserId = actor.UserId,
        AddedAt = now,
    };

    /// <summary>Adds a document to a practice later: for its submitter and the process's secretariat, up to
    /// <see cref="PracticeLimits.Attachments"/> in all. Not found for anyone else, as for a practice that does not exist.</summary>
    public async Task<PracticeOutcome> AttachAsync(int processId, int id, Documents.CheckedFile file, PracticeActor actor, CancellationToken ct)
    {
        var practice = await db.Practices.Where(PracticeAccess.VisibleTo(actor.Reader))
            .SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == processId, ct);
        if (practice is null || (!actor.Secretariat && practice.SubmittedByUserId != actor.UserId))
        {
            return PracticeOutcome.Missing;
        }
        if (await db.PracticeAttachments.CountAsync(f => f.PracticeId == id, ct) >= PracticeLimits.Attachments)
        {
            return new PracticeOutcome(null, new Dictionary<string, string[]> { [AttachmentsField] = [TooMany()] });
        }
        var attachment = AttachmentOf(file, actor, clock.GetUtcNow());
        attachment.Practice = practice;
        db.PracticeAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return new PracticeOutcome(attachment.Id, new Dictionary<string, string[]>());
    }

    public sealed record AttachmentDownload(string FileName, string ContentType, byte[] Bytes);

    /// <summary>One document of a practice, for whoever may read the practice; null for anyone else.</summary>
    public Task<AttachmentDownload?> AttachmentAsync(int processId, int id, int fileId, MeetingReader reader, CancellationToken ct) =>
        db.PracticeAttachments.AsNoTracking()
            .Where(f => f.Id == fileId && f.PracticeId == id && f.Practice!.ProcessId == processId)
            .Where(f => db.Practices.Where(PracticeAccess.VisibleTo(reader)).Any(p => p.Id == f.PracticeId))
            .Select(f => new AttachmentDownload(f.FileName, f.ContentType, f.Bytes)).SingleOrDefaultAsync(ct);

    private string Duplicate() =>
        t["This practice has already been submitted to the process under this title for the same state or organisation. Nothing has been saved."];

    /// <summary>Publishes a submitted practice to its audience or returns it with a note; its submitter is told by mail, in
    /// their language.</summary>
    public async Task<PracticeOutcome> ReviewAsync(AddressedProcess process, int id, PracticeReviewInput input, PracticeActor actor, CancellationToken ct)
    {
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == process.Id, ct);
        if (practice is null || !actor.Secretariat)
        {
            return PracticeOutcome.Missing;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var note = Optional(input.Note);
        if (practice.Status != PracticeStatus.Submitted)
        {
            errors[nameof(input.Decision)] = [t["This practice is not waiting for review."]];
        }
        else if (input.Decision is null)
        {
            errors[nameof(input.Decision)] = [t["Choose to publish the practice or to return it."]];
        }
        if (input.Decision == PracticeDecision.Publish && (input.Audience is not { } audience || !OutputAccess.Audiences.Contains(audience)))
        {
            errors[nameof(input.Audience)] = [t["Choose who may read the practice: the members or everyone."]];
        }
        if (note?.Length > PracticeLimits.Note)
        {
            errors[nameof(input.Note)] = [t["Keep the note within {0} characters.", PracticeLimits.Note]];
        }
        else if (note is null && input.Decision == PracticeDecision.Return)
        {
            errors[nameof(input.Note)] = [t["Say in the note what to change: the submitter reads it."]];
        }
        if (errors.Count > 0)
        {
            return new PracticeOutcome(null, errors);
        }
        var now = clock.GetUtcNow();
        practice.ReviewNote = note;
        practice.ReviewedByUserId = actor.UserId;
        practice.ReviewedAt = now;
        if (input.Decision == PracticeDecision.Publish)
        {
            practice.Status = PracticeStatus.Published;
            practice.Audience = input.Audience!.Value;
            practice.PublishedAt = now;
        }
        else
        {
            practice.Status = PracticeStatus.Returned;
        }
        await TellSubmitterAsync(process, practice, ct);
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return new PracticeOutcome(practice.Id, new Dictionary<string, string[]>());
    }

    private async Task TellSubmitterAsync(AddressedProcess process, Practice practice, CancellationToken ct)
    {
        var recipients = await db.Users.Where(u => u.Id == practice.SubmittedByUserId && u.Email != null)
            .Select(u => new MailRecipient(u.Id, u.DisplayName, u.Email!, u.PreferredLanguage)).ToListAsync(ct);
        var address = practice.Status == PracticeStatus.Returned
            ? $"/processes/{process.Slug}/practices/submit?id={practice.Id.ToString(CultureInfo.InvariantCulture)}"
            : $"/processes/{process.Slug}/practices/{practice.Id.ToString(CultureInfo.InvariantCulture)}";
        var link = PublicLinks.To(configuration, address);
        var stamp = practice.ReviewedAt!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(recipients, MailKind.PracticeReviewed, meetingId: null,
            r => $"practice-review:{practice.Id.ToString(CultureInfo.InvariantCulture)}:{stamp}:{r.UserId}",
            r => new Letter(t["Your practice {0}", practice.Title], string.Join("\n\n",
                new[]
                {
                    t["Dear {0},", r.Name].Value,
                    practice.Status == PracticeStatus.Published
                        ? (practice.Audience == MeetingAudience.Public
                            ? t["The secretariat of {0} has published your practice “{1}” for everyone.", process.Acronym, practice.Title]
                            : t["The secretariat of {0} has published your practice “{1}” for the members of the process.", process.Acronym, practice.Title]).Value
                        : t["The secretariat of {0} has returned your practice “{1}” to you: change it and submit it again.", process.Acronym, practice.Title].Value,
                    practice.ReviewNote is { } note ? t["Note of the secretariat: {0}", note].Value : null,
                    link,
                    t["The secretariat"].Value,
                }.OfType<string>())), ct: ct);
    }

    /// <summary>Its submitter withdraws a practice before it is published: the secretariat no longer reviews it, and the
    /// submitter may change it and submit it again (the way back). Not found for anyone else.</summary>
    public async Task<PracticeOutcome> WithdrawAsync(int processId, int id, PracticeActor actor, CancellationToken ct)
    {
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == processId && p.SubmittedByUserId == actor.UserId, ct);
        if (practice is null)
        {
            return PracticeOutcome.Missing;
        }
        if (!PracticeRules.MayWithdraw(practice.Status))
        {
            return new PracticeOutcome(null, new Dictionary<string, string[]>
            {
                ["Status"] = [practice.Status == PracticeStatus.Published
                    ? t["A published practice cannot be withdrawn: ask the secretariat of the process."].Value
                    : t["This practice is already withdrawn."].Value],
            });
        }
        practice.Status = PracticeStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
        return new PracticeOutcome(practice.Id, new Dictionary<string, string[]>());
    }

    /// <summary>A member's comment on a published practice they may read.</summary>
    public async Task<PracticeOutcome> CommentAsync(int processId, int id, PracticeCommentInput input, PracticeActor actor, CancellationToken ct)
    {
        if (await PublishedAsync(processId, id, actor, ct) is not { } practice)
        {
            return PracticeOutcome.Missing;
        }
        var text = Optional(input.Text);
        var refusal = text is null ? t["Write the comment."].Value
            : text.Length > PracticeLimits.Comment ? t["Keep the comment within {0} characters.", PracticeLimits.Comment].Value : null;
        if (refusal is not null)
        {
            return new PracticeOutcome(null, new Dictionary<string, string[]> { [nameof(input.Text)] = [refusal] });
        }
        db.PracticeComments.Add(new PracticeComment { PracticeId = practice.Id, UserId = actor.UserId, Text = text!, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return new PracticeOutcome(practice.Id, new Dictionary<string, string[]>());
    }

    /// <summary>"We adapted this": a member state (its focal point) says it took the practice over, with a note; a second mark
    /// by the same state corrects its note.</summary>
    public async Task<PracticeOutcome> AdaptAsync(int processId, int id, PracticeAdaptationInput input, PracticeActor actor, CancellationToken ct)
    {
        if (await PublishedAsync(processId, id, actor, ct) is not { } practice)
        {
            return PracticeOutcome.Missing;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var state = input.StateCode?.Trim().ToUpperInvariant() ?? "";
        if (state.Length == 0)
        {
            errors[nameof(input.StateCode)] = [t["Choose the state that adapted the practice."]];
        }
        else if (!actor.MayActFor(state))
        {
            errors[nameof(input.StateCode)] = [t["You may say so only for the state you are focal point for."]];
        }
        else if (state == practice.StateCode)
        {
            errors[nameof(input.StateCode)] = [t["The practice comes from this state: choose the state that adapted it."]];
        }
        else if (!await db.Memberships.MemberStatesOf(processId, clock.Today()).AnyAsync(s => s == state, ct))
        {
            errors[nameof(input.StateCode)] = [t["This state is not a member of the process."]];
        }
        var note = Optional(input.Note);
        if (note is null)
        {
            errors[nameof(input.Note)] = [t["Say in a note how your state adapted it."]];
        }
        else if (note.Length > PracticeLimits.Note)
        {
            errors[nameof(input.Note)] = [t["Keep the note within {0} characters.", PracticeLimits.Note]];
        }
        if (errors.Count > 0)
        {
            return new PracticeOutcome(null, errors);
        }
        var adaptation = await db.PracticeAdaptations.SingleOrDefaultAsync(a => a.PracticeId == practice.Id && a.StateCode == state, ct);
        if (adaptation is null)
        {
            adaptation = new PracticeAdaptation { PracticeId = practice.Id, StateCode = state, Note = note!, UserId = actor.UserId };
            db.PracticeAdaptations.Add(adaptation);
        }
        adaptation.Note = note!;
        adaptation.UserId = actor.UserId;
        adaptation.At = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new PracticeOutcome(practice.Id, new Dictionary<string, string[]>());
    }

    private Task<Practice?> PublishedAsync(int processId, int id, PracticeActor actor, CancellationToken ct) =>
        db.Practices.Where(PracticeAccess.VisibleTo(actor.Reader))
            .SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == processId && p.Status == PracticeStatus.Published, ct);

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
