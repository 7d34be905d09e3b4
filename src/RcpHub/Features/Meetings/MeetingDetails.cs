using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Meetings;

public sealed record ProcessRef(int Id, string Slug, string Acronym, string Name);

/// <summary>A state or an organisation, named in the reader's language; for speakers, chairs and invitees.</summary>
public sealed record PartyRef(string? StateCode, int? OrganizationId, string Name);

/// <summary>A person of a session in a role; <see cref="For"/> is null when they speak in a personal capacity.</summary>
public sealed record SessionPersonView(int Id, SessionRole Role, string Name, PartyRef? For);

/// <summary>A session with its people (in role order, then as entered) and its rapporteur: the account's name when they
/// have one (<see cref="RapporteurUserId"/>), else the name and affiliation entered.</summary>
public sealed record SessionView(
    int Id, int Position, string? Code, string Title, DateTimeOffset? StartsAtUtc, DateTimeOffset? EndsAtUtc,
    IReadOnlyList<string> GuidingQuestions, IReadOnlyList<SessionPersonView> People,
    string? RapporteurUserId, string? RapporteurName, string? RapporteurAffiliation)
{
    /// <summary>"Session 3.3: Title", or the title alone.</summary>
    [JsonIgnore]
    public string Heading => Code is null ? Title : $"{Code}: {Title}";

    public IEnumerable<SessionPersonView> In(SessionRole role) => People.Where(p => p.Role == role);
}

/// <summary>The sessions of a meeting as the meeting page, the API and the reports show them: one query for the
/// sessions, their people and the states and organisations they speak for, named in the reader's language.</summary>
public static class SessionViews
{
    public sealed record Row(
        int Id, int Position, string? Code, string Title, DateTimeOffset? StartsAtUtc, DateTimeOffset? EndsAtUtc, string? GuidingQuestions,
        string? RapporteurUserId, string? RapporteurAccountName, string? RapporteurName, string? RapporteurAffiliation, List<PersonRow> People);

    /// <param name="ForName">The name of the state or organisation the person speaks for (null in a personal capacity).</param>
    public sealed record PersonRow(int Id, SessionRole Role, int Position, string Name, string? StateCode, int? OrganizationId, string? ForName);

    public static Task<List<Row>> RowsAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        RowsOf.For(db)(db, meetingId, Cultures.Current).ToListAsync(ct).AsTask();

    // The names come with the people, each as a scalar subquery (State.Name written in SQL), rather than from a query of their
    // own: on a page this size a statement costs more than its rows (SQLite compiles every statement anew). Not through the
    // State and Organization navigations: their joins would turn the people into a derived table SQLite cannot flatten
    // (docs/benchmarks.md, issue 9). Compiled once: EF Core otherwise walks and hashes the expression on every call.
    private static readonly CompiledQuery<Func<AppDbContext, int, string, IAsyncEnumerable<Row>>> RowsOf = new(() => EF.CompileAsyncQuery((AppDbContext db, int meetingId, string language) =>
        db.Sessions.AsNoTracking().Where(s => s.MeetingId == meetingId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Position, s.Code, s.Title, s.StartsAtUtc, s.EndsAtUtc, s.GuidingQuestions,
                s.RapporteurUserId, s.Rapporteur != null ? s.Rapporteur.DisplayName : null, s.RapporteurName, s.RapporteurAffiliation,
                s.People.Select(p => new PersonRow(p.Id, p.Role, p.Position, p.Name, p.StateCode, p.OrganizationId,
                    p.StateCode != null
                        ? db.States.Where(x => x.Code == p.StateCode)
                            .Select(x => language == "fr" ? x.NameFr : language == "es" ? x.NameEs : language == "ru" ? x.NameRu : language == "ar" ? x.NameAr : x.NameEn)
                            .FirstOrDefault()
                        : db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault())).ToList()))));

    public static SessionView View(Row s) => new(s.Id, s.Position, s.Code, s.Title, s.StartsAtUtc, s.EndsAtUtc,
        (s.GuidingQuestions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        s.People.OrderBy(p => p.Role).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new SessionPersonView(p.Id, p.Role, p.Name, For(p))).ToList(),
        s.RapporteurUserId, s.RapporteurAccountName ?? s.RapporteurName, s.RapporteurUserId is null ? s.RapporteurAffiliation : null);

    // As PartyNames.Of names them: a state not found by its code, an organisation not found by nothing.
    private static PartyRef? For(PersonRow p) =>
        p.StateCode is not null ? new PartyRef(p.StateCode, null, p.ForName ?? p.StateCode)
        : p.OrganizationId is { } id ? new PartyRef(null, id, p.ForName ?? "") : null;

    /// <summary>The sessions of a meeting, named in the reader's language (one query).</summary>
    public static async Task<IReadOnlyList<SessionView>> LoadAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        (await RowsAsync(db, meetingId, ct)).Select(View).ToList();
}

