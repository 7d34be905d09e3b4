using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Audit;

/// <summary>The names an entry refers to by code or id (states, people, organisations), in the reader's language; read
/// once for a page of entries.</summary>
public sealed record AuditNames(
    IReadOnlyDictionary<string, string> States, IReadOnlyDictionary<string, string> People, IReadOnlyDictionary<int, string> Organizations,
    IReadOnlySet<string> EnumFields)
{
    public static readonly AuditNames None = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<int, string>(), new HashSet<string>());
}

/// <summary>One audit entry told as a sentence in the reader's language ("Anna Example scheduled the meeting “Expert
/// meeting on labour migration”."), naming the person, the thing by its name and what changed; the fields before and
/// after, labelled in words and without internal ids, are kept for the details.</summary>
public static class AuditSentences
{
    /// <summary>Reads the names the entries refer to: at most three queries, whatever the page holds.</summary>
    public static async Task<AuditNames> NamesAsync(AppDbContext db, IReadOnlyList<AuditRow> entries, CancellationToken ct)
    {
        var values = entries.SelectMany(e => e.Changes.Concat(e.Unchanged)).ToList();
        var states = Strings(values, "StateCode", "HostStateCode", "ChairStateCode");
        var people = Strings(values, "UserId", "RapporteurUserId", "RegisteredByUserId", "UploadedByUserId", "SavedByUserId", "InvitedByUserId");
        var organizations = Strings(values, "OrganizationId", "ChairOrganizationId")
            .Select(o => int.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var stateNames = await db.States.NamesAsync(states, ct);
        var personNames = people.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "", ct);
        var organizationNames = organizations.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var enumFields = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return new AuditNames(stateNames, personNames, organizationNames, enumFields);
    }

    private static List<string> Strings(List<AuditChange> changes, params string[] fields) =>
        changes.Where(c => fields.Contains(c.Field))
            .SelectMany(c => new[] { c.Before, c.After })
            .Where(v => v is { ValueKind: JsonValueKind.String or JsonValueKind.Number })
            .Select(v => v!.Value.ValueKind == JsonValueKind.String ? v.Value.GetString()! : v.Value.GetRawText())
            .Distinct().ToList();

    /// <summary>Who made the change: their name, or what acted when no one was signed in.</summary>
    public static string Person(AuditRow entry, IStringLocalizer<AuditText> t) =>
        entry.DisplayName is { Length: > 0 } name ? name
        : entry.UserName.Contains('@', StringComparison.Ordinal) ? entry.UserName
        : entry.UserName == "anonymous" ? t["A visitor who was not signed in"]
        : t["The platform"];

    /// <summary>The sentence as HTML, what people wrote or are called isolated in &lt;bdi&gt; so that it keeps its own
    /// direction (an English title inside an Arabic sentence). The sentences in AuditText hold no markup characters.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString Html(AuditRow entry, AuditNames names, IStringLocalizer<AuditText> t) =>
        new(Sentence(entry, names, t, Isolation.Bdi));

