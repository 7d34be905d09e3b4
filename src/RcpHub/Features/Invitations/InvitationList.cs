namespace RcpHub.Features.Invitations;

/// <summary>What the invitation list partial shows.</summary>
public sealed record InvitationList(IReadOnlyList<InvitationRow> Rows, IReadOnlyDictionary<string, string> StateNames, DateTimeOffset Now, bool ShowProcess);
