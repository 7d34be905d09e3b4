namespace RcpHub.Features.Officials;

/// <summary>Marker for the directory of officials' resources (OfficialsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class OfficialsText;
