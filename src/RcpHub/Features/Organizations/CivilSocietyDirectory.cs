using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Organizations;

/// <summary>The directory's filters, as the address gives them (<c>?type=Ngo&amp;country=MAR&amp;theme=3&amp;migrantLed=true&amp;verified=true&amp;language=fr</c>).</summary>
public sealed record DirectoryFilter(CivilSocietyType? Type, string? Country, int? Theme, bool? MigrantLed, bool? Verified, string? Language)
{
    public bool IsEmpty => this == new DirectoryFilter(null, null, null, null, null, null);
}

/// <summary>A civil society organisation as the directory lists it.</summary>
public sealed record DirectoryEntry(
    string Slug, string Name, string? Acronym, CivilSocietyType? Type, bool MigrantLed, IReadOnlyList<string> CountryCodes,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Languages, VerificationStatus Verification);

/// <summary>What the registry says of a civil society organisation, on its page.</summary>
public sealed record RegistryFacts(
    CivilSocietyType? Type, bool MigrantLed, IReadOnlyList<string> CountryCodes, IReadOnlyList<string> Themes, IReadOnlyList<string> Languages,
    string? Website, string? Description, DateTimeOffset? RegisteredAt, VerificationStatus Verification, DateTimeOffset? VerifiedAt);

/// <summary>A meeting an organisation was invited to, as far as the reader may see it.</summary>
public sealed record ParticipationMeeting(int Id, string Title, DateTimeOffset StartsAtUtc, string ProcessSlug, string ProcessAcronym);

/// <summary>A process an organisation took part in: a role of its own there, a civil society role of one of its
/// representatives, or a meeting of the process it was invited to.</summary>
public sealed record ParticipationProcess(string Slug, string Acronym, string Name);

/// <summary>For its representatives, secretariats and platform administrators only: who to contact, the evidence given,
/// and the verification note.</summary>
public sealed record RegistryContacts(IReadOnlyList<RegistryContact> People, IReadOnlyList<RegistryEvidence> Evidence, string? VerificationNote);

public sealed record RegistryContact(int Id, string DisplayName, string? Email, DateTimeOffset AddedAt);

public sealed record RegistryEvidence(int Id, string FileName, long Length, DateTimeOffset AddedAt);

/// <summary>The reads of the civil society registry, for the pages and the API alike.</summary>
public static class CivilSocietyDirectory
{
    /// <summary>The filter as given, a country or language that is not one of the lists counting as none.</summary>
    public static DirectoryFilter Filter(CivilSocietyType? type, string? country, int? theme, bool? migrantLed, bool? verified, string? language)
    {
        country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        language = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        return new DirectoryFilter(type, country, theme, migrantLed, verified,
            language is not null && OrganizationRegistry.Languages.Contains(language) ? language : null);
    }

