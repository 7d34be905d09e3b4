using RcpHub.Data;

namespace RcpHub.Infrastructure;

/// <summary>The command line: <c>migrate</c>, <c>create-admin</c>, <c>remove-demo</c>, or serve (optionally with <c>--demo</c>).</summary>
public static class Commands
{
    public static async Task<int> RunRcpHubAsync(this WebApplication app, string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        switch (command)
        {
            case "migrate":
                await DatabaseSetup.MigrateAndSeedAsync(app.Services);
                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin":
                return await Features.Account.AdministratorCommand.RunAsync(app.Services, args);
            case "remove-demo":
                await DatabaseSetup.MigrateAndSeedAsync(app.Services);
                return await Features.Demo.DemoData.RemoveAsync(app.Services, Console.Out);
            case null:
                break;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: migrate, create-admin, remove-demo; or none to serve.");
                return 2;
        }
        if (args.Contains("--demo") && Features.Demo.DemoData.Refusal(app.Environment, args) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return 2;
        }

        // The embedded SQLite database migrates itself so that one command runs the platform; PostgreSQL
        // is migrated by `migrate` unless Database:MigrateOnStart is set, so that several instances do not race.
        if (Database.ProviderFrom(app.Configuration) == DatabaseProvider.Sqlite || app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await DatabaseSetup.MigrateAndSeedAsync(app.Services);
        }
        if (args.Contains("--demo"))
        {
            await Features.Demo.DemoData.LoadAsync(app.Services);
        }
        await app.RunAsync();
        return 0;
    }
}
