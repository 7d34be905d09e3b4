using Microsoft.AspNetCore.Identity;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Account;

/// <summary><c>create-admin --email a@b.org --name "Full Name"</c>: creates a platform administrator. The
/// password comes from RCPHUB_ADMIN_PASSWORD, or else a one-time link to set it is printed.</summary>
public static class AdministratorCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email someone@example.org --name \"Full Name\"");
            return 2;
        }
        await DatabaseSetup.MigrateAndSeedAsync(services);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditInterceptor>().ActingUserName = "system (create-admin)";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"An account for {email} already exists.");
            return 1;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsPlatformAdministrator = true };
        var password = Environment.GetEnvironmentVariable("RCPHUB_ADMIN_PASSWORD");
        var result = string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }
            return 1;
        }
        if (string.IsNullOrEmpty(password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var baseUrl = scope.ServiceProvider.GetRequiredService<IConfiguration>()["PublicBaseUrl"] ?? "http://localhost:5080";
            Console.WriteLine($"Administrator {email} created. Set the password within a day at:");
            Console.WriteLine($"{baseUrl}/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");
        }
        else
        {
            Console.WriteLine($"Administrator {email} created.");
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
