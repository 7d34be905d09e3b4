using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;
using RcpHub.Features.Processes;

namespace RcpHub.Features.Organizations;

/// <summary>What an organisation gives when it registers in the civil society registry (form and API alike).</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }
    public string? Acronym { get; set; }
    public CivilSocietyType? Type { get; set; }
    public bool MigrantLed { get; set; }

    /// <summary>The states where it works (ISO 3166-1 alpha-3).</summary>
    public List<string> CountryCodes { get; set; } = [];
    public List<int> ThemeIds { get; set; } = [];

    /// <summary>The languages it works in (ISO 639-1), from <see cref="OrganizationRegistry.Languages"/>.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>An http or https address.</summary>
    public string? Website { get; set; }

    [MultiLine]
    public string? Description { get; set; }
}

/// <summary>A secretariat's decision on a registered organisation.</summary>
public sealed class VerificationInput
{
    public VerificationStatus? Decision { get; set; }

    [MultiLine]
    public string? Note { get; set; }
}

/// <summary>A person to add as contact person of an organisation, by the e-mail address of their account.</summary>
public sealed class ContactInput
{
    public string? Email { get; set; }
}

/// <summary>The registry's limits, for the forms and the checks.</summary>
public static class RegistryLimits
{
    public const int Name = 300;
    public const int Acronym = 60;
    public const int Website = 500;
    public const int Description = 4000;
    public const int Note = 2000;
    public const int Countries = 60;
    public const int Themes = 30;
    public const int EvidenceFiles = 5;
}

/// <summary>What a registration or a verification came to: the organisation's slug, or the refused fields (by property name).</summary>
public sealed record RegistryOutcome(string? Slug, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Saved => Slug is not null && Errors.Count == 0;

    /// <summary>The refused fields as the JSON API names them.</summary>
    public Dictionary<string, string[]> JsonErrors => Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
}

/// <summary>Registers civil society organisations and records the secretariats' verification, for the pages and the API
/// alike. Every rule of what may be stored is here; nothing is stored when one fails.</summary>
public static class OrganizationRegistry
{
    /// <summary>The languages an organisation may say it works in: the platform's five, then others widely spoken where
    /// the processes meet. Shown by their own names.</summary>
    public static readonly string[] Languages = [.. Cultures.Supported, "pt", "zh", "sw", "hi", "ur", "bn", "fa", "tr", "id", "ha", "am", "de", "it"];

    /// <summary>Addresses under /organizations that are pages, never an organisation's slug.</summary>
    private static readonly string[] ReservedSlugs = ["register", "civil-society"];

    public static string LanguageName(string code) => CultureInfo.GetCultureInfo(code).NativeName;

    /// <summary>An entry as it may be stored: trimmed, codes in their case, no duplicates.</summary>
    private sealed record CheckedEntry(string Name, string? Acronym, CivilSocietyType? Type, bool MigrantLed, List<string> Countries,
        List<int> ThemeIds, List<string> Languages, string? Website, string? Description);

