namespace RcpHub.Features.Audit;

/// <summary>Marker for the strings of the audit log; translations in AuditText.{fr,es,ru,ar}.resx.</summary>
public sealed class AuditText;
