namespace RcpHub.Features.Outputs;

/// <summary>Marker for the outputs feature's resources (OutputsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class OutputsText;
