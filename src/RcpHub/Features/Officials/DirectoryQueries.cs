using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Officials;

/// <summary>What a reader looks for in the directory: words of a name, ministry or position, a state, a file (theme), a
/// process (by id, among those the reader shares).</summary>
public sealed record DirectoryFilter(string? Words, string? State, int? Theme, int? Process)
{
    public static DirectoryFilter Of(string? q, string? state, int? theme, int? process) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant(),
        theme,
        process);

    public bool Any => Words is not null || State is not null || Theme is not null || Process is not null;
}

public sealed record DirectoryState(string Code, string Name);

public sealed record DirectoryProcess(int Id, string Slug, string Acronym);

/// <summary>A role a person holds in a process the reader shares with them.</summary>
public sealed record DirectorySeat(DirectoryProcess Process,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ProcessRole>))] ProcessRole Role, DirectoryState? State);

/// <summary>A body of a shared process in which the person's state or organisation sits.</summary>
public sealed record DirectoryBody(int Id, string Name, DirectoryProcess Process, bool Chairs);

/// <summary>An official as the directory lists them. No e-mail address: that is shown only in an accepted contact.</summary>
public sealed record DirectoryEntry(string Id, string Name, string? Ministry, string? Position, IReadOnlyList<ThemeName> Themes,
    IReadOnlyList<string> Languages, IReadOnlyList<DirectorySeat> Seats);

public sealed record DirectoryList(int Total, IReadOnlyList<DirectoryEntry> People);

/// <summary>A contact request between the reader and another person; <see cref="Email"/> is the other person's address,
/// present only once the request is accepted.</summary>
public sealed record DirectoryContact(int Id, string PersonId, string PersonName, bool Sent,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ContactRequestStatus>))] ContactRequestStatus Status,
    string? Message, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, string? Email);

/// <summary>A person's profile as another official reads it: with the bodies they sit in and where the reader stands with
/// them (the latest contact request between the two, if any).</summary>
public sealed record DirectoryPerson(DirectoryEntry Person, IReadOnlyList<DirectoryBody> Bodies, DirectoryContact? Contact, bool IsReader);

/// <summary>One's own profile: what one wrote, and the processes and bodies one's roles place one in.</summary>
public sealed record DirectoryOwnProfile(string? Ministry, string? Position, IReadOnlyList<ThemeName> Themes, IReadOnlyList<string> Languages,
    bool LeftOut, IReadOnlyList<DirectorySeat> Seats, IReadOnlyList<DirectoryBody> Bodies);

/// <summary>The directory as a reader sees it: only the officials of the processes they share (<see cref="DirectoryAccess"/>),
/// with only those shared processes; never an e-mail address before a contact is accepted.</summary>
public static class DirectoryQueries
{
    private sealed record SeatRow(int ProcessId, string Slug, string Acronym, ProcessRole Role, string? StateCode, string? Ministry);

    private sealed record Raw(string Id, string Name, string? Ministry, string? Position, string? Languages, List<ThemeName> Themes, List<SeatRow> Seats);

    private static IQueryable<ProcessRoleAssignment> Shared(AppDbContext db, MeetingReader reader, DateOnly today) =>
        DirectoryAccess.SharedWith(db.ProcessRoleAssignments.AsNoTracking(), db.Memberships, reader, today);

    private static IQueryable<Raw> Rows(AppDbContext db, IQueryable<AppUser> people, IQueryable<ProcessRoleAssignment> shared) =>
        people.Select(u => new Raw(
            u.Id, u.DisplayName,
            db.DirectoryProfiles.Where(p => p.UserId == u.Id).Select(p => p.Ministry).FirstOrDefault(),
            db.DirectoryProfiles.Where(p => p.UserId == u.Id).Select(p => p.Position).FirstOrDefault(),
            db.DirectoryProfiles.Where(p => p.UserId == u.Id).Select(p => p.Languages).FirstOrDefault(),
            db.DirectoryProfileThemes.Where(t => t.UserId == u.Id)
                .OrderBy(t => t.Theme!.Name).Select(t => new ThemeName(t.ThemeId, t.Theme!.Name)).ToList(),
            shared.Where(a => a.UserId == u.Id).OrderBy(a => a.Process!.Acronym).ThenBy(a => a.Role)
                .Select(a => new SeatRow(a.ProcessId, a.Process!.Slug, a.Process.Acronym, a.Role, a.StateCode, a.Ministry)).ToList()));

