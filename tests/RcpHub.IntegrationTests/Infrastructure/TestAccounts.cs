using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Arranges accounts directly in the database and signs in through the real sign-in form.</summary>
public static class TestAccounts
{
    /// <summary>Passes the password policy and contains no test email or name.</summary>
    public const string Password = "Quiet-Harbour-Lantern-1987";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@example.org";

    /// <summary>Creates an account, optionally with roles in processes named by slug.</summary>
    public static async Task<AppUser> CreateAsync(
        RcpHubFactory factory, string email, bool administrator = false, string? name = null, params (string Slug, ProcessRole Role)[] roles)
    {
        await using var scope = factory.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name ?? "Test Person " + email[..4],
            IsPlatformAdministrator = administrator,
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        foreach (var (slug, role) in roles)
        {
            var processId = await scope.Db.Processes.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            scope.Db.ProcessRoleAssignments.Add(new ProcessRoleAssignment { UserId = user.Id, ProcessId = processId, Role = role, GrantedAt = DateTimeOffset.UtcNow });
        }
        await scope.Db.SaveChangesAsync();
        return user;
    }

    /// <summary>Fills and submits the sign-in form; returns the page reached.</summary>
    public static async Task<HtmlClient.Page> SignInAsync(this HtmlClient client, string email, string password = Password, string? returnUrl = null)
    {
        var form = await client.GetAsync("/account/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        return await client.SubmitAsync(form, "#sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>A seeded process with current member states (so that focal points can be invited to it).</summary>
    public static async Task<(string Slug, string MemberState)> ProcessWithMembersAsync(RcpHubFactory factory)
    {
        await using var scope = factory.Scope();
        var membership = await scope.Db.Memberships
            .Where(m => m.Role == MembershipRole.Member && m.StateCode != null && m.LeftOn == null && m.JoinedOn == null && m.Process!.Slug != "demo")
            .OrderBy(m => m.ProcessId).ThenBy(m => m.StateCode)
            .Select(m => new { m.Process!.Slug, m.StateCode })
            .FirstAsync();
        return (membership.Slug, membership.StateCode!);
    }
}
