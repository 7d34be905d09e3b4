namespace RcpHub.Features.Calls;

/// <summary>Marker for the calls feature's resources (CallsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class CallsText;
