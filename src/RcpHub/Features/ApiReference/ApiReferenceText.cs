namespace RcpHub.Features.ApiReference;

/// <summary>Marker for the strings of the API reference page; translations live beside it in ApiReferenceText.{fr,es,ru,ar}.resx.</summary>
public sealed class ApiReferenceText;
