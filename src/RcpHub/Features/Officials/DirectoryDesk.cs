using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;
using RcpHub.Features.Processes;

namespace RcpHub.Features.Officials;

/// <summary>One's own profile as the form or a JSON body gives it.</summary>
public sealed class DirectoryProfileInput
{
    public string? Ministry { get; set; }
    public string? Position { get; set; }

    /// <summary>The files (themes) one handles, by theme id.</summary>
    public List<int> ThemeIds { get; set; } = [];

    /// <summary>The languages one works in (en, fr, es, ru, ar).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Leave me out of the directory: nobody finds or reads my profile, and nobody may ask me for contact.</summary>
    public bool LeftOut { get; set; }

    public static DirectoryProfileInput From(DirectoryOwnProfile p) => new()
    {
        Ministry = p.Ministry,
        Position = p.Position,
        ThemeIds = [.. p.Themes.Select(t => t.Id)],
        Languages = [.. p.Languages],
        LeftOut = p.LeftOut,
    };
}

public sealed class ContactRequestInput
{
    /// <summary>A few words to the person asked: who you are, what you would like to discuss (optional).</summary>
    [MultiLine]
    public string? Message { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ContactAnswer>))]
public enum ContactAnswer
{
    Accept,
    Decline,
}

public sealed class ContactAnswerInput
{
    public ContactAnswer? Answer { get; set; }
}

/// <summary>Saves one's profile, asks another official for contact and answers such a request, for the pages and the API
/// alike. Every rule of what may be stored is here; nothing is stored when one fails.</summary>
public sealed class DirectoryDesk(AppDbContext db, Outbox outbox, IConfiguration configuration, TimeProvider clock, IStringLocalizer<OfficialsText> t)
{
    /// <summary>Field of the refusals that concern the request as a whole (whom it is to).</summary>
    public const string Person = "Person";

