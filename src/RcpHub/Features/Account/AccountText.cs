namespace RcpHub.Features.Account;

/// <summary>Marker for the strings of the account pages and emails; translations in AccountText.{fr,es,ru,ar}.resx.</summary>
public sealed class AccountText;
