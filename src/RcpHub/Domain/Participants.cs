namespace RcpHub.Domain;

/// <summary>A state or territory, keyed by its ISO 3166-1 alpha-3 code, with its name in every interface language.</summary>
public sealed class State
{
    public required string Code { get; set; }
    public required string Alpha2 { get; set; }

    /// <summary>ISO 3166-1 numeric code, the key world-atlas uses for country shapes.</summary>
    public required string Numeric { get; set; }

    public required string NameEn { get; set; }
    public required string NameFr { get; set; }
    public required string NameEs { get; set; }
    public required string NameRu { get; set; }
    public required string NameAr { get; set; }

    public string Name(string twoLetterLanguage) => twoLetterLanguage switch
    {
        "fr" => NameFr,
        "es" => NameEs,
        "ru" => NameRu,
        "ar" => NameAr,
        _ => NameEn,
    };
}

/// <summary>An international or regional organisation, or another non-state participant.</summary>
public sealed class Organization
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public OrganizationKind Kind { get; set; }

    // The civil society registry (issue 11): filled in by the organisation itself when it registers.
    public CivilSocietyType? CivilSocietyType { get; set; }
    public bool MigrantLed { get; set; }

    /// <summary>The states where it works (ISO 3166-1 alpha-3).</summary>
    public List<string> CountryCodes { get; set; } = [];

    /// <summary>The languages it works in (ISO 639-1).</summary>
    public List<string> Languages { get; set; } = [];
    public List<OrganizationTheme> Themes { get; set; } = [];
    public string? Website { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public VerificationStatus Verification { get; set; } = VerificationStatus.Pending;
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedByUserId { get; set; }
    public string? VerificationNote { get; set; }
}

public enum OrganizationKind
{
    InternationalOrganization,
    RegionalOrganization,
    CivilSociety,
    Other,
}

/// <summary>What kind of civil society organisation an organisation is (issue 11): one list for the registry,
/// the calls' balance targets and the participation metrics.</summary>
public enum CivilSocietyType
{
    Ngo,
    MigrantOrDiasporaAssociation,
    TradeUnion,
    FaithBased,
    Academic,
    EmployersBody,
    Network,
}

/// <summary>A person who acts for an organisation across processes (registers it, applies to calls, endorses caucus
/// positions). Removing someone sets <see cref="RemovedAt"/>, so who acted for whom stays on record.</summary>
public sealed class OrganizationRepresentative
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}
