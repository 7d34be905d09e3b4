using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Meetings;

/// <summary>A session as the secretariat gives it (form and API); times on the venue's clock. The rapporteur is either a
/// person with an account among the process's people (<see cref="RapporteurUserId"/>) or a person named without one.</summary>
public sealed class SessionInput
{
    [Display(Name = "Code of the session")]
    [StringLength(40, ErrorMessage = "The code is too long (40 characters at most).")]
    public string? Code { get; set; }

    [Display(Name = "Title of the session")]
    [Required(ErrorMessage = "Enter the title of the session.")]
    [StringLength(300, ErrorMessage = "The title is too long (300 characters at most).")]
    public string? Title { get; set; }

    [Display(Name = "Starts (venue time)")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Ends (venue time)")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Guiding questions (one per line)")]
    [StringLength(4000, ErrorMessage = "The guiding questions are too long (4,000 characters at most).")]
    [MultiLine]
    public string? GuidingQuestions { get; set; }

    [Display(Name = "Rapporteur with an account")]
    public string? RapporteurUserId { get; set; }

    [Display(Name = "Rapporteur without an account: name")]
    [StringLength(200, ErrorMessage = "The name is too long (200 characters at most).")]
    public string? RapporteurName { get; set; }

    [Display(Name = "Affiliation of the rapporteur")]
    [StringLength(300, ErrorMessage = "The affiliation is too long (300 characters at most).")]
    public string? RapporteurAffiliation { get; set; }

    /// <summary>API only: when given, the session's people become these, in this order.</summary>
    public List<SessionPersonInput>? People { get; set; }

    public static SessionInput From(Session s, string zoneId) => new()
    {
        Code = s.Code,
        Title = s.Title,
        StartsAt = s.StartsAtUtc is { } a ? TimeZones.InZone(a, zoneId).DateTime : null,
        EndsAt = s.EndsAtUtc is { } b ? TimeZones.InZone(b, zoneId).DateTime : null,
        GuidingQuestions = s.GuidingQuestions,
        RapporteurUserId = s.RapporteurUserId,
        RapporteurName = s.RapporteurName,
        RapporteurAffiliation = s.RapporteurAffiliation,
    };
}

/// <summary>A person of a session: their role, name, and whom they speak for: "state:KEN", "org:12", "personal" (in a
/// personal capacity) or "new" (an organisation not yet on the platform, named in the fields that follow).</summary>
public sealed class SessionPersonInput
{
    [Display(Name = "Role")]
    [Required(ErrorMessage = "Choose the person's role in the session.")]
    public SessionRole? Role { get; set; }

    [Display(Name = "Name")]
    [Required(ErrorMessage = "Enter the name of the person.")]
    [StringLength(200, ErrorMessage = "The name is too long (200 characters at most).")]
    public string? Name { get; set; }

    [Display(Name = "Speaks for")]
    [Required(ErrorMessage = "Choose whom the person speaks for.")]
    public string? SpeaksFor { get; set; }

    [Display(Name = "Organisation not in the list: its name")]
    [StringLength(300, ErrorMessage = "The name of the organisation is too long (300 characters at most).")]
    public string? NewOrganizationName { get; set; }

    [Display(Name = "Its acronym")]
    [StringLength(60, ErrorMessage = "The acronym is too long (60 characters at most).")]
    public string? NewOrganizationAcronym { get; set; }

    [Display(Name = "Kind of organisation")]
    public OrganizationKind? NewOrganizationKind { get; set; }
}

/// <summary>A state or an organisation as a form value: "state:KEN" or "org:12"; for a session's people also
/// <see cref="Personal"/> and <see cref="NewOrganization"/>.</summary>
public static class Party
{
    public const string Personal = "personal";
    public const string NewOrganization = "new";

    public static string? Key(string? stateCode, int? organizationId) =>
        stateCode is not null ? "state:" + stateCode : organizationId is { } id ? "org:" + id.ToString(CultureInfo.InvariantCulture) : null;

