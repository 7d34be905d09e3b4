namespace RcpHub.Features.Meetings;

/// <summary>Marker for the meetings feature's resources (MeetingsText.{fr,es,ru,ar}.resx); keys are the English text.</summary>
public sealed class MeetingsText;
