namespace RcpHub.Features.Shared;

/// <summary>Marker for the strings of the layout and of words every feature uses (Save, Cancel...).
/// Translations live beside it in SharedText.{fr,es,ru,ar}.resx; the English text is the key.</summary>
public sealed class SharedText;
