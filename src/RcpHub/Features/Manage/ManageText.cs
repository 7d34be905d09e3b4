namespace RcpHub.Features.Manage;

/// <summary>Marker for the strings of the secretariat's pages; translations in ManageText.{fr,es,ru,ar}.resx.</summary>
public sealed class ManageText;
