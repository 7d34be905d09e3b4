using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Audit;

/// <summary>Which entries to read: one process's (by id or address), one person's, one kind of record's, and older than an entry.</summary>
public sealed record AuditFilter(int? ProcessId = null, string? ProcessSlug = null, string? User = null, string? EntityType = null, long? Before = null,
    string? EntityId = null);

/// <summary>One field of a change: its value before and after (absent for an added or removed record).</summary>
public sealed record AuditChange(string Field, JsonElement? Before, JsonElement? After);

public sealed record AuditRow(
    long Id, DateTimeOffset At, string UserName, string? DisplayName, string? ProcessSlug, string? ProcessAcronym,
    string EntityType, string EntityId, string Action, IReadOnlyList<AuditChange> Changes)
{
    /// <summary>For a modified record, the fields that name it and did not change (a membership's state when only its
    /// end date changed), so that its sentence can still say what it is about.</summary>
    public IReadOnlyList<AuditChange> Unchanged { get; init; } = [];
}

/// <summary>A page of entries, newest first; <see cref="OlderBefore"/> is the <c>before</c> value of the next (older) page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Entries, long? OlderBefore);

/// <summary>Reads the audit log a page at a time. Pages are cut by id (keyset), newest first, so that reading
/// page 1000 costs what reading page 1 does and the table is never read whole.</summary>
public static class AuditLog
{
    public const int PageSize = 50;

