using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;

namespace RcpHub.Features.Account;

/// <summary>OWASP ASVS 5.0 V6.2: rejects passwords found in a list of commonly used ones, and passwords
/// that contain the person's own email name or display name, whatever their length.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<AccountText> t) : IPasswordValidator<AppUser>
{
    // Shorter names would reject too much ("al" appears in many good passphrases).
    private const int ShortestPersonalPart = 3;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many passwords the block-list holds (all of 12 to 64 characters: shorter ones fail the length rule first).</summary>
    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var errors = new List<IdentityError>();
        if (IsCommon(password))
        {
            errors.Add(new IdentityError
            {
                Code = "CommonPassword",
                Description = t["This password is on the list of commonly used passwords that attackers try first. Choose another one, for example a few unrelated words."],
            });
        }
        if (PersonalParts(user).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError
            {
                Code = "PersonalPassword",
                Description = t["The password must not contain your name or your email address."],
            });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static IEnumerable<string> PersonalParts(AppUser user)
    {
        var localPart = user.Email?.Split('@')[0];
        string?[] parts = [localPart, user.DisplayName, user.DisplayName?.Replace(" ", "", StringComparison.Ordinal)];
        return parts.Where(p => p is { Length: >= ShortestPersonalPart }).Select(p => p!.Trim());
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RcpHub.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
