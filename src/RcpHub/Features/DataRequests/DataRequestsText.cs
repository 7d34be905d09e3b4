namespace RcpHub.Features.DataRequests;

/// <summary>Marker for the data requests feature's resources (DataRequestsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class DataRequestsText;
