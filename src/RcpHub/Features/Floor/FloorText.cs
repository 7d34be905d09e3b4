namespace RcpHub.Features.Floor;

/// <summary>Marker for the live floor's translations (FloorText.{fr,es,ru,ar}.resx).</summary>
public sealed class FloorText;
