using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RcpHub.Infrastructure;

/// <summary>A form posted to a page without a handler the page has (no <c>?handler=</c>, or one it lacks): Razor Pages
/// would then render the page without running any handler, with nothing loaded, and fail (500). Such a request did
/// not come from one of the page's forms: it is answered 400. Reading a page (GET, HEAD) without a handler stays as
/// it is, for pages with nothing to load.</summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
