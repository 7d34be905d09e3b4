namespace RcpHub.Features.GlobalMeetings;

/// <summary>Marker for the strings of the GlobalMeetings feature; translations live beside it in GlobalMeetingsText.{fr,es,ru,ar}.resx.</summary>
public sealed class GlobalMeetingsText;
