namespace RcpHub.Features.Accountability;

/// <summary>Marker for the accountability feature's resources (AccountabilityText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class AccountabilityText;
