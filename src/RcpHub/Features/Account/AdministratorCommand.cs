using Microsoft.AspNetCore.Identity;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Account;

/// <summary><c>create-admin --email a@b.org --name "Full Name"</c>: creates a platform administrator. The
/// password comes from RCPHUB_ADMIN_PASSWORD, or else a one-time link to set it is printed.</summary>
public static class AdministratorCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args) =>
        RunAsync(services, args, Console.Out, Console.Error, Environment.GetEnvironmentVariable("RCPHUB_ADMIN_PASSWORD"));

    internal static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors, string? password)
    {
        var email = Option(args, "--email")?.Trim();
        var name = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            await errors.WriteLineAsync("Usage: create-admin --email someone@example.org --name \"Full Name\"");
            return 2;
        }
        await DatabaseSetup.MigrateAndSeedAsync(services);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditInterceptor>().ActingUserName = "system (create-admin)";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await errors.WriteLineAsync($"An account for {email} already exists.");
            return 1;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsPlatformAdministrator = true };
        var result = string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errors.WriteLineAsync(error.Description);
            }
            return 1;
        }
        if (string.IsNullOrEmpty(password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
            await output.WriteLineAsync($"Administrator {email} created. Set the password within a day at:");
            await output.WriteLineAsync(PublicLinks.To(configuration, $"/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}"));
        }
        else
        {
            await output.WriteLineAsync($"Administrator {email} created.");
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
