using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Holds a page between reading its data and rendering it, for requests carrying <see cref="Header"/>: a test
/// can then change the data while a render is under way, as a slow render on a busy server would see it.</summary>
public sealed class RenderGate : IAsyncPageFilter
{
    public const string Header = "X-Test-Hold-Render";

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a held page has read its data.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the held page render and finish.</summary>
    public void Release() => _released.TrySetResult();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        if (context.HttpContext.Request.Headers.ContainsKey(Header))
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
