using System.ComponentModel.DataAnnotations;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Account;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }
}

public sealed class TwoFactorCodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(40, ErrorMessage = "This code is too long.")]
    [Display(Name = "Code from your authenticator app, or a recovery code")]
    public string Code { get; set; } = "";
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "The email address is too long.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";
}

/// <summary>A new password typed twice. The policy itself (length, block-list) is Identity's, checked on save.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(256, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "This link is not valid or has expired. Ask for a new one.")]
    public string Token { get; set; } = "";
}

public sealed class ChangePasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}

public sealed class PasswordConfirmationInput
{
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";
}

public sealed class AuthenticatorCodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "The code has six digits.")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";
}

/// <summary>The account a person creates when accepting an invitation; the email is the invitation's.</summary>
public sealed class NewAccountInput : NewPasswordInput
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Your name, as others will see it")]
    public string DisplayName { get; set; } = "";
}
