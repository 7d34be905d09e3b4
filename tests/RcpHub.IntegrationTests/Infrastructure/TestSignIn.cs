using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Signed-in clients without going through a sign-in page: a user is created with Identity's own
/// UserManager, and the application's real authentication cookie is issued by SignInManager and sent along.</summary>
public static class TestSignIn
{
    /// <summary>A platform user with the given roles (all granted now, none revoked).</summary>
    public static async Task<AppUser> CreateUserAsync(RcpHubFactory factory, string email, bool administrator = false, params ReaderRole[] roles)
    {
        await using var scope = factory.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], IsPlatformAdministrator = administrator, EmailConfirmed = true };
        var created = await users.CreateAsync(user, $"{Guid.NewGuid():N}-Tests");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            scope.Db.ProcessRoleAssignments.Add(new ProcessRoleAssignment
            {
                UserId = user.Id,
                ProcessId = role.ProcessId,
                Role = role.Role,
                StateCode = role.StateCode,
                OrganizationId = role.OrganizationId,
                GrantedAt = DateTimeOffset.UtcNow,
            });
        }
        await scope.Db.SaveChangesAsync();
        return user;
    }

    /// <summary>The cookies that signing <paramref name="user"/> in sets, as the application issues them.</summary>
    public static async Task<IReadOnlyList<string>> CookiesAsync(RcpHubFactory factory, AppUser user)
    {
        await using var scope = factory.Scope();
        var http = new DefaultHttpContext { RequestServices = scope.Services };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        var signIn = scope.Get<SignInManager<AppUser>>();
        signIn.Context = http;
        var stored = await scope.Get<UserManager<AppUser>>().FindByIdAsync(user.Id);
        await signIn.SignInAsync(stored!, isPersistent: false);
        var cookies = http.Response.Headers.SetCookie.Select(c => c!).ToList();
        Assert.NotEmpty(cookies);
        return cookies;
    }

    /// <summary>A browsing client (following redirects, keeping cookies) signed in as <paramref name="user"/>.</summary>
    public static async Task<HtmlClient> HtmlClientAsync(RcpHubFactory factory, AppUser user, string acceptLanguage = "en")
    {
        var (http, cookies) = await SignedInAsync(factory, user);
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return new HtmlClient(http, cookies);
    }

    /// <summary>An HTTP client (for the JSON API) signed in as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> HttpClientAsync(RcpHubFactory factory, AppUser user) => (await SignedInAsync(factory, user)).Http;

    private static async Task<(HttpClient Http, CookieContainer Cookies)> SignedInAsync(RcpHubFactory factory, AppUser user)
    {
        var container = new CookieContainer();
        var site = new Uri("http://localhost");
        foreach (var cookie in await CookiesAsync(factory, user))
        {
            container.SetCookies(site, cookie);
        }
        return (factory.CreateDefaultClient(site, new RedirectHandler(), new CookieContainerHandler(container)), container);
    }
}
