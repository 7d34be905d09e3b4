namespace RcpHub.Features.Evaluation;

/// <summary>Marker for the evaluation feature's resources (EvaluationText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class EvaluationText;
