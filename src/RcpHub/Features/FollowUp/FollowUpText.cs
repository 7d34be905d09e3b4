namespace RcpHub.Features.FollowUp;

/// <summary>Marker for the strings of national follow-up (a state's grid, its reports, their review, the status labels
/// and the spreadsheet); translations live beside it in FollowUpText.{fr,es,ru,ar}.resx.</summary>
public sealed class FollowUpText;
