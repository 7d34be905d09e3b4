namespace RcpHub.Domain;

/// <summary>A file a state gives as evidence with one follow-up report (a decree, a report, a photo). It passed the
/// document checks before it was stored; its bytes are kept apart (<see cref="FollowUpEvidenceContent"/>) so that
/// listing a report's files never loads them.</summary>
public sealed class FollowUpEvidenceFile : IBelongsToProcess
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public FollowUpReport? Report { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public FollowUpEvidenceContent? Content { get; set; }

    int IBelongsToProcess.ProcessId => Report?.ProcessId ?? 0;
}

/// <summary>The bytes of one <see cref="FollowUpEvidenceFile"/>, in the database so that every web instance serves them.</summary>
public sealed class FollowUpEvidenceContent : IBelongsToProcess
{
    public int FileId { get; set; }
    public FollowUpEvidenceFile? File { get; set; }
    public required byte[] Bytes { get; set; }

    int IBelongsToProcess.ProcessId => File?.Report?.ProcessId ?? 0;
}
