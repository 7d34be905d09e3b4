namespace RcpHub.Features.Reports;

/// <summary>Marker for the reports feature's resources (ReportsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class ReportsText;
