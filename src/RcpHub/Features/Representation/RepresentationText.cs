namespace RcpHub.Features.Representation;

/// <summary>Marker for the representation feature's resources (RepresentationText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class RepresentationText;
