namespace RcpHub.Features.Documents;

/// <summary>Marker for the documents feature's resources (DocumentsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class DocumentsText;