    public static bool TryParse(string? key, out string? stateCode, out int? organizationId)
    {
        (stateCode, organizationId) = (null, null);
        if (key?.StartsWith("state:", StringComparison.Ordinal) == true && key.Length == 9)
        {
            stateCode = key[6..].ToUpperInvariant();
            return true;
        }
        if (key?.StartsWith("org:", StringComparison.Ordinal) == true && int.TryParse(key[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            organizationId = id;
            return true;
        }
        return false;
    }

    /// <summary>Whether the state or organisation exists (one query).</summary>
    public static async Task<bool> ExistsAsync(AppDbContext db, string? key, CancellationToken ct = default) =>
        TryParse(key, out var code, out var id)
        && (code is not null ? await db.States.AnyAsync(s => s.Code == code, ct) : await db.Organizations.AnyAsync(o => o.Id == id, ct));
}

/// <summary>The states and organisations a form offers, named in the reader's language (two queries). The same names
/// serve the parties already chosen on the page (<see cref="NameOf"/>), with no further query.</summary>
public sealed record PartyChoices(IReadOnlyList<Choice> States, IReadOnlyList<Choice> Organizations, IReadOnlyDictionary<int, string> OrganizationNames)
{
    public static async Task<PartyChoices> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase);
        List<Choice> states = [.. (await db.States.ChoicesAsync(null, ct)).Select(s => new Choice(Party.Key(s.Code, null)!, s.Name))];
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Acronym }).ToListAsync(ct);
        return new PartyChoices(
            states,
            organizations.Select(o => new Choice(Party.Key(null, o.Id)!, o.Acronym is null ? o.Name : $"{o.Name} ({o.Acronym})")).OrderBy(c => c.Label, byName).ToList(),
            organizations.ToDictionary(o => o.Id, o => o.Name));
    }

    /// <summary>The name of a state (by its code) or an organisation (by its id), as the meeting pages show it.</summary>
    public string? NameOf(string? stateCode, int? organizationId) =>
        stateCode is not null ? States.FirstOrDefault(c => c.Value == Party.Key(stateCode, null))?.Label ?? stateCode
        : organizationId is { } id ? OrganizationNames.GetValueOrDefault(id) : null;
}

