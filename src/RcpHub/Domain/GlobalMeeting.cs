namespace RcpHub.Domain;

/// <summary>A Global Meeting of Chairs and Secretariats of RCPs (Global RCP/ISCM Meeting).</summary>
public sealed class GlobalMeeting
{
    public int Id { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }

    /// <summary>Start date; when only the year is known it is 1 January and <see cref="YearOnly"/> is set.</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public bool YearOnly { get; set; }
    public required string Location { get; set; }
    public string? Host { get; set; }
    public string? Theme { get; set; }
    public string? Participation { get; set; }
    public required string SourceUrl { get; set; }
}
