namespace RcpHub.Features.Invitations;

/// <summary>Marker for the strings of invitations and role management; translations in InvitationsText.{fr,es,ru,ar}.resx.</summary>
public sealed class InvitationsText;