    public static async Task<AuditPage> ReadAsync(AppDbContext db, AuditFilter filter, CancellationToken ct = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.ProcessId is { } processId)
        {
            entries = entries.Where(a => a.ProcessId == processId);
        }
        if (!string.IsNullOrWhiteSpace(filter.ProcessSlug))
        {
            var slug = filter.ProcessSlug.Trim();
            entries = entries.Where(a => a.ProcessId == db.Processes.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefault());
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            entries = entries.Where(a => a.EntityType == type);
        }
        if (filter.EntityId is { } entityId)
        {
            entries = entries.Where(a => a.EntityId == entityId);
        }
        if (filter.Before is { } before)
        {
            entries = entries.Where(a => a.Id < before);
        }
        var rows =
            from a in entries
            join u in db.Users on a.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            join p in db.Processes on a.ProcessId equals (int?)p.Id into processes
            from p in processes.DefaultIfEmpty()
            select new { Entry = a, DisplayName = u == null ? null : u.DisplayName, Slug = p == null ? null : p.Slug, Acronym = p == null ? null : p.Acronym };
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var who = filter.User.Trim().ToLower();
            rows = rows.Where(r => r.Entry.UserName.ToLower().Contains(who) || (r.DisplayName != null && r.DisplayName.ToLower().Contains(who)));
        }
        // One more than a page: whether it comes back says if there is an older page.
        var found = await rows.OrderByDescending(r => r.Entry.Id).Take(PageSize + 1).ToListAsync(ct);
        var page = found.Take(PageSize).Select(r => new AuditRow(
            r.Entry.Id, r.Entry.At, r.Entry.UserName, r.DisplayName, r.Slug, r.Acronym,
            r.Entry.EntityType, r.Entry.EntityId, r.Entry.Action, Changes(r.Entry.Action, r.Entry.Before, r.Entry.After))
        {
            Unchanged = r.Entry.Action == "Modified" ? Naming(r.Entry.After) : [],
        }).ToList();
        return new AuditPage(page, found.Count > PageSize ? page[^1].Id : null);
    }

    /// <summary>What changed: every field of an added or removed record, only the fields that differ for a modified one.</summary>
    public static IReadOnlyList<AuditChange> Changes(string action, string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        return action switch
        {
            "Added" => now.Select(f => new AuditChange(f.Key, null, f.Value)).ToList(),
            "Deleted" => old.Select(f => new AuditChange(f.Key, f.Value, null)).ToList(),
            _ => now.Select(f => f.Key).Concat(old.Select(f => f.Key)).Distinct()
                .Select(field => new AuditChange(field, Value(old, field), Value(now, field)))
                .Where(c => !(c.Before is { } b && c.After is { } a && JsonElement.DeepEquals(b, a)))
                .ToList(),
        };
    }

    /// <summary>The fields a record is named by (<see cref="AuditSentences.NameOf"/>), as they are now.</summary>
    private static List<AuditChange> Naming(string? after) =>
        [.. Fields(after).Where(f => AuditSentences.NamingFields.Contains(f.Key)).Select(f => new AuditChange(f.Key, null, f.Value))];

    private static JsonElement? Value(List<KeyValuePair<string, JsonElement>> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }
        return null;
    }

    private static List<KeyValuePair<string, JsonElement>> Fields(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone())).ToList()
                : [];
        }
        catch (JsonException)
        {
            // Written by the interceptor, so always an object; an entry edited by hand is shown without its values.
            return [];
        }
    }

    /// <summary>A value as a reader expects it: dates in their culture, yes/no, empty for null.</summary>
    public static string Display(JsonElement? value, IStringLocalizer<AuditText> t)
    {
        if (value is not { } v)
        {
            return "";
        }
        switch (v.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "";
            case JsonValueKind.True:
                return t["yes"];
            case JsonValueKind.False:
                return t["no"];
            case JsonValueKind.String:
                var text = v.GetString()!;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Dates.Day(date);
                }
                if (text.Length >= 19 && text[10] == 'T'
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
                {
                    return Moment(moment);
                }
                return text;
            case JsonValueKind.Array:
                return string.Join(", ", v.EnumerateArray().Select(item => Display(item, t)));
            default:
                return v.GetRawText();
        }
    }

    /// <summary>A point in time in the reader's culture, in UTC (the server does not know the reader's time zone).</summary>
    public static string Moment(DateTimeOffset at) => Dates.Moment(at.ToUniversalTime()) + " UTC";

    /// <summary>The kinds of record the log may name, for the filter; only the model is read, not the log.</summary>
    public static IReadOnlyList<string> EntityTypes(AppDbContext db) =>
        db.Model.GetEntityTypes()
            // Keyless types are query results (the library's matches), never stored rows.
            .Where(e => !e.IsOwned() && e.FindPrimaryKey() is not null && AuditInterceptor.IsAudited(e.ClrType))
            .Select(e => e.HasSharedClrType ? e.Name : e.ClrType.Name)
            .Where(n => !n.Contains('`', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string EntityLabel(string entityType, IStringLocalizer<AuditText> t) => entityType switch
    {
        "Process" => t["Process"],
        "ProcessSource" => t["Source"],
        "ProcessThemes" => t["Theme of a process"],
        "Theme" => t["Theme"],
        "Membership" => t["Membership"],
        "ChairTerm" => t["Chair term"],
        "ChairRotationSlot" => t["Position in the chair rotation"],
        "Body" => t["Body"],
        "BodyMember" => t["Member of a body"],
        "ProcessRoleAssignment" => t["Role in a process"],
        "Invitation" => t["Invitation"],
        "AppUser" => t["Account"],
        "IdentityRole" => t["Account role"],
        "State" => t["State"],
        "Organization" => t["Organisation"],
        "OrganizationRepresentative" => t["Representative of an organisation"],
        "OrganizationTheme" => t["Theme of an organisation"],
        "OrganizationEvidenceFile" => t["Registration evidence of an organisation"],
        "GlobalMeeting" => t["Global RCP Meeting"],
        "Meeting" => t["Meeting"],
        "MeetingProcess" => t["Process taking part in a meeting"],
        "MeetingInvitee" => t["Invitee of a meeting"],
        "AgendaItem" => t["Agenda item"],
        "Session" => t["Session"],
        "SessionSpeaker" => t["Speaker in a session"],
        "SessionPerson" => t["Person in a session"],
        "SessionFloor" => t["Floor of a session"],
        "FloorRequest" => t["Request for the floor"],
        "SessionReportVersion" => t["Session report version"],
        "MeetingReportVersion" => t["Meeting report version"],
        "ReportPoint" => t["Key point or recommendation of a report"],
        "MeetingReportEntry" => t["Session report in a meeting report"],
        "Delegation" => t["Delegation"],
        "DelegationMember" => t["Member of a delegation"],
        "Document" => t["Document"],
        "DocumentVersion" => t["Document version"],
        "DocumentContent" => t["File of a document version"],
        "CalendarFeed" => t["Personal calendar address"],
        "Output" => t["Output"],
        "OutputVersion" => t["Version of an output"],
        "OutputComment" => t["Comment on an output"],
        "OutputPosition" => t["Position of a state on an output"],
        "Recommendation" => t["Recommendation"],
        "RecommendationState" => t["State addressed by a recommendation"],
        "RecommendationTranslation" => t["Translation of a recommendation"],
        "RecommendationTheme" => t["Theme of a recommendation"],
        "RecommendationGcmObjective" => t["GCM objective of a recommendation"],
        "RecommendationSdgTarget" => t["SDG target of a recommendation"],
        "StatusLabel" => t["Name of an implementation status"],
        "FollowUpReport" => t["Follow-up report"],
        "EvaluationRound" => t["Evaluation round"],
        "PolicyChange" => t["Policy change"],
        "PolicyChangeRecommendation" => t["Recommendation answered by a policy change"],
        "PolicyChangeTheme" => t["Theme of a policy change"],
        "Practice" => t["Good practice"],
        "PracticeTheme" => t["Theme of a good practice"],
        "PracticeObjective" => t["GCM objective of a good practice"],
        "PracticeComment" => t["Comment on a good practice"],
        "PracticeAdaptation" => t["Adaptation of a good practice"],
        "PracticeAttachment" => t["Document attached to a good practice"],
        "FollowUpEvidenceFile" => t["Evidence file of a follow-up report"],
        "FollowUpEvidenceContent" => t["Content of an evidence file"],
        // Civil society caucus and statements (issue 11).
        "CaucusPosition" => t["Joint position of the civil society caucus"],
        "CaucusVersion" => t["Version of a joint position"],
        "CaucusComment" => t["Comment on a joint position"],
        "CaucusStance" => t["Endorsement or dissent of an organisation"],
        "Statement" => t["Statement to a meeting"],
        // Calls for participation (issue 11).
        "ParticipationCall" => t["Call for participation"],
        "CallCriterion" => t["Criterion of a call"],
        "CallTarget" => t["Balance target of a call"],
        "CallRegion" => t["Region of a call"],
        "CallChange" => t["Change to a published call"],
        "CallPanelMember" => t["Member of a selection panel"],
        "CallApplication" => t["Application to a call"],
        "CallApplicationAttachment" => t["File attached to an application"],
        "CallScore" => t["Panel score"],
        "CallConflict" => t["Declared conflict of interest"],
        // Data requests between states (issue 12).
        "DataRequest" => t["Data request"],
        "DataQuestion" => t["Question of a data request"],
        "DataResponse" => t["Answers of a state to a data request"],
        "DataAnswer" => t["Answer to a question of a data request"],
        // Directory of officials (issue 12).
        "DirectoryProfile" => t["Directory profile"],
        "DirectoryProfileTheme" => t["File handled by an official"],
        "ContactRequest" => t["Contact request"],
        "SavedSearch" => t["Saved search"],
        _ => entityType,
    };
}
