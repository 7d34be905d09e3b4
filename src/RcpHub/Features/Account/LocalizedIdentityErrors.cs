using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Account;

/// <summary>Identity's messages in the reader's language (Identity itself only speaks English). Only the
/// messages a person can meet with this configuration are translated; usernames are email addresses.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AccountText> t) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Something went wrong. Please try again."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), t["The account was changed by another request at the same time. Please try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["The current password is not correct."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["This link is not valid or has expired. Ask for a new one."]);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), t["This recovery code is not valid or has already been used."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Enter a valid email address."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Enter a valid email address."]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["An account with this email address already exists."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["An account with this email address already exists."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t.Plural(length, "The password must have at least {0} character.", "The password must have at least {0} characters."));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