/// <summary>One step of a forwarding chain: an item on the agenda of one meeting.</summary>
public sealed record ChainStep(int ItemId, string ItemTitle, int MeetingId, string MeetingTitle, MeetingLevel Level, DateTimeOffset StartsAtUtc);

/// <summary>An agenda item; <see cref="Chain"/> is its whole forwarding chain as far as the reader may see it
/// (empty when the item was never forwarded).</summary>
public sealed record AgendaItemView(
    int Id, int Position, string Title, string? Description, DateTimeOffset? StartsAtUtc, DateTimeOffset? EndsAtUtc,
    int? SessionId, string? SessionTitle, int? ForwardedFromItemId,
    IReadOnlyList<ChainStep> Chain)
{
    /// <summary>The step before this item in its chain (where it was forwarded from), as far as the reader may see.</summary>
    [JsonIgnore]
    public ChainStep? Before => Chain.TakeWhile(s => s.ItemId != Id).LastOrDefault();

    /// <summary>The step after it (where it was forwarded to).</summary>
    [JsonIgnore]
    public ChainStep? After => Chain.SkipWhile(s => s.ItemId != Id).Skip(1).FirstOrDefault();
}

public sealed record InviteeView(int Id, PartyRef Party, bool IsPerson);

/// <summary>A theme a meeting is about (<see cref="Theme"/>).</summary>
public sealed record ThemeRef(int Id, string Name);

/// <summary>Everything the meeting page and the API show of a meeting the reader may see in full.</summary>
public sealed record MeetingView(
    int Id, string Title, ProcessRef Process, IReadOnlyList<ProcessRef> ParticipatingProcesses,
    int? BodyId, string? BodyName,
    MeetingLevel Level, MeetingFormat Format, MeetingStatus Status, MeetingAudience Audience,
    string? HostStateCode, string? HostStateName, string? Venue, string? OnlineUrl,
    string TimeZoneId, DateTimeOffset StartsAtUtc, DateTimeOffset EndsAtUtc, IReadOnlyList<string> WorkingLanguages,
    string? PublicSummary, bool SummaryPublished, int Sequence, DateTimeOffset UpdatedAt,
    IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<SessionView> Sessions, IReadOnlyList<InviteeView> Invitees,
    IReadOnlyList<ThemeRef> Themes, IReadOnlyList<int> GcmObjectives)
{
    /// <summary>The start on the venue's clock, as the forms and the API take it ("2026-03-03T09:00").</summary>
    public string StartsAtVenue => TimeZones.InputValue(StartsAtUtc, TimeZoneId);

    public string EndsAtVenue => TimeZones.InputValue(EndsAtUtc, TimeZoneId);
}

/// <summary>What someone outside a meeting's audience sees once its summary is published: this, and nothing else.</summary>
public sealed record MeetingSummaryView(
    int Id, string Title, ProcessRef Process, MeetingLevel Level, MeetingFormat Format, MeetingStatus Status,
    MeetingAudience Audience, string TimeZoneId, DateTimeOffset StartsAtUtc, DateTimeOffset EndsAtUtc, string PublicSummary);

