using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Invitations;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.ApiReference;

/// <summary>/api-reference: the API's operations grouped by tag, read from its OpenAPI document, for people to read
/// (the document itself stays at /api/v1/openapi.json for programs). Server-rendered, no script.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(IStringLocalizer<ApiReferenceText> t, IStringLocalizer<InvitationsText> roles) : PageModel
{
    public IReadOnlyList<IGrouping<string, ApiOperation>> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Tags = [.. (await ApiCatalogue.LoadAsync(HttpContext.RequestServices, ct)).GroupBy(o => o.Tag)];

    /// <summary>Who may call an operation, from the one table of who may do what (<see cref="AccessRules"/>).</summary>
    public string Who(Operation? operation)
    {
        if (operation is { } o && AccessRules.PlatformOperations.TryGetValue(o, out var audience))
        {
            return audience switch
            {
                Audience.Anyone => t["Anyone, signed in or not."],
                Audience.SignedIn => t["Anyone signed in."],
                Audience.Secretariats => t["The secretariat of any process, and platform administrators."],
                Audience.Officials => t["The secretariat, chair and member-state focal points of any process, and platform administrators."],
                _ => t["Platform administrators."],
            };
        }
        return operation is { } p && AccessRules.ProcessOperations.TryGetValue(p, out var allowed)
            ? t["In the process concerned: {0}; and platform administrators.", string.Join(", ", allowed.Select(r => ProcessRoles.Label(r, roles)))]
            : t["Not stated."];
    }

    public string Where(string location) => location switch
    {
        "path" => t["path"],
        "query" => t["query"],
        "header" => t["header"],
        "cookie" => t["cookie"],
        _ => location,
    };

    /// <summary>An anchor for a tag or an operation: letters, digits and hyphens.</summary>
    public static string Anchor(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
