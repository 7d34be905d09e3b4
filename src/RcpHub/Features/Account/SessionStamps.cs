using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Account;

/// <summary>Ends every copy of a sign-in cookie once the account's security stamp changes (sign-out, password change or
/// reset, two-factor change). The stamp lives in the database, so a change made through one instance ends the session
/// on all of them. Identity's own validator checks only every 30 minutes and then re-issues the cookie with the claims
/// factory's queries; this check is one primary-key read of one column, remembered per instance for
/// <c>Sessions:RecheckSeconds</c> so that a page's query budget does not pay it on every request.</summary>
public static class SessionStamps
{
    public static IServiceCollection AddSessionStamps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var recheck = TimeSpan.FromSeconds(configuration.GetValue("Sessions:RecheckSeconds", 5.0));
            o.Events.OnValidatePrincipal = context => ValidateAsync(context, recheck);
            var signedIn = o.Events.OnSignedIn;
            // A fresh cookie carries the stamp just read from the database: the next request need not read it again.
            o.Events.OnSignedIn = context =>
            {
                Remember(context.HttpContext.RequestServices, context.Principal, recheck);
                return signedIn(context);
            };
        });
        // Identity's interval check would re-issue cookies on its own schedule; the check above replaces it.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Changes the stamp, so that every cookie issued before now stops working (on every instance within
    /// <c>Sessions:RecheckSeconds</c>, on this one at once).</summary>
    public static async Task EndSessionsAsync(UserManager<AppUser> users, IMemoryCache cache, AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        Forget(cache, user.Id);
    }

    public static void Forget(IMemoryCache cache, string userId) => cache.Remove(Key(userId));

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan recheck)
    {
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampType);
        if (userId is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }
        var cache = services.GetRequiredService<IMemoryCache>();
        if (cache.TryGetValue(Key(userId), out string? known) && known == stamp)
        {
            return;
        }
        var db = services.GetRequiredService<AppDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current != stamp)
        {
            await RejectAsync(context);
            return;
        }
        Remember(cache, userId, current, recheck);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static void Remember(IServiceProvider services, ClaimsPrincipal? principal, TimeSpan recheck)
    {
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && principal.FindFirstValue(stampType) is { } stamp)
        {
            Remember(services.GetRequiredService<IMemoryCache>(), userId, stamp, recheck);
        }
    }

    private static void Remember(IMemoryCache cache, string userId, string stamp, TimeSpan recheck)
    {
        if (recheck > TimeSpan.Zero)
        {
            cache.Set(Key(userId), stamp, recheck);
        }
    }

    private static string Key(string userId) => "session-stamp:" + userId;
}