    private static async Task<List<DirectoryEntry>> EntriesAsync(AppDbContext db, List<Raw> rows, string language, CancellationToken ct)
    {
        var codes = rows.SelectMany(r => r.Seats).Select(s => s.StateCode).OfType<string>().Distinct().ToList();
        var names = await db.States.NamesAsync(codes, language, ct);
        return [.. rows.Select(r => new DirectoryEntry(
            r.Id, r.Name,
            // What the person wrote, or else the ministry their focal point role names.
            r.Ministry ?? r.Seats.Select(s => s.Ministry).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m)),
            r.Position, r.Themes,
            (r.Languages ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            [.. r.Seats.Select(s => new DirectorySeat(new DirectoryProcess(s.ProcessId, s.Slug, s.Acronym), s.Role,
                s.StateCode is { } code ? new DirectoryState(code, names.GetValueOrDefault(code, code)) : null))]))];
    }

    /// <summary>The officials the reader finds with the filter, by name, at most <see cref="DirectoryLimits.Shown"/>, and how
    /// many there are in all.</summary>
    public static async Task<DirectoryList> FindAsync(AppDbContext db, MeetingReader reader, DirectoryFilter filter, DateOnly today, string language,
        CancellationToken ct)
    {
        var shared = Shared(db, reader, today);
        var people = DirectoryAccess.Listed(db.Users.AsNoTracking(), shared, db.DirectoryProfiles);
        if (filter.State is { } state)
        {
            people = people.Where(u => shared.Any(a => a.UserId == u.Id && a.StateCode == state));
        }
        if (filter.Process is { } process)
        {
            people = people.Where(u => shared.Any(a => a.UserId == u.Id && a.ProcessId == process));
        }
        if (filter.Theme is { } theme)
        {
            people = people.Where(u => db.DirectoryProfileThemes.Any(t => t.UserId == u.Id && t.ThemeId == theme));
        }
        if (filter.Words is { } words)
        {
            var pattern = "%" + words.ToLower().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern, "\\")
                || db.DirectoryProfiles.Any(p => p.UserId == u.Id
                    && (EF.Functions.Like(p.Ministry!.ToLower(), pattern, "\\") || EF.Functions.Like(p.Position!.ToLower(), pattern, "\\")))
                || shared.Any(a => a.UserId == u.Id && EF.Functions.Like(a.Ministry!.ToLower(), pattern, "\\")));
        }
        var total = await people.CountAsync(ct);
        if (total == 0)
        {
            return new DirectoryList(0, []);
        }
        var rows = await Rows(db, people.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(DirectoryLimits.Shown), shared).ToListAsync(ct);
        return new DirectoryList(total, await EntriesAsync(db, rows, language, ct));
    }

    /// <summary>One official's profile as the reader may see it, or null (not an official of a shared process, left out of
    /// the directory, or no such person: all alike).</summary>
    public static async Task<DirectoryPerson?> PersonAsync(AppDbContext db, MeetingReader reader, string personId, DateOnly today, string language,
        CancellationToken ct)
    {
        var shared = Shared(db, reader, today);
        var people = DirectoryAccess.Listed(db.Users.AsNoTracking(), shared, db.DirectoryProfiles).Where(u => u.Id == personId);
        var rows = await Rows(db, people, shared).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }
        var entry = (await EntriesAsync(db, rows, language, ct))[0];
        var bodies = await BodiesAsync(db, shared.Where(a => a.UserId == personId), today, ct);
        var contact = reader.UserId is { } me && me != personId
            ? (await ContactsAsync(db, me, personId, ct)).FirstOrDefault()
            : null;
        return new DirectoryPerson(entry, bodies, contact, reader.UserId == personId);
    }

    /// <summary>The bodies (not dissolved) of the seats' processes in which the seat's state or organisation sits today.</summary>
    private static async Task<IReadOnlyList<DirectoryBody>> BodiesAsync(AppDbContext db, IQueryable<ProcessRoleAssignment> seats, DateOnly today, CancellationToken ct)
    {
        // From the seats to the bodies, joined rather than through the body's members, so that SQLite (which has no APPLY)
        // reads it in one statement.
        var bodies = await (
            from m in db.Set<BodyMember>().AsNoTracking().Where(Periods.CurrentOn<BodyMember>(today))
            join b in db.Bodies on m.BodyId equals b.Id
            where (b.DissolvedOn == null || b.DissolvedOn > today)
                && seats.Any(a => a.ProcessId == b.ProcessId
                    && ((a.StateCode != null && m.StateCode == a.StateCode) || (a.OrganizationId != null && m.OrganizationId == a.OrganizationId)))
            orderby b.Process!.Acronym, b.Name
            select new DirectoryBody(b.Id, b.Name, new DirectoryProcess(b.ProcessId, b.Process!.Slug, b.Process.Acronym), m.IsChair))
            .ToListAsync(ct);
        return [.. bodies.DistinctBy(b => b.Id)];
    }

    /// <summary>The contact requests the person sent or received (with <paramref name="otherId"/> only, when given), newest
    /// first. The other person's address is read only for an accepted request.</summary>
    public static async Task<IReadOnlyList<DirectoryContact>> ContactsAsync(AppDbContext db, string userId, string? otherId, CancellationToken ct)
    {
        var requests = db.ContactRequests.AsNoTracking().Where(r => r.FromUserId == userId || r.ToUserId == userId);
        if (otherId is not null)
        {
            requests = requests.Where(r => r.FromUserId == otherId || r.ToUserId == otherId);
        }
        return await requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new DirectoryContact(
                r.Id,
                r.FromUserId == userId ? r.ToUserId : r.FromUserId,
                r.FromUserId == userId ? r.To!.DisplayName : r.From!.DisplayName,
                r.FromUserId == userId,
                r.Status,
                r.Message,
                r.CreatedAt,
                r.AnsweredAt,
                r.Status == ContactRequestStatus.Accepted ? (r.FromUserId == userId ? r.To!.Email : r.From!.Email) : null))
            .ToListAsync(ct);
    }

    /// <summary>The reader's own profile, with the processes and bodies their roles in force place them in.</summary>
    public static async Task<DirectoryOwnProfile> OwnAsync(AppDbContext db, MeetingReader reader, DateOnly today, string language, CancellationToken ct)
    {
        var userId = reader.UserId ?? "";
        // One's own seats: every directory role one holds in force, whoever reads.
        var own = DirectoryAccess.SharedWith(db.ProcessRoleAssignments.AsNoTracking(), db.Memberships, reader with { IsPlatformAdministrator = true }, today)
            .Where(a => a.UserId == userId);
        var rows = await Rows(db, db.Users.AsNoTracking().Where(u => u.Id == userId), own).ToListAsync(ct);
        var entry = (await EntriesAsync(db, rows, language, ct)).SingleOrDefault();
        var leftOut = await db.DirectoryProfiles.AnyAsync(p => p.UserId == userId && p.LeftOut, ct);
        var bodies = await BodiesAsync(db, own, today, ct);
        return new DirectoryOwnProfile(rows.SingleOrDefault()?.Ministry, entry?.Position, entry?.Themes ?? [], entry?.Languages ?? [], leftOut,
            entry?.Seats ?? [], bodies);
    }

    /// <summary>What the filters offer: the states of the officials the reader shares a process with, the themes, and the
    /// processes the reader reads the directory of.</summary>
    public static async Task<(IReadOnlyList<DirectoryState> States, IReadOnlyList<ThemeName> Themes, IReadOnlyList<DirectoryProcess> Processes)> ChoicesAsync(
        AppDbContext db, MeetingReader reader, DateOnly today, CancellationToken ct)
    {
        var shared = Shared(db, reader, today);
        var states = await db.States.Where(s => shared.Any(a => a.StateCode == s.Code)).ChoicesAsync(null, ct);
        var themes = await ThemeTags.ChoicesAsync(db, ct);
        var processes = DirectoryAccess.ProcessesOf(reader);
        var readable = await db.Processes.AsNoTracking().Where(p => reader.IsPlatformAdministrator || processes.Contains(p.Id))
            .OrderBy(p => p.Acronym).Select(p => new DirectoryProcess(p.Id, p.Slug, p.Acronym)).ToListAsync(ct);
        return ([.. states.Select(s => new DirectoryState(s.Code, s.Name))], themes, readable);
    }
}
