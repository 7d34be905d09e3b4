namespace RcpHub.Features.Map;

/// <summary>Marker for the map pages' strings; translations in MapText.{fr,es,ru,ar}.resx beside it.</summary>
public sealed class MapText;
