using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RcpHub.Domain;

namespace RcpHub.Features.Account;

/// <summary>Puts the display name and the demo mark in the sign-in cookie, so that the layout shows them
/// without a database query on every page. Roles are not cached here: <see cref="Infrastructure.Authorization.ProcessAccess"/>
/// reads them per request so that a revoked role stops working at once.</summary>
public sealed class AccountClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "rcphub:display_name";
    public const string Demo = "rcphub:demo";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.IsDemo)
        {
            identity.AddClaim(new Claim(Demo, "true"));
        }
        return identity;
    }

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static bool IsDemo(ClaimsPrincipal user) => user.HasClaim(Demo, "true");
}