    public async Task<Outcome> SaveProfileAsync(string userId, DirectoryProfileInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ministry = Optional(input.Ministry);
        if (ministry?.Length > DirectoryLimits.Ministry)
        {
            errors.Add(nameof(input.Ministry), t["Keep the ministry within {0} characters.", DirectoryLimits.Ministry]);
        }
        var position = Optional(input.Position);
        if (position?.Length > DirectoryLimits.Position)
        {
            errors.Add(nameof(input.Position), t["Keep the position within {0} characters.", DirectoryLimits.Position]);
        }
        var themeIds = input.ThemeIds.Distinct().ToList();
        if (!await ThemeTags.AreChosenWellAsync(db, themeIds, ct))
        {
            errors.Add(nameof(input.ThemeIds), t["Choose the files you handle from the list of themes (at most {0}).", ThemeTags.Most]);
        }
        var languages = input.Languages.Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
        if (languages.Any(l => !Cultures.Supported.Contains(l)))
        {
            errors.Add(nameof(input.Languages), t["Choose languages from the list."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var profile = await db.DirectoryProfiles.Include(p => p.Themes).SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new DirectoryProfile { UserId = userId };
            db.DirectoryProfiles.Add(profile);
        }
        profile.Ministry = ministry;
        profile.Position = position;
        profile.Languages = string.Join(' ', Cultures.Supported.Where(languages.Contains));
        profile.LeftOut = input.LeftOut;
        profile.UpdatedAt = clock.GetUtcNow();
        profile.Themes.RemoveAll(x => !themeIds.Contains(x.ThemeId));
        profile.Themes.AddRange(themeIds.Where(x => profile.Themes.All(y => y.ThemeId != x)).Select(x => new DirectoryProfileTheme { UserId = userId, ThemeId = x }));
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(profile.Id);
    }

    /// <summary>Asks <paramref name="personId"/> for contact: only an official of a process the asker is an official of
    /// (a platform administrator too, who reads every profile, asks only those they share a process with), not oneself, not
    /// again while a request between the two waits for its answer or after it was accepted. The person is told by mail, in
    /// their language, without the asker's address.</summary>
    public async Task<Outcome> RequestContactAsync(MeetingReader reader, string personId, ContactRequestInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var me = reader.UserId ?? "";
        var message = Optional(input.Message);
        if (message?.Length > DirectoryLimits.Message)
        {
            errors.Add(nameof(input.Message), t["Keep the message within {0} characters.", DirectoryLimits.Message]);
        }
        if (personId == me)
        {
            errors.Add(Person, t["You cannot ask yourself for contact."]);
            return Outcome.Refused(errors);
        }
        var today = clock.Today();
        var peers = DirectoryAccess.SharedWith(db.ProcessRoleAssignments, db.Memberships, reader with { IsPlatformAdministrator = false }, today);
        var person = await DirectoryAccess.Listed(db.Users.AsNoTracking(), peers, db.DirectoryProfiles).Where(u => u.Id == personId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            errors.Add(Person, t["You may ask for contact only the officials of a process you take part in, who are in the directory."]);
            return Outcome.Refused(errors);
        }
        var earlier = await db.ContactRequests.AsNoTracking()
            .Where(r => (r.FromUserId == me && r.ToUserId == personId) || (r.FromUserId == personId && r.ToUserId == me))
            .Where(r => r.Status != ContactRequestStatus.Declined)
            .Select(r => new { r.FromUserId, r.Status }).ToListAsync(ct);
        if (earlier.Any(r => r.Status == ContactRequestStatus.Accepted))
        {
            errors.Add(Person, t["You are already in contact with {0}: their address is on their profile.", person.DisplayName]);
        }
        else if (earlier.Any(r => r.FromUserId == me))
        {
            errors.Add(Person, t["You have already asked {0} for contact; the request waits for their answer.", person.DisplayName]);
        }
        else if (earlier.Count > 0)
        {
            errors.Add(Person, t["{0} has already asked you for contact: answer their request.", person.DisplayName]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var asker = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.DisplayName).SingleAsync(ct);
        var request = new ContactRequest
        {
            FromUserId = me, ToUserId = personId, Message = message, Status = ContactRequestStatus.Pending,
            PendingKey = ContactRequest.PendingKeyOf(me, personId), CreatedAt = clock.GetUtcNow(),
        };
        db.ContactRequests.Add(request);
        var link = PublicLinks.To(configuration, "/directory/contacts");
        if (person.Email is { } email)
        {
            await outbox.EnqueueAsync([new MailRecipient(person.Id, person.DisplayName, email, person.PreferredLanguage)], MailKind.ContactRequested, meetingId: null,
                r => $"contact-request:{request.PendingKey}:{request.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
                r => new Letter(t["{0} asks to be in contact with you", asker], string.Join("\n\n", new[]
                {
                    t["Dear {0},", r.Name].Value,
                    t["{0} found you in the directory of officials of RcpHub and asks to be in contact with you. Your e-mail address is shown to them only if you accept.", asker].Value,
                    message is null ? null : t["Their message: {0}", message].Value,
                    t["Accept or decline the request: {0}", link].Value,
                }.OfType<string>())), ct: ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            var pendingKey = request.PendingKey!;
            if (!await NumberedSave.LostRaceAsync(db, e, c => db.ContactRequests.AnyAsync(r => r.PendingKey == pendingKey, c), ct))
            {
                throw;
            }
            errors.Add(Person, t["You have already asked {0} for contact; the request waits for their answer.", person.DisplayName]);
            return Outcome.Refused(errors);
        }
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Accepts or declines a request made to <paramref name="userId"/>; the asker is told by mail in their language,
    /// with the address of the person who accepted.</summary>
    public async Task<Outcome> AnswerAsync(string userId, int requestId, ContactAnswerInput input, CancellationToken ct)
    {
        var request = await db.ContactRequests.Include(r => r.From).Include(r => r.To)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.ToUserId == userId, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (request.Status != ContactRequestStatus.Pending)
        {
            errors.Add(nameof(input.Answer), t["This request has already been answered."]);
        }
        else if (input.Answer is null)
        {
            errors.Add(nameof(input.Answer), t["Accept or decline the request."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var accepted = input.Answer == ContactAnswer.Accept;
        request.Status = accepted ? ContactRequestStatus.Accepted : ContactRequestStatus.Declined;
        request.AnsweredAt = clock.GetUtcNow();
        request.PendingKey = null;
        var asker = request.From!;
        var answerer = request.To!;
        if (asker.Email is { } email)
        {
            var link = PublicLinks.To(configuration, "/directory/contacts");
            await outbox.EnqueueAsync([new MailRecipient(asker.Id, asker.DisplayName, email, asker.PreferredLanguage)], MailKind.ContactAnswered, meetingId: null,
                r => $"contact-answer:{request.Id.ToString(CultureInfo.InvariantCulture)}",
                r => new Letter(accepted ? t["{0} accepted your contact request", answerer.DisplayName] : t["{0} declined your contact request", answerer.DisplayName],
                    string.Join("\n\n", new[]
                    {
                        t["Dear {0},", r.Name].Value,
                        accepted
                            ? t["{0} accepted your request to be in contact. You may write to them at {1}.", answerer.DisplayName, answerer.Email ?? ""].Value
                            : t["{0} declined your request to be in contact.", answerer.DisplayName].Value,
                        link,
                    })), ct: ct);
        }
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
