using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RcpHub.Features.Documents;

/// <summary>Sets an upload page's request body limit from <c>Documents:MaxBytes</c> before anything reads the body (the
/// antiforgery check reads the form, so this runs first). A request announcing a larger body is not read: the form comes
/// back with a message about the size, rather than a 413 error page.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // Before the antiforgery filter (1000) and the framework's own request size filters (900).
    public int Order => 800;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method)
            && !DocumentUpload.AdmitBody(http, http.RequestServices.GetRequiredService<IConfiguration>()))
        {
            context.Result = new RedirectResult(http.Request.Path + "?tooLarge=true");
        }
    }
}