    /// <summary>Every rule of what an entry may hold, for a registration and an edit alike (<paramref name="exceptId"/>: the
    /// organisation being edited, whose own name is no clash).</summary>
    private static async Task<(Dictionary<string, string[]> Errors, CheckedEntry Entry)> CheckAsync(AppDbContext db, IStringLocalizer<OrganizationsText> t,
        RegistrationInput input, int exceptId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Refuse(string field, string message) => errors[field] = [message];

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Refuse(nameof(input.Name), t["Give the name of the organisation."]);
        }
        else if (name.Length > RegistryLimits.Name)
        {
            Refuse(nameof(input.Name), t["Keep the name within {0} characters.", RegistryLimits.Name]);
        }
        else if (await db.Organizations.AnyAsync(o => o.Name == name && o.Id != exceptId, ct))
        {
            Refuse(nameof(input.Name), t["An organisation with this name is already registered: ask its representatives to add you."]);
        }
        var acronym = string.IsNullOrWhiteSpace(input.Acronym) ? null : input.Acronym.Trim();
        if (acronym?.Length > RegistryLimits.Acronym)
        {
            Refuse(nameof(input.Acronym), t["Keep the acronym within {0} characters.", RegistryLimits.Acronym]);
        }
        if (input.Type is null)
        {
            Refuse(nameof(input.Type), t["Choose what kind of organisation it is."]);
        }
        var countries = input.CountryCodes.Select(c => (c ?? "").Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (countries.Count == 0)
        {
            Refuse(nameof(input.CountryCodes), t["Choose at least one country where the organisation works."]);
        }
        else if (countries.Count > RegistryLimits.Countries || await db.States.CountAsync(s => countries.Contains(s.Code), ct) != countries.Count)
        {
            Refuse(nameof(input.CountryCodes), t["Choose countries from the list (at most {0}).", RegistryLimits.Countries]);
        }
        var themeIds = input.ThemeIds.Distinct().ToList();
        if (!await ThemeTags.AreChosenWellAsync(db, themeIds, ct, RegistryLimits.Themes))
        {
            Refuse(nameof(input.ThemeIds), t["Choose themes from the list."]);
        }
        var languages = input.Languages.Select(l => (l ?? "").Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count == 0)
        {
            Refuse(nameof(input.Languages), t["Choose at least one language the organisation works in."]);
        }
        else if (languages.Any(l => !Languages.Contains(l)))
        {
            Refuse(nameof(input.Languages), t["Choose languages from the list."]);
        }
        var website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        if (website is not null && (website.Length > RegistryLimits.Website
            || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            Refuse(nameof(input.Website), t["Give a web address starting with http:// or https://."]);
        }
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > RegistryLimits.Description)
        {
            Refuse(nameof(input.Description), t["Keep the description within {0} characters.", RegistryLimits.Description]);
        }
        return (errors, new CheckedEntry(name, acronym, input.Type, input.MigrantLed, countries, themeIds, languages, website, description));

    }

