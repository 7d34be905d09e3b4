namespace RcpHub.Features.Search;

/// <summary>Marker for the search feature's resources (SearchText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class SearchText;
