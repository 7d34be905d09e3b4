namespace RcpHub.Features.My;

/// <summary>Marker for the strings of the personal page and of the duties it shares with the process dashboard;
/// translations live beside it in MyText.{fr,es,ru,ar}.resx.</summary>
public sealed class MyText;