    public static async Task<RegistryOutcome> RegisterAsync(AppDbContext db, TimeProvider clock, IStringLocalizer<OrganizationsText> t,
        RegistrationInput input, string userId, IReadOnlyList<CheckedFile> evidence, CancellationToken ct)
    {
        var (errors, entry) = await CheckAsync(db, t, input, exceptId: 0, ct);
        if (evidence.Count > RegistryLimits.EvidenceFiles)
        {
            errors["Evidence"] = [t["Give at most {0} files.", RegistryLimits.EvidenceFiles]];
        }
        if (errors.Count > 0)
        {
            return new RegistryOutcome(null, errors);
        }
        var (name, acronym) = (entry.Name, entry.Acronym);
        var slug = await FreeSlugAsync(db, acronym is not null && acronym.Length >= 2 ? acronym : name, ct);
        var now = clock.GetUtcNow();
        var organization = new Organization
        {
            Slug = slug,
            Name = name,
            Acronym = acronym,
            Kind = OrganizationKind.CivilSociety,
            CivilSocietyType = entry.Type,
            MigrantLed = entry.MigrantLed,
            CountryCodes = entry.Countries,
            Languages = entry.Languages,
            Themes = [.. entry.ThemeIds.Select(id => new OrganizationTheme { ThemeId = id })],
            Website = entry.Website,
            Description = entry.Description,
            RegisteredAt = now,
            Verification = VerificationStatus.Pending,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Organizations.Add(organization);
        // The person who registers it is its first contact person.
        db.OrganizationRepresentatives.Add(new OrganizationRepresentative { Organization = organization, UserId = userId, AddedAt = now });
        await db.SaveChangesAsync(ct);
        foreach (var file in evidence)
        {
            db.OrganizationEvidenceFiles.Add(new OrganizationEvidenceFile
            {
                OrganizationId = organization.Id,
                FileName = file.FileName,
                ContentType = file.Kind.ContentType,
                Length = file.Bytes.LongLength,
                Bytes = file.Bytes,
                AddedAt = now,
                AddedByUserId = userId,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistryOutcome(slug, new Dictionary<string, string[]>());
    }

    /// <summary>A secretariat verifies a registered organisation, or declines to, with a note; refused for anything but a
    /// civil society organisation, and a decline without a note.</summary>
    public static async Task<RegistryOutcome> VerifyAsync(AppDbContext db, TimeProvider clock, IStringLocalizer<OrganizationsText> t,
        Outbox outbox, IConfiguration configuration, string slug, VerificationInput input, string userId, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Slug == slug && o.Kind == OrganizationKind.CivilSociety, ct);
        if (organization is null)
        {
            return new RegistryOutcome(null, new Dictionary<string, string[]>());
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (input.Decision is null)
        {
            errors[nameof(input.Decision)] = [t["Choose a decision."]];
        }
        if (note?.Length > RegistryLimits.Note)
        {
            errors[nameof(input.Note)] = [t["Keep the note within {0} characters.", RegistryLimits.Note]];
        }
        else if (note is null && input.Decision != VerificationStatus.Verified)
        {
            errors[nameof(input.Note)] = [t["Say why in the note: the organisation reads it."]];
        }
        if (errors.Count > 0)
        {
            return new RegistryOutcome(null, errors);
        }
        organization.Verification = input.Decision!.Value;
        organization.VerificationNote = note;
        organization.VerifiedAt = clock.GetUtcNow();
        organization.VerifiedByUserId = userId;
        await TellDecisionAsync(db, t, outbox, configuration, organization, ct);
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return new RegistryOutcome(organization.Slug, new Dictionary<string, string[]>());
    }

    /// <summary>Tells every contact person, in their own language, what the secretariat decided and its note; a decision
    /// back to "not yet verified" is no news to them.</summary>
    private static async Task TellDecisionAsync(AppDbContext db, IStringLocalizer<OrganizationsText> t, Outbox outbox, IConfiguration configuration,
        Organization organization, CancellationToken ct)
    {
        if (organization.Verification == VerificationStatus.Pending)
        {
            return;
        }
        var recipients = await db.OrganizationRepresentatives.ActiveOf(organization.Id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new MailRecipient(u.Id, u.DisplayName, u.Email!, u.PreferredLanguage))
            .ToListAsync(ct);
        var link = PublicLinks.To(configuration, $"/organizations/{organization.Slug}#contacts");
        var stamp = organization.VerifiedAt!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(recipients, MailKind.RegistryDecision, meetingId: null,
            r => $"registry-decision:{organization.Id.ToString(CultureInfo.InvariantCulture)}:{stamp}:{r.UserId}",
            r => new Letter(t["The registration of {0}", organization.Name], string.Join("\n\n",
                new[]
                {
                    t["Dear {0},", r.Name].Value,
                    organization.Verification == VerificationStatus.Verified
                        ? t["A secretariat has verified {0}: the civil society directory shows it as verified.", organization.Name]
                        : t["A secretariat has declined to verify {0}.", organization.Name],
                    organization.VerificationNote is { } note ? t["Note of the secretariat: {0}", note].Value : null,
                    t["The organisation's page: {0}", link].Value,
                    t["The secretariat"].Value,
                }.OfType<string>())), ct: ct);
    }

    /// <summary>Adds a contact person (a representative) to an organisation, by the e-mail address of their account.
    /// Refused when no account has that address, or the person already acts for it.</summary>
    public static async Task<RegistryOutcome> AddContactAsync(AppDbContext db, TimeProvider clock, IStringLocalizer<OrganizationsText> t,
        int organizationId, string slug, ContactInput input, CancellationToken ct)
    {
        var email = input.Email?.Trim() ?? "";
        var userId = email.Length == 0 ? null : await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
        string? refusal = null;
        if (email.Length == 0)
        {
            refusal = t["Give the e-mail address of the person's account."];
        }
        else if (userId is null)
        {
            refusal = t["No account has this address: the person needs an account on the platform first."];
        }
        else if (await db.OrganizationRepresentatives.ActsForAsync(userId, organizationId, ct))
        {
            refusal = t["This person is already a contact person of the organisation."];
        }
        if (refusal is not null)
        {
            return new RegistryOutcome(null, new Dictionary<string, string[]> { [nameof(input.Email)] = [refusal] });
        }
        db.OrganizationRepresentatives.Add(new OrganizationRepresentative { OrganizationId = organizationId, UserId = userId!, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return new RegistryOutcome(slug, new Dictionary<string, string[]>());
    }

    /// <summary>Its contact people (or a secretariat) correct the entry. A verified entry stays verified: the secretariats
    /// see what changed since in the audit shown on its page. Its address (slug) stays, so that links keep working.</summary>
    public static async Task<RegistryOutcome> EditAsync(AppDbContext db, IStringLocalizer<OrganizationsText> t, int organizationId,
        RegistrationInput input, CancellationToken ct)
    {
        var organization = await db.Organizations.Include(o => o.Themes).SingleAsync(o => o.Id == organizationId, ct);
        var (errors, entry) = await CheckAsync(db, t, input, organizationId, ct);
        if (errors.Count > 0)
        {
            return new RegistryOutcome(null, errors);
        }
        organization.Name = entry.Name;
        organization.Acronym = entry.Acronym;
        organization.CivilSocietyType = entry.Type;
        organization.MigrantLed = entry.MigrantLed;
        organization.CountryCodes = entry.Countries;
        organization.Languages = entry.Languages;
        organization.Website = entry.Website;
        organization.Description = entry.Description;
        organization.Themes.RemoveAll(x => !entry.ThemeIds.Contains(x.ThemeId));
        organization.Themes.AddRange(entry.ThemeIds.Where(id => organization.Themes.All(x => x.ThemeId != id)).Select(id => new OrganizationTheme { ThemeId = id }));
        await db.SaveChangesAsync(ct);
        return new RegistryOutcome(organization.Slug, new Dictionary<string, string[]>());
    }

    /// <summary>The entry as the edit form starts from it.</summary>
    public static async Task<RegistrationInput> InputOfAsync(AppDbContext db, int organizationId, CancellationToken ct)
    {
        var o = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.Acronym, o.CivilSocietyType, o.MigrantLed, o.CountryCodes, o.Languages, o.Website, o.Description, Themes = o.Themes.Select(x => x.ThemeId).ToList() })
            .SingleAsync(ct);
        return new RegistrationInput
        {
            Name = o.Name, Acronym = o.Acronym, Type = o.CivilSocietyType, MigrantLed = o.MigrantLed, CountryCodes = [.. o.CountryCodes],
            ThemeIds = o.Themes, Languages = [.. o.Languages], Website = o.Website, Description = o.Description,
        };
    }

    /// <summary>Removes a contact person (one representative row, by its id): from then on they no longer act for the
    /// organisation anywhere, and their civil-society roles tied to it end. The row stays, with when it ended (the audit has who ended it). Never the last one: an
    /// organisation without a contact person could no longer be looked after. Null when it has no such contact person.</summary>
    public static async Task<RegistryOutcome?> RemoveContactAsync(AppDbContext db, TimeProvider clock, IStringLocalizer<OrganizationsText> t,
        int organizationId, string slug, int contactId, CancellationToken ct)
    {
        var contact = await db.OrganizationRepresentatives.Active().SingleOrDefaultAsync(r => r.Id == contactId && r.OrganizationId == organizationId, ct);
        if (contact is null)
        {
            return null;
        }
        if (!await db.OrganizationRepresentatives.ActiveOf(organizationId).AnyAsync(r => r.Id != contactId, ct))
        {
            return new RegistryOutcome(null, new Dictionary<string, string[]>
            {
                ["ContactId"] = [t["The last contact person cannot be removed: add another first."]],
            });
        }
        var now = clock.GetUtcNow();
        contact.RemovedAt = now;
        // Their civil-society roles tied to the organisation end with it (decision 0027): the registry ends acting everywhere.
        foreach (var role in await db.ProcessRoleAssignments
            .Where(a => a.UserId == contact.UserId && a.OrganizationId == organizationId && a.Role == ProcessRole.CivilSociety && a.RevokedAt == null)
            .ToListAsync(ct))
        {
            role.RevokedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return new RegistryOutcome(slug, new Dictionary<string, string[]>());
    }

    /// <summary>Who looks after an entry: its contact people, and the secretariats and platform administrators who verify
    /// entries.</summary>
    public static async Task<bool> MayLookAfterAsync(AppDbContext db, MeetingReader reader, int organizationId, CancellationToken ct) =>
        AccessRules.MayVerifyOrganizations(reader.IsPlatformAdministrator, reader.Roles.Select(r => r.Role))
        || (reader.UserId is { } userId && await db.OrganizationRepresentatives.ActsForAsync(userId, organizationId, ct));

    private static async Task<string> FreeSlugAsync(AppDbContext db, string text, CancellationToken ct)
    {
        var stem = Slugs.From(text);
        if (stem.Length == 0)
        {
            stem = "organization";
        }
        stem = stem.Length > 100 ? stem[..100] : stem;
        var taken = await db.Organizations.Where(o => o.Slug == stem || o.Slug.StartsWith(stem + "-")).Select(o => o.Slug).ToListAsync(ct);
        var slug = stem;
        for (var n = 2; taken.Contains(slug) || ReservedSlugs.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }
}
