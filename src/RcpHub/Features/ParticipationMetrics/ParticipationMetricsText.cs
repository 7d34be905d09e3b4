namespace RcpHub.Features.ParticipationMetrics;

/// <summary>Marker for the strings of the participation metrics; translations live beside it in ParticipationMetricsText.{fr,es,ru,ar}.resx.</summary>
public sealed class ParticipationMetricsText;
