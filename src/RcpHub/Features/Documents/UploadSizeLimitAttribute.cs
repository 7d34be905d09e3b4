using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RcpHub.Features.Documents;

/// <summary>Sets an upload page's request body limit from <c>Documents:MaxBytes</c> and reads the form before anything
/// else does (the antiforgery check reads the form, so this runs first). A body over the limit, announced or sent in
/// chunks, brings the form back with a message about the size rather than a 413 error page; a body that is not a
/// well-formed form is the 400 page, not a 500.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // Before the antiforgery filter (1000) and the framework's own request size filters (900).
    public int Order => 800;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }
        var tooLarge = new RedirectResult(http.Request.Path + "?tooLarge=true");
        if (!DocumentUpload.AdmitBody(http, http.RequestServices.GetRequiredService<IConfiguration>()))
        {
            context.Result = tooLarge;
            return;
        }
        if (http.Request.HasFormContentType)
        {
            var (form, status) = await DocumentUpload.ReadFormAsync(http, http.RequestAborted);
            if (form is null)
            {
                context.Result = status == StatusCodes.Status413PayloadTooLarge ? tooLarge : new BadRequestResult();
            }
        }
    }
}
