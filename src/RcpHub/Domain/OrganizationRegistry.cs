namespace RcpHub.Domain;

/// <summary>Where a self-registered organisation stands with the secretariats: it is listed from the start, marked as
/// not yet verified, until a secretariat (or a platform administrator) checks its evidence.</summary>
public enum VerificationStatus
{
    Pending,
    Verified,
    Declined,
}

/// <summary>A theme an organisation works on (the themes the processes use).</summary>
public sealed class OrganizationTheme
{
    public int OrganizationId { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>A file an organisation gives as evidence of its registration (statutes, a registration certificate). It
/// passed the document checks before it was stored; only its representatives, secretariats and platform
/// administrators read it.</summary>
public sealed class OrganizationEvidenceFile
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedByUserId { get; set; }
}