/// <summary>Changes to a meeting's sessions, shared by the session pages and the API.</summary>
public static class SessionCommands
{
    /// <summary>Who may be a session's rapporteur with an account: the people holding a role in the meeting's process.</summary>
    public static async Task<List<Choice>> RapporteursAsync(AppDbContext db, int processId, CancellationToken ct = default) =>
        (await db.ProcessRoleAssignments.AsNoTracking()
            .Where(a => a.ProcessId == processId && a.RevokedAt == null)
            .Select(a => new { a.UserId, a.User!.DisplayName, a.User.Email })
            .Distinct()
            .ToListAsync(ct))
        .Select(u => new Choice(u.UserId, $"{u.DisplayName} ({u.Email})"))
        .OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase)
        .ToList();

    public static async Task<(List<FieldError> Errors, DateTimeOffset? Starts, DateTimeOffset? Ends)> CheckAsync(
        AppDbContext db, Meeting meeting, SessionInput input, IStringLocalizer<MeetingsText> t, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var (starts, ends) = VenueClock.ReadOptionalSpan(input.StartsAt, input.EndsAt, meeting.TimeZoneId,
            nameof(SessionInput.StartsAt), nameof(SessionInput.EndsAt), t, errors);
        if (!string.IsNullOrEmpty(input.RapporteurUserId)
            && !await db.ProcessRoleAssignments.AnyAsync(a => a.UserId == input.RapporteurUserId && a.ProcessId == meeting.ProcessId && a.RevokedAt == null, ct))
        {
            errors.Add(new FieldError(nameof(SessionInput.RapporteurUserId), t["Choose a rapporteur among the people of this process."]));
        }
        if (!string.IsNullOrEmpty(input.RapporteurUserId) && !string.IsNullOrWhiteSpace(input.RapporteurName))
        {
            errors.Add(new FieldError(nameof(SessionInput.RapporteurName), t["Name the rapporteur either with an account or without one, not both."]));
        }
        if (string.IsNullOrWhiteSpace(input.RapporteurName) && !string.IsNullOrWhiteSpace(input.RapporteurAffiliation))
        {
            errors.Add(new FieldError(nameof(SessionInput.RapporteurName), t["Enter the rapporteur's name with their affiliation."]));
        }
        for (var i = 0; i < (input.People?.Count ?? 0); i++)
        {
            errors.AddRange((await CheckPersonAsync(db, input.People![i], t, ct)).Select(e => e with { Field = $"{nameof(SessionInput.People)}[{i}].{e.Field}" }));
        }
        return (errors, starts, ends);
    }

    public static async Task<List<FieldError>> CheckPersonAsync(AppDbContext db, SessionPersonInput input, IStringLocalizer<MeetingsText> t, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (input.Role is null)
        {
            errors.Add(new FieldError(nameof(SessionPersonInput.Role), t["Choose the person's role in the session."]));
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new FieldError(nameof(SessionPersonInput.Name), t["Enter the name of the person."]));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(new FieldError(nameof(SessionPersonInput.Name), t["The name is too long (200 characters at most)."]));
        }
        if (input.SpeaksFor == Party.NewOrganization)
        {
            if (string.IsNullOrWhiteSpace(input.NewOrganizationName))
            {
                errors.Add(new FieldError(nameof(SessionPersonInput.NewOrganizationName), t["Enter the name of the organisation."]));
            }
            else if (input.NewOrganizationName.Trim().Length > 300)
            {
                errors.Add(new FieldError(nameof(SessionPersonInput.NewOrganizationName), t["The name of the organisation is too long (300 characters at most)."]));
            }
            if ((input.NewOrganizationAcronym?.Trim().Length ?? 0) > 60)
            {
                errors.Add(new FieldError(nameof(SessionPersonInput.NewOrganizationAcronym), t["The acronym is too long (60 characters at most)."]));
            }
        }
        else if (input.SpeaksFor != Party.Personal && !await Party.ExistsAsync(db, input.SpeaksFor, ct))
        {
            errors.Add(new FieldError(nameof(SessionPersonInput.SpeaksFor), t["Choose whom the person speaks for."]));
        }
        return errors;
    }

    /// <summary>Copies a checked input onto a session (adding it to the meeting when new).</summary>
    public static async Task<Session> SaveAsync(AppDbContext db, Meeting meeting, Session? session, SessionInput input, DateTimeOffset? starts, DateTimeOffset? ends,
        int nextPosition, CancellationToken ct = default)
    {
        if (session is null)
        {
            session = new Session { Title = "", Position = nextPosition };
            meeting.Sessions.Add(session);
        }
        session.Code = Trimmed(input.Code);
        session.Title = input.Title!.Trim();
        session.StartsAtUtc = starts;
        session.EndsAtUtc = ends;
        session.GuidingQuestions = string.IsNullOrWhiteSpace(input.GuidingQuestions) ? null : ReportText.Lf(input.GuidingQuestions).Trim();
        session.RapporteurUserId = string.IsNullOrEmpty(input.RapporteurUserId) ? null : input.RapporteurUserId;
        session.RapporteurName = session.RapporteurUserId is null ? Trimmed(input.RapporteurName) : null;
        session.RapporteurAffiliation = session.RapporteurName is null ? null : Trimmed(input.RapporteurAffiliation);
        if (input.People is { } people)
        {
            session.People.Clear();
            foreach (var person in people)
            {
                await AddPersonAsync(db, session, person, ct);
            }
        }
        return session;
    }

    /// <summary>Adds a checked person to the session; an organisation named for the first time is added to the platform's
    /// organisations (or found there, when one of that name or address already exists).</summary>
    public static async Task<SessionPerson> AddPersonAsync(AppDbContext db, Session session, SessionPersonInput input, CancellationToken ct = default)
    {
        Party.TryParse(input.SpeaksFor, out var code, out var id);
        var person = new SessionPerson
        {
            Role = input.Role!.Value,
            Name = input.Name!.Trim(),
            StateCode = code,
            OrganizationId = id,
            Position = session.People.Count == 0 ? 1 : session.People.Max(s => s.Position) + 1,
        };
        if (input.SpeaksFor == Party.NewOrganization)
        {
            person.Organization = await OrganizationNamedAsync(db, input, ct);
        }
        session.People.Add(person);
        return person;
    }

    private static async Task<Organization> OrganizationNamedAsync(AppDbContext db, SessionPersonInput input, CancellationToken ct)
    {
        var name = input.NewOrganizationName!.Trim();
        var slug = Slugs.From(name);
        var upper = name.ToUpperInvariant();
        var known = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == slug || o.Name.ToUpper() == upper, ct)
            ?? db.Organizations.Local.FirstOrDefault(o => o.Slug == slug);
        if (known is not null)
        {
            return known;
        }
        var organization = new Organization
        {
            Slug = slug.Length == 0 ? "organisation-" + Guid.NewGuid().ToString("N")[..8] : slug[..Math.Min(slug.Length, 120)],
            Name = name,
            Acronym = Trimmed(input.NewOrganizationAcronym),
            Kind = input.NewOrganizationKind ?? OrganizationKind.CivilSociety,
        };
        db.Organizations.Add(organization);
        return organization;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