    /// <summary>The sentence that tells the entry; <paramref name="wrap"/> marks what people wrote or are called.</summary>
    public static string Sentence(AuditRow entry, AuditNames names, IStringLocalizer<AuditText> t, Func<string, string>? wrap = null)
    {
        wrap ??= text => text;
        var who = wrap(Person(entry, t));
        var name = NameOf(entry, names) is { Length: > 0 } known ? wrap(known) : "";
        var status = entry.Action == "Modified" ? Changed(entry, "Status") : null;
        var what = entry.Action == "Modified" ? Summary(entry, names, t, wrap) : "";
        return (entry.EntityType, entry.Action) switch
        {
            ("Meeting", "Added") => t["{0} scheduled the meeting “{1}”.", who, name],
            ("Meeting", "Deleted") => t["{0} removed the meeting “{1}”.", who, name],
            ("Meeting", _) => t["{0} changed the meeting “{1}”: {2}.", who, name, what],
            ("Delegation", "Added") => t["{0} registered the delegation of {1}.", who, name],
            ("Delegation", "Deleted") => t["{0} removed the delegation of {1}.", who, name],
            ("Delegation", _) when status == "Confirmed" => t["{0} confirmed the delegation of {1}.", who, name],
            ("Delegation", _) when status == "Returned" => t["{0} returned the delegation of {1} for changes.", who, name],
            ("Delegation", _) => t["{0} changed the delegation of {1}: {2}.", who, name, what],
            ("DelegationMember", "Added") => t["{0} added {1} to a delegation.", who, name],
            ("DelegationMember", "Deleted") => t["{0} removed {1} from a delegation.", who, name],
            ("Document", "Added") => t["{0} added the document “{1}”.", who, name],
            ("Document", "Deleted") => t["{0} removed the document “{1}”.", who, name],
            ("DocumentVersion", "Added") => t["{0} uploaded the file “{1}”.", who, name],
            ("Session", "Added") => t["{0} added the session “{1}”.", who, name],
            ("AgendaItem", "Added") => t["{0} added the agenda item “{1}”.", who, name],
            ("Membership", "Added") => t["{0} recorded {1} as taking part in the process.", who, name],
            ("Membership", "Deleted") => t["{0} removed {1} from the participants of the process.", who, name],
            ("ChairTerm", "Added") => t["{0} recorded a chair term of {1}.", who, name],
            ("ProcessRoleAssignment", "Added") => t["{0} gave {1} a role in the process.", who, name],
            ("ProcessRoleAssignment", "Deleted") => t["{0} took a role in the process away from {1}.", who, name],
            ("Process", "Modified") => t["{0} changed the profile of {1}: {2}.", who, name, what],
            (_, var action) => (action, name.Length > 0) switch
            {
                ("Added", true) => t["{0} added: {1} “{2}”.", who, AuditLog.EntityLabel(entry.EntityType, t), name],
                ("Added", false) => t["{0} added: {1}.", who, AuditLog.EntityLabel(entry.EntityType, t)],
                ("Deleted", true) => t["{0} removed: {1} “{2}”.", who, AuditLog.EntityLabel(entry.EntityType, t), name],
                ("Deleted", false) => t["{0} removed: {1}.", who, AuditLog.EntityLabel(entry.EntityType, t)],
                (_, true) => t["{0} changed {1} “{2}”: {3}.", who, AuditLog.EntityLabel(entry.EntityType, t), name, what],
                _ => t["{0} changed {1}: {2}.", who, AuditLog.EntityLabel(entry.EntityType, t), what],
            },
        };
    }

    /// <summary>The fields <see cref="NameOf"/> reads, in its order of preference.</summary>
    public static readonly string[] NamingFields = ["Title", "Name", "DisplayName", "FileName", "Email", "StateCode", "OrganizationId", "UserId", "Text"];

