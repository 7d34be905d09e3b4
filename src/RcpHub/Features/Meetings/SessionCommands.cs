using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Meetings;

/// <summary>A session as the secretariat gives it (form and API); times on the venue's clock. <see cref="ChairFor"/>
/// names a state or organisation as "state:KEN" or "org:12".</summary>
public sealed class SessionInput
{
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

    [Display(Name = "Chair")]
    [StringLength(200, ErrorMessage = "The name is too long (200 characters at most).")]
    public string? ChairName { get; set; }

    [Display(Name = "The chair speaks for")]
    public string? ChairFor { get; set; }

    [Display(Name = "Rapporteur")]
    public string? RapporteurUserId { get; set; }

    /// <summary>API only: when given, the session's speakers become these, in this order.</summary>
    public List<SpeakerInput>? Speakers { get; set; }

    public static SessionInput From(Session s, string zoneId) => new()
    {
        Title = s.Title,
        StartsAt = s.StartsAtUtc is { } a ? TimeZones.InZone(a, zoneId).DateTime : null,
        EndsAt = s.EndsAtUtc is { } b ? TimeZones.InZone(b, zoneId).DateTime : null,
        GuidingQuestions = s.GuidingQuestions,
        ChairName = s.ChairName,
        ChairFor = Party.Key(s.ChairStateCode, s.ChairOrganizationId),
        RapporteurUserId = s.RapporteurUserId,
    };
}

/// <summary>A speaker: a person's name and the state or organisation they speak for ("state:KEN" or "org:12").</summary>
public sealed class SpeakerInput
{
    [Display(Name = "Name of the speaker")]
    [Required(ErrorMessage = "Enter the name of the speaker.")]
    [StringLength(200, ErrorMessage = "The name is too long (200 characters at most).")]
    public string? Name { get; set; }

    [Display(Name = "Speaks for")]
    [Required(ErrorMessage = "Choose the state or organisation the speaker speaks for.")]
    public string? SpeaksFor { get; set; }
}

/// <summary>A state or an organisation as a form value: "state:KEN" or "org:12".</summary>
public static class Party
{
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
        var language = Cultures.Current;
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase);
        var states = (await db.States.AsNoTracking().ToListAsync(ct))
            .Select(s => new Choice(Party.Key(s.Code, null)!, s.Name(language))).OrderBy(c => c.Label, byName).ToList();
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
    /// <summary>Who may be a session's rapporteur: the people holding a role in the meeting's process.</summary>
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
        if (!string.IsNullOrEmpty(input.ChairFor) && !await Party.ExistsAsync(db, input.ChairFor, ct))
        {
            errors.Add(new FieldError(nameof(SessionInput.ChairFor), t["Choose a state or an organisation from the list."]));
        }
        if (!string.IsNullOrEmpty(input.RapporteurUserId)
            && !await db.ProcessRoleAssignments.AnyAsync(a => a.UserId == input.RapporteurUserId && a.ProcessId == meeting.ProcessId && a.RevokedAt == null, ct))
        {
            errors.Add(new FieldError(nameof(SessionInput.RapporteurUserId), t["Choose a rapporteur among the people of this process."]));
        }
        for (var i = 0; i < (input.Speakers?.Count ?? 0); i++)
        {
            errors.AddRange((await CheckSpeakerAsync(db, input.Speakers![i], t, ct)).Select(e => e with { Field = $"{nameof(SessionInput.Speakers)}[{i}].{e.Field}" }));
        }
        return (errors, starts, ends);
    }

    public static async Task<List<FieldError>> CheckSpeakerAsync(AppDbContext db, SpeakerInput input, IStringLocalizer<MeetingsText> t, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new FieldError(nameof(SpeakerInput.Name), t["Enter the name of the speaker."]));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(new FieldError(nameof(SpeakerInput.Name), t["The name is too long (200 characters at most)."]));
        }
        if (!await Party.ExistsAsync(db, input.SpeaksFor, ct))
        {
            errors.Add(new FieldError(nameof(SpeakerInput.SpeaksFor), t["Choose the state or organisation the speaker speaks for."]));
        }
        return errors;
    }

    /// <summary>Copies a checked input onto a session (adding it to the meeting when new).</summary>
    public static Session Save(Meeting meeting, Session? session, SessionInput input, DateTimeOffset? starts, DateTimeOffset? ends, int nextPosition)
    {
        if (session is null)
        {
            session = new Session { Title = "", Position = nextPosition };
            meeting.Sessions.Add(session);
        }
        session.Title = input.Title!.Trim();
        session.StartsAtUtc = starts;
        session.EndsAtUtc = ends;
        session.GuidingQuestions = string.IsNullOrWhiteSpace(input.GuidingQuestions) ? null : input.GuidingQuestions.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        session.ChairName = string.IsNullOrWhiteSpace(input.ChairName) ? null : input.ChairName.Trim();
        Party.TryParse(input.ChairFor, out var code, out var id);
        (session.ChairStateCode, session.ChairOrganizationId) = (code, id);
        session.RapporteurUserId = string.IsNullOrEmpty(input.RapporteurUserId) ? null : input.RapporteurUserId;
        if (input.Speakers is { } speakers)
        {
            session.Speakers.Clear();
            foreach (var speaker in speakers)
            {
                AddSpeaker(session, speaker);
            }
        }
        return session;
    }

    public static SessionSpeaker AddSpeaker(Session session, SpeakerInput input)
    {
        Party.TryParse(input.SpeaksFor, out var code, out var id);
        var speaker = new SessionSpeaker
        {
            Name = input.Name!.Trim(),
            StateCode = code,
            OrganizationId = id,
            Position = session.Speakers.Count == 0 ? 1 : session.Speakers.Max(s => s.Position) + 1,
        };
        session.Speakers.Add(speaker);
        return speaker;
    }
}
