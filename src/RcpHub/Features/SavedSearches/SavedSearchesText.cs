namespace RcpHub.Features.SavedSearches;

/// <summary>Marker for the saved searches feature's resources (SavedSearchesText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class SavedSearchesText;
