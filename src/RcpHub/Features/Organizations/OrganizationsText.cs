namespace RcpHub.Features.Organizations;

/// <summary>Marker for the strings of the Organizations feature; translations live beside it in OrganizationsText.{fr,es,ru,ar}.resx.</summary>
public sealed class OrganizationsText;
