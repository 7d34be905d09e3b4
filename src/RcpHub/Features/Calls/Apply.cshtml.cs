using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}/apply: a representative of an organisation applies to a call for it.</summary>
[Requires(Operation.ApplyToCalls)]
[UploadSizeLimit]
public sealed class ApplyModel(CallDesk desk, AppDbContext db, IStringLocalizer<CallsText> t, IConfiguration configuration,
    ILogger<ApplyModel> logger, IStringLocalizer<DocumentsText> documentText) : PageModel
{
    [BindProperty]
    public ApplicationInput Application { get; set; } = new();

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall Call { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<StateName> Countries { get; private set; } = [];
    public bool Open => Call.AcceptsApplicationsAt(desk.Now);

    public async Task<IActionResult> OnGetAsync(int callId, bool tooLarge, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
        {
            return NotFound();
        }
        Application.RepresentativeName = User.Identity?.Name;
        if (tooLarge)
        {
            // The upload limit turned the post away before the page saw it (UploadSizeLimitAttribute): nothing was stored.
            ModelState.AddModelError(CallDesk.AttachmentsField, DocumentUpload.TooLarge(documentText, configuration));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int callId, CancellationToken ct)
    {
        var (files, errors) = await DocumentUpload.CheckFilesAsync(Request.Form.Files.GetFiles(CallDesk.AttachmentsField), configuration, documentText, logger, ct);
        errors.ForEach(e => ModelState.AddModelError(CallDesk.AttachmentsField, e));
        if (ModelState.IsValid)
        {
            var outcome = await desk.ApplyAsync(Process.Id, callId, ProcessAccess.UserIdOf(User)!, Application, files, ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(t["Your application is received. This page shows where it stands; you will be told the outcome by email."]);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/applications/{outcome.Id}");
            }
            foreach (var (field, messages) in outcome.Errors.ByField)
            {
                // The files are a field of the form, not of the application's input.
                messages.ForEach(m => ModelState.AddModelError(field == CallDesk.AttachmentsField ? field : $"{nameof(Application)}.{field}", m));
            }
        }
        return await LoadAsync(callId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int callId, CancellationToken ct)
    {
        if (await desk.FindAsync(Process.Id, callId, withDrafts: false, ct) is not { } call)
        {
            return false;
        }
        Call = call;
        Organizations = await desk.OrganizationsOfAsync(ProcessAccess.UserIdOf(User)!, Process.Id, ct);
        Countries = await db.States.ChoicesAsync(null, ct);
        return true;
    }
}
