using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Organizations;

/// <summary>/organizations/register: anyone signed in registers a civil society organisation and becomes its first
/// contact person. It is listed at once, marked as not yet verified until a secretariat checks its evidence.</summary>
[Requires(Operation.RegisterOrganization)]
[UploadSizeLimit]
public sealed class RegisterModel(AppDbContext db, TimeProvider clock, IConfiguration configuration, ILogger<RegisterModel> logger,
    IStringLocalizer<OrganizationsText> t, IStringLocalizer<DocumentsText> documentText) : PageModel, IRegistryForm
{
    public IReadOnlyList<RegistryChoice> States { get; private set; } = [];
    public IReadOnlyList<RegistryChoice> Themes { get; private set; } = [];

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public async Task OnGetAsync(bool tooLarge, CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (tooLarge)
        {
            ModelState.AddModelError("Evidence", DocumentUpload.TooLarge(documentText, configuration));
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var files = new List<CheckedFile>();
        foreach (var upload in Request.Form.Files.GetFiles("Evidence").Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            var (file, error) = await DocumentUpload.CheckFileAsync(upload, configuration, documentText, logger, ct);
            if (file is null)
            {
                ModelState.AddModelError("Evidence", error!);
            }
            else
            {
                files.Add(file);
            }
        }
        if (ModelState.IsValid)
        {
            var outcome = await OrganizationRegistry.RegisterAsync(db, clock, t, Input, ProcessAccess.UserIdOf(User)!, files, ct);
            if (outcome.Saved)
            {
                this.Tell(t["The organisation is registered. A secretariat will verify it."]);
                return Redirect($"/organizations/{outcome.Slug}");
            }
            foreach (var (field, messages) in outcome.Errors)
            {
                ModelState.AddModelError(field == "Evidence" ? field : $"{nameof(Input)}.{field}", messages[0]);
            }
        }
        await PrepareAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct) => (States, Themes) = await RegistryForm.ChoicesAsync(db, ct);
}
