namespace RcpHub.Infrastructure;

/// <summary>A removal a page asks about before doing it. The removal link reloads the page with the thing named in
/// its query (<c>?remove=12</c>); the page then shows the question with the form that removes, so that asking first
/// works without JavaScript and a stray click removes nothing (Features/Shared/_ConfirmRemoval.cshtml).</summary>
/// <param name="Question">What will happen, naming the thing: "Remove Kenya from the invitees?"</param>
/// <param name="Confirm">The button that does it: "Remove".</param>
/// <param name="Handler">The page handler that removes.</param>
/// <param name="Route">The route values the handler needs (the id of what is removed).</param>
/// <param name="Back">Where "Cancel" leads: the page without the question.</param>
public sealed record RemovalQuestion(string Question, string Confirm, string Handler, Dictionary<string, string> Route, string Back);