    public static async Task<List<DirectoryEntry>> ListAsync(AppDbContext db, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.CivilSociety);
        if (filter.Type is { } type)
        {
            query = query.Where(o => o.CivilSocietyType == type);
        }
        if (filter.Country is { } country)
        {
            query = query.Where(o => o.CountryCodes.Contains(country));
        }
        if (filter.Theme is { } theme)
        {
            query = query.Where(o => o.Themes.Any(x => x.ThemeId == theme));
        }
        if (filter.MigrantLed is { } migrantLed)
        {
            query = query.Where(o => o.MigrantLed == migrantLed);
        }
        if (filter.Verified is { } verified)
        {
            query = verified ? query.Where(o => o.Verification == VerificationStatus.Verified) : query.Where(o => o.Verification != VerificationStatus.Verified);
        }
        if (filter.Language is { } language)
        {
            query = query.Where(o => o.Languages.Contains(language));
        }
        var rows = await query
            .Select(o => new
            {
                o.Slug, o.Name, o.Acronym, o.CivilSocietyType, o.MigrantLed, o.CountryCodes, o.Languages, o.Verification,
                Themes = o.Themes.Select(x => x.Theme!.Name).ToList(),
            })
            .ToListAsync(ct);
        return rows
            .Select(o => new DirectoryEntry(o.Slug, o.Name, o.Acronym, o.CivilSocietyType, o.MigrantLed, o.CountryCodes,
                [.. o.Themes.Order(RegistrySorting.Names)], o.Languages, o.Verification))
            .OrderBy(o => o.Name, RegistrySorting.Names)
            .ToList();
    }

    /// <summary>The registry facts of an organisation with its id and the secretariat's note (for those who may read it),
    /// or null for one that is not in the civil society registry.</summary>
    public static async Task<(int Id, RegistryFacts Facts, string? Note)?> FactsAsync(AppDbContext db, string slug, CancellationToken ct)
    {
        var o = await db.Organizations.AsNoTracking()
            .Where(o => o.Slug == slug && o.Kind == OrganizationKind.CivilSociety)
            .Select(o => new
            {
                o.Id, o.CivilSocietyType, o.MigrantLed, o.CountryCodes, o.Languages, o.Website, o.Description, o.RegisteredAt, o.Verification, o.VerifiedAt,
                o.VerificationNote,
                Themes = o.Themes.Select(x => x.Theme!.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return o is null ? null : (o.Id, new RegistryFacts(o.CivilSocietyType, o.MigrantLed, o.CountryCodes, [.. o.Themes.Order(RegistrySorting.Names)], o.Languages,
            o.Website, o.Description, o.RegisteredAt, o.Verification, o.VerifiedAt), o.VerificationNote);
    }

    /// <summary>The processes and meetings an organisation took part in: its meetings as far as <paramref name="reader"/> may
    /// see them (<see cref="MeetingAccess.SummaryVisibleTo"/>), its processes from its own roles, its representatives'
    /// civil society roles and the meetings it was invited to that the reader may see.</summary>
    public static async Task<(List<ParticipationProcess> Processes, List<ParticipationMeeting> Meetings)> ParticipationAsync(
        AppDbContext db, int organizationId, MeetingReader reader, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(MeetingAccess.SummaryVisibleTo(reader))
            .Where(m => m.Status != MeetingStatus.Cancelled && m.Invitees.Any(i => i.OrganizationId == organizationId))
            .OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new ParticipationMeeting(m.Id, m.Title, m.StartsAtUtc, m.Process!.Slug, m.Process.Acronym))
            .ToListAsync(ct);
        var meetingProcesses = meetings.Select(m => m.ProcessSlug).Distinct().ToList();
        var processes = await db.Processes.AsNoTracking()
            .Where(p => meetingProcesses.Contains(p.Slug)
                || db.ProcessRoleAssignments.Any(a => a.ProcessId == p.Id && a.RevokedAt == null && a.Role == ProcessRole.CivilSociety && a.OrganizationId == organizationId))
            .Select(p => new ParticipationProcess(p.Slug, p.Acronym, p.Name))
            .ToListAsync(ct);
        return ([.. processes.OrderBy(p => p.Name, RegistrySorting.Names)], meetings);
    }

    /// <summary>The entry's contact people and evidence files, in one query.</summary>
    public static async Task<RegistryContacts> ContactsAsync(AppDbContext db, int organizationId, string? note, CancellationToken ct)
    {
        // Correlated with the organisation (not filtered by the id alone): SQLite has no APPLY for an uncorrelated subquery.
        var representatives = db.OrganizationRepresentatives.Active();
        var found = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new
            {
                People = representatives.Where(r => r.OrganizationId == o.Id).OrderBy(r => r.AddedAt)
                    .Select(r => new RegistryContact(r.Id, r.User!.DisplayName, r.User.Email, r.AddedAt)).ToList(),
                Evidence = db.OrganizationEvidenceFiles.Where(f => f.OrganizationId == o.Id).OrderBy(f => f.Id)
                    .Select(f => new RegistryEvidence(f.Id, f.FileName, f.Length, f.AddedAt)).ToList(),
            })
            .SingleAsync(ct);
        return new RegistryContacts(found.People, found.Evidence, note);
    }

    public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Bytes);

    public static Task<EvidenceDownload?> EvidenceAsync(AppDbContext db, string slug, int fileId, CancellationToken ct) =>
        db.OrganizationEvidenceFiles.AsNoTracking()
            .Where(f => f.Id == fileId && db.Organizations.Any(o => o.Id == f.OrganizationId && o.Slug == slug))
            .Select(f => new EvidenceDownload(f.FileName, f.ContentType, f.Bytes))
            .SingleOrDefaultAsync(ct);

    /// <summary>States' names in the reader's language, by code: all of them, or those given.</summary>
    public static async Task<Dictionary<string, string>> CountryNamesAsync(AppDbContext db, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        var query = db.States.AsNoTracking();
        if (codes is not null)
        {
            query = query.Where(s => codes.Contains(s.Code));
        }
        var language = Cultures.Current;
        return (await query.ToListAsync(ct)).ToDictionary(s => s.Code, s => s.Name(language), StringComparer.Ordinal);
    }
}
