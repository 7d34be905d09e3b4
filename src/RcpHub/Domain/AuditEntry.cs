namespace RcpHub.Domain;

/// <summary>One recorded change: who, when, what, and the values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>The process the change belongs to, so that its secretariat sees it; null for platform-wide changes.</summary>
    public int? ProcessId { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Implemented by entities that belong to one process, so the audit log can file their changes under it.</summary>
public interface IBelongsToProcess
{
    int ProcessId { get; }
}
