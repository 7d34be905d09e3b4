namespace RcpHub.Features.Recommendations;

/// <summary>Marker for the recommendations feature's resources (RecommendationsText.{fr,es,ru,ar}.resx); keys are the English text.
/// The titles of the GCM objectives and the SDG texts are not here: they come from the reference files, never translated by us.</summary>
public sealed class RecommendationsText;
