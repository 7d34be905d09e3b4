using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Accounts for tests, and signed-in browsers for them. The sign-in cookie is issued by the application's
/// own Identity cookie handler, so the tests do not depend on the sign-in page and nothing test-only ships in the app.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple 1";

    /// <summary>Creates an account (display name from the address) holding the given roles.</summary>
    public static async Task<AppUser> CreateUserAsync(RcpHubFactory factory, string email, params (string ProcessSlug, ProcessRole Role)[] roles) =>
        await CreateUserAsync(factory, email, isPlatformAdministrator: false, roles);

    public static Task<AppUser> CreateAdministratorAsync(RcpHubFactory factory, string email) =>
        CreateUserAsync(factory, email, isPlatformAdministrator: true);

    private static async Task<AppUser> CreateUserAsync(RcpHubFactory factory, string email, bool isPlatformAdministrator, params (string ProcessSlug, ProcessRole Role)[] roles)
    {
        await using var scope = factory.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = DisplayNameOf(email),
            IsPlatformAdministrator = isPlatformAdministrator,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var db = scope.Db;
        foreach (var (slug, role) in roles)
        {
            var processId = await db.Processes.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            db.ProcessRoleAssignments.Add(new ProcessRoleAssignment { UserId = user.Id, ProcessId = processId, Role = role, GrantedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>"amina.diallo@example.org" → "Amina Diallo".</summary>
    public static string DisplayNameOf(string email) =>
        string.Join(' ', email.Split('@')[0].Split('.', '-', '_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>A browser signed in as <paramref name="email"/>: the cookie comes from SignInManager in a request-less
    /// HttpContext, exactly as the sign-in page would set it.</summary>
    public static async Task<HtmlClient> SignInAsync(RcpHubFactory factory, string email, string? acceptLanguage = "en")
    {
        var client = HtmlClient.For(factory, acceptLanguage);
        await using var scope = factory.Scope();
        var user = await scope.Get<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account for {email}.");
        var http = new DefaultHttpContext { RequestServices = scope.Services };
        http.Request.Scheme = client.Http.BaseAddress!.Scheme;
        http.Request.Host = new HostString(client.Http.BaseAddress.Authority);
        var signIn = scope.Get<SignInManager<AppUser>>();
        signIn.Context = http;
        await signIn.SignInAsync(user, isPersistent: false);
        var setCookies = http.Response.Headers.SetCookie;
        if (setCookies.Count == 0)
        {
            throw new InvalidOperationException("Signing in set no cookie.");
        }
        foreach (var setCookie in setCookies)
        {
            client.AddCookie(setCookie!);
        }
        return client;
    }
}
