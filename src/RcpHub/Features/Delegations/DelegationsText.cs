namespace RcpHub.Features.Delegations;

/// <summary>Marker for the delegations feature's resources (DelegationsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class DelegationsText;
