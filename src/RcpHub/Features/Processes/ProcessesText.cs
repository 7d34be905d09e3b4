namespace RcpHub.Features.Processes;

/// <summary>Marker for the strings of the Processes feature; translations live beside it in ProcessesText.{fr,es,ru,ar}.resx.</summary>
public sealed class ProcessesText;
