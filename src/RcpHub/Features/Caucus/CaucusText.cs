namespace RcpHub.Features.Caucus;

/// <summary>Marker for the caucus and statements feature's resources (CaucusText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class CaucusText;