public static class MeetingDetails
{
    /// <summary>The meeting for a reader already allowed to see it (checked on <paramref name="access"/>, loaded by
    /// <see cref="MeetingAuthorizationExtensions.FindForAccessAsync"/>): two queries (agenda, sessions with the names of whom their
    /// people speak for) for a meeting without a body, other processes, invited persons or forwarded items, at most five
    /// whatever its size. On a page this size each query costs more than its rows (SQLite compiles every statement anew), so
    /// what <paramref name="access"/> already says is not asked again.</summary>
    /// <param name="process">The convening process when the caller holds it already (the address resolved it).</param>
    public static async Task<MeetingView> LoadAsync(AppDbContext db, MeetingReader reader, Meeting access, CancellationToken ct = default, ProcessRef? process = null)
    {
        var id = access.Id;
        if (process?.Id != access.ProcessId)
        {
            process = null;
        }
        var extras = process is null || access.BodyId is not null || access.ParticipatingProcesses.Count > 0 || access.Invitees.Any(i => i.UserId != null)
            ? await db.Meetings.AsNoTracking().Where(x => x.Id == id).Select(x => new Extras(
                new ProcessRef(x.Process!.Id, x.Process.Slug, x.Process.Acronym, x.Process.Name),
                x.ParticipatingProcesses.Select(p => new ProcessRef(p.Process!.Id, p.Process.Slug, p.Process.Acronym, p.Process.Name)).ToList(),
                x.Body != null ? x.Body.Name : null,
                x.Invitees.Where(i => i.UserId != null).Select(i => new PersonName(i.Id, i.User!.DisplayName)).ToList())).SingleAsync(ct)
            : new Extras(process, [], null, []);

        // Whether another item continues an item's chain (FollowedOn), with the item's own ChainRootItemId, tells whether
        // the meeting has any chain at all: most have none, and then the chain query below is not needed.
        var items = await AgendaOf.For(db)(db, id).ToListAsync(ct);
        var sessions = await SessionViews.RowsAsync(db, id, ct);

        // The chains through this meeting's items, in one query, limited to the meetings the reader may see. Every item of
        // a chain but the first carries the first's id; the query returns this meeting's own items too (as possible firsts).
        // Items first, by their two indexes (a union rather than one OR, which a planner may answer by reading every item
        // of every meeting the reader may see: all of a large process's for its secretariat), then their meetings.
        var roots = items.Where(i => i.ChainRootItemId is not null || i.FollowedOn).Select(i => i.ChainRootItemId ?? i.Id).Distinct().ToList();
        var linked = db.AgendaItems.Where(i => roots.Contains(i.Id))
            .Union(db.AgendaItems.Where(i => i.ChainRootItemId != null && roots.Contains(i.ChainRootItemId.Value)));
        var chainItems = roots.Count == 0 ? [] : await linked.AsNoTracking()
            .Join(db.Meetings.Where(MeetingAccess.VisibleTo(reader)), i => i.MeetingId, x => x.Id, (i, x) => new { Item = i, Meeting = x })
            .Select(p => new { Root = p.Item.ChainRootItemId ?? p.Item.Id, Step = new ChainStep(p.Item.Id, p.Item.Title, p.Meeting.Id, p.Meeting.Title, p.Meeting.Level, p.Meeting.StartsAtUtc) })
            .ToListAsync(ct);
        IReadOnlyList<ChainStep> ChainOf(int root)
        {
            var steps = chainItems.Where(c => c.Root == root).Select(c => c.Step).ToList();
            return steps.Count < 2 ? [] : steps.OrderBy(s => s.StartsAtUtc).ThenBy(s => s.ItemId).ToList();
        }

        var names = await PartyNames.LoadAsync(db,
            [access.HostStateCode, .. access.Invitees.Select(i => i.StateCode)],
            [.. access.Invitees.Select(i => i.OrganizationId)],
            ct, [access.HostState]);

        // Most meetings have no theme: then no query.
        var themes = access.ThemeIds.Count == 0 ? [] : await db.Themes.AsNoTracking().Where(t => access.ThemeIds.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new ThemeRef(t.Id, t.Name)).ToListAsync(ct);

        var sessionTitles = sessions.ToDictionary(s => s.Id, s => s.Title);
        var invitees = access.Invitees
            .Select(i => i.UserId is not null
                ? new InviteeView(i.Id, new PartyRef(null, null, extras.Persons.FirstOrDefault(p => p.InviteeId == i.Id)?.DisplayName ?? ""), true)
                : new InviteeView(i.Id, names.Of(i.StateCode, i.OrganizationId)!, false))
            .OrderBy(i => i.IsPerson).ThenBy(i => i.Party.StateCode == null).ThenBy(i => i.Party.Name, StringComparer.CurrentCulture)
            .ToList();

        return new MeetingView(
            access.Id, access.Title, extras.Process, extras.Participating, access.BodyId, extras.BodyName,
            access.Level, access.Format, access.Status, access.Audience,
            access.HostStateCode, names.Of(access.HostStateCode, null)?.Name, access.Venue, access.OnlineUrl,
            access.TimeZoneId, access.StartsAtUtc, access.EndsAtUtc, access.WorkingLanguages,
            access.PublicSummary, access.SummaryPublished, access.Sequence, access.UpdatedAt,
            items.Select(i => new AgendaItemView(i.Id, i.Position, i.Title, i.Description, i.StartsAtUtc, i.EndsAtUtc, i.SessionId,
                i.SessionId is { } sid && sessionTitles.TryGetValue(sid, out var st) ? st : null,
                // Not even the id of an item on a meeting the reader may not see: the chain holds only visible ones.
                i.ForwardedFromItemId is { } from && chainItems.Any(c => c.Step.ItemId == from) ? from : null,
                ChainOf(i.ChainRootItemId ?? i.Id))).ToList(),
            sessions.Select(SessionViews.View).ToList(),
            invitees, themes, access.GcmObjectives);
    }

