namespace RcpHub.Features.States;

/// <summary>Marker for the strings of the States feature; translations live beside it in StatesText.{fr,es,ru,ar}.resx.</summary>
public sealed class StatesText;