    /// <summary>The thing the entry is about, by the name people know it by; "" when it has none.</summary>
    public static string NameOf(AuditRow entry, AuditNames names)
    {
        string? Field(string field) => (entry.Changes.FirstOrDefault(c => c.Field == field) ?? entry.Unchanged.FirstOrDefault(c => c.Field == field)) is { } c
            && (c.After ?? c.Before) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } v
            ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
        foreach (var field in (string[])["Title", "Name", "DisplayName", "FileName", "Email"])
        {
            if (Field(field) is { Length: > 0 } value)
            {
                return value;
            }
        }
        if (Field("StateCode") is { } code)
        {
            return names.States.GetValueOrDefault(code, code);
        }
        if (Field("OrganizationId") is { } organization && int.TryParse(organization, CultureInfo.InvariantCulture, out var id))
        {
            return names.Organizations.GetValueOrDefault(id, "");
        }
        if (Field("UserId") is { } user)
        {
            return names.People.GetValueOrDefault(user, "");
        }
        return Field("Text") is { Length: > 0 } text ? (text.Length > 80 ? text[..79] + "…" : text) : "";
    }

    private static string? Changed(AuditRow entry, string field) =>
        entry.Changes.FirstOrDefault(c => c.Field == field)?.After is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>What a change changed, in words: "status: Held, venue". Fields without a label (ids, bookkeeping) are left out.</summary>
    private static string Summary(AuditRow entry, AuditNames names, IStringLocalizer<AuditText> t, Func<string, string> wrap)
    {
        var parts = Details(entry, names, t).Select(d => d.After.Length is > 0 and <= 40 && !d.UserText ? wrap(d.Label) + " → " + wrap(d.After) : wrap(d.Label)).ToList();
        return parts.Count == 0 ? t["details of the record"] : string.Join(CultureInfo.CurrentCulture.TextInfo.ListSeparator + " ", parts);
    }

    /// <summary>A field as the details show it: its label, its values before and after, and whether they are text people wrote.</summary>
    public sealed record Detail(string Field, string Label, string Before, string After, bool UserText);

    /// <summary>The fields of an entry that mean something to a reader, labelled and with their values in words.</summary>
    public static IReadOnlyList<Detail> Details(AuditRow entry, AuditNames names, IStringLocalizer<AuditText> t) =>
        entry.Changes.Select(c => (Change: c, Label: FieldLabel(c.Field, t)))
            .Where(x => x.Label is not null)
            .Select(x => new Detail(x.Change.Field, x.Label!, Value(x.Change.Field, x.Change.Before, names, t), Value(x.Change.Field, x.Change.After, names, t),
                UserText: !names.EnumFields.Contains(x.Change.Field) && x.Change.Field is not ("StateCode" or "HostStateCode" or "ChairStateCode")
                    && (x.Change.After ?? x.Change.Before) is { ValueKind: JsonValueKind.String or JsonValueKind.Array } && !IsMoment(x.Change.After ?? x.Change.Before)))
            .Where(d => d.Before.Length > 0 || d.After.Length > 0)
            .ToList();

    private static bool IsMoment(JsonElement? value) => value is { ValueKind: JsonValueKind.String } v && v.GetString() is { } s
        && (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || (s.Length >= 19 && s[10] == 'T'));

    private static string Value(string field, JsonElement? value, AuditNames names, IStringLocalizer<AuditText> t)
    {
        if (value is not { ValueKind: JsonValueKind.String } v || v.GetString() is not { } text)
        {
            return AuditLog.Display(value, t);
        }
        if (field is "StateCode" or "HostStateCode" or "ChairStateCode")
        {
            return names.States.GetValueOrDefault(text, text);
        }
        if (field.EndsWith("UserId", StringComparison.Ordinal))
        {
            return names.People.GetValueOrDefault(text, "");
        }
        if (names.EnumFields.Contains(field))
        {
            // Enum values are stored by name ("SeniorOfficials"); each has its words in the resources ("Senior officials").
            return t[Words(text)];
        }
        return AuditLog.Display(value, t);
    }

    /// <summary>"SeniorOfficials" → "Senior officials".</summary>
    public static string Words(string name) => name switch
    {
        "GlobalRcpMeeting" => "Global RCP Meeting",
        "Ngo" => "NGO",
        "ScoreOptimal" => "Score-optimal",
        "NonBinary" => "Non-binary",
        "FaithBased" => "Faith-based",
        "EmployersBody" => "Employers' body",
        _ => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString())),
    };

    /// <summary>A field's label in the reader's language; null for ids, keys and bookkeeping, which say nothing to a reader.</summary>
    public static string? FieldLabel(string field, IStringLocalizer<AuditText> t) => Labelled(field, t)?.Value;

    private static LocalizedString? Labelled(string field, IStringLocalizer<AuditText> t) => field switch
    {
        "Title" => t["title"],
        "Name" => t["name"],
        "DisplayName" => t["name"],
        "Acronym" => t["acronym"],
        "Email" => t["email address"],
        "Status" => t["status"],
        "Level" => t["level"],
        "Format" => t["format"],
        "Audience" => t["who may take part"],
        "Venue" => t["venue"],
        "StartsAtUtc" => t["start"],
        "EndsAtUtc" => t["end"],
        "TimeZoneId" => t["time zone"],
        "Summary" or "PublicSummary" => t["summary"],
        "Description" => t["description"],
        "GuidingQuestions" => t["guiding questions"],
        "Text" => t["text"],
        "Kind" => t["kind"],
        "Role" => t["role"],
        "StateCode" => t["State"],
        "HostStateCode" => t["host state"],
        "ChairStateCode" => t["chairing state"],
        "ChairName" => t["chairing person"],
        "JoinedOn" => t["joined on"],
        "LeftOn" => t["left on"],
        "StartYear" => t["first year"],
        "EndYear" => t["last year"],
        "Position" => t["position"],
        "Function" => t["function"],
        "Ministry" => t["ministry"],
        "Gender" => t["gender"],
        "IsHead" => t["head of the delegation"],
        "IsChair" => t["chairs"],
        "ReturnNote" => t["note to the delegation"],
        "Note" => t["note"],
        "FileName" => t["file name"],
        "Language" => t["language"],
        "Size" => t["size"],
        "Number" => t["number"],
        "Sequence" => t["order"],
        "WorkingLanguages" => t["working languages"],
        "ThemeIds" => t["themes"],
        "GcmObjectives" => t["GCM objectives"],
        "IsPlatformAdministrator" => t["platform administrator"],
        "GrantedAt" => t["granted on"],
        "RevokedAt" => t["withdrawn on"],
        "AdoptedAt" => t["adopted on"],
        "ExpiresAt" => t["expires on"],
        "AcceptedAt" => t["accepted on"],
        "UserId" => t["person"],
        "OnlineUrl" => t["online address"],
        "Url" => t["address"],
        "Access" => t["who may read it"],
        "StatusNote" => t["status note"],
        "Region" => t["region"],
        "FoundedYear" => t["year founded"],
        "FormalInstitution" => t["formal institution"],
        "SecretariatDescription" => t["description of the secretariat"],
        "ChairDescription" => t["chairing arrangements"],
        "ChairTermMonths" => t["length of a chair term (months)"],
        "Notes" => t["notes"],
        "OriginalLanguage" => t["original language"],
        "AdoptedOn" => t["adopted on"],
        "Paragraph" => t["paragraph"],
        "ReservationText" => t["text of the reservation"],
        "On" => t["date"],
        "Action" => t["what was done"],
        "ResponsibleMinistry" => t["responsible ministry"],
        "EvidenceText" => t["evidence"],
        "EvidenceLinks" => t["links to evidence"],
        "Review" => t["review"],
        "ReviewNote" => t["review note"],
        "OpensAt" => t["opens on"],
        "DeadlineAt" => t["deadline"],
        "ClosedAt" => t["closed on"],
        "ToAllMembers" => t["addressed to all members"],
        "ToSecretariat" => t["addressed to the secretariat"],
        "ToCivilSociety" => t["addressed to civil society"],
        "Objective" => t["GCM objective"],
        "Code" => t["code"],
        "Label" => t["label"],
        "CivilSocietyType" => t["type of organisation"],
        "MigrantLed" => t["migrant-led"],
        "CountryCodes" => t["countries where it works"],
        "Languages" => t["languages"],
        "Website" => t["website"],
        "RegisteredAt" => t["registered on"],
        "Verification" => t["verification"],
        "VerifiedAt" => t["verified on"],
        "VerificationNote" => t["verification note"],
        "LeftOut" => t["left out of the directory"],
        "Message" => t["message"],
        _ => null,
    };
}