    private sealed record ItemRow(
        int Id, int Position, string Title, string? Description, DateTimeOffset? StartsAtUtc, DateTimeOffset? EndsAtUtc,
        int? SessionId, int? ForwardedFromItemId, int? ChainRootItemId, bool FollowedOn);

    // Compiled once, as the sessions query (SessionViews.RowsOf): EF Core otherwise walks and hashes the expression tree on
    // every call to find its translation, a good part of a small query's cost.
    private static readonly CompiledQuery<Func<AppDbContext, int, IAsyncEnumerable<ItemRow>>> AgendaOf = new(() => EF.CompileAsyncQuery((AppDbContext db, int meetingId) =>
        db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new ItemRow(i.Id, i.Position, i.Title, i.Description, i.StartsAtUtc, i.EndsAtUtc, i.SessionId, i.ForwardedFromItemId, i.ChainRootItemId,
                db.AgendaItems.Any(x => x.ChainRootItemId == i.Id)))));

    private sealed record Extras(ProcessRef Process, List<ProcessRef> Participating, string? BodyName, List<PersonName> Persons);

    private sealed record PersonName(int InviteeId, string DisplayName);

    /// <summary>The summary-only view of a meeting (its summary must be published).</summary>
    public static async Task<MeetingSummaryView> LoadSummaryAsync(AppDbContext db, Meeting access, CancellationToken ct = default)
    {
        var process = await db.Processes.AsNoTracking().Where(p => p.Id == access.ProcessId)
            .Select(p => new ProcessRef(p.Id, p.Slug, p.Acronym, p.Name)).SingleAsync(ct);
        return new MeetingSummaryView(access.Id, access.Title, process, access.Level, access.Format, access.Status, access.Audience,
            access.TimeZoneId, access.StartsAtUtc, access.EndsAtUtc, access.PublicSummary ?? "");
    }
}

/// <summary>Names of states (in the reader's language) and organisations, loaded for a set of codes and ids in two queries.</summary>
public sealed class PartyNames
{
    private readonly Dictionary<string, string> _states;
    private readonly Dictionary<int, string> _organizations;

    private PartyNames(Dictionary<string, string> states, Dictionary<int, string> organizations) => (_states, _organizations) = (states, organizations);

    /// <param name="known">States already loaded (a meeting's host state): named without a query.</param>
    public static async Task<PartyNames> LoadAsync(AppDbContext db, IEnumerable<string?> stateCodes, IEnumerable<int?> organizationIds, CancellationToken ct = default, IEnumerable<State?>? known = null)
    {
        var loaded = (known ?? []).OfType<State>().ToList();
        var codes = stateCodes.OfType<string>().Distinct().Where(c => loaded.All(s => s.Code != c)).ToList();
        var ids = organizationIds.OfType<int>().Distinct().ToList();
        var language = Cultures.Current;
        // States and organisations in one query where both are named (a session's speakers often are): on a page this
        // size a second query costs more than its rows.
        var rows = codes.Count == 0 && ids.Count == 0 ? [] : await db.States.AsNoTracking().Where(s => codes.Contains(s.Code))
            .Select(s => new { Code = (string?)s.Code, Id = (int?)null, s.NameEn, s.NameFr, s.NameEs, s.NameRu, s.NameAr })
            .Concat(db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { Code = (string?)null, Id = (int?)o.Id, NameEn = o.Name, NameFr = o.Name, NameEs = o.Name, NameRu = o.Name, NameAr = o.Name }))
            .ToListAsync(ct);
        var states = loaded
            .Concat(rows.Where(r => r.Code is not null).Select(r => new State { Code = r.Code!, Alpha2 = "", Numeric = "", NameEn = r.NameEn, NameFr = r.NameFr, NameEs = r.NameEs, NameRu = r.NameRu, NameAr = r.NameAr }))
            .DistinctBy(s => s.Code).ToDictionary(s => s.Code, s => s.Name(language));
        var organizations = rows.Where(r => r.Id is not null).ToDictionary(r => r.Id!.Value, r => r.NameEn);
        return new PartyNames(states, organizations);
    }

    public PartyRef? Of(string? stateCode, int? organizationId) =>
        stateCode is not null ? new PartyRef(stateCode, null, _states.GetValueOrDefault(stateCode, stateCode))
        : organizationId is { } id ? new PartyRef(null, id, _organizations.GetValueOrDefault(id, "")) : null;

    public string? State(string? code) => code is null ? null : _states.GetValueOrDefault(code, code);
}
