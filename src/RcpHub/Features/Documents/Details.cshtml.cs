using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Documents;

/// <summary>/meetings/{id}/documents/{documentId}: one document, its language versions side by side and its whole history.
/// Those who manage the meeting also rename it, set who may read it, set a version's translation status and delete it
/// here; anyone else who posts gets "forbidden", or "not found" for a document they may not see.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, IStringLocalizer<DocumentsText> t) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public DocumentView Document { get; private set; } = null!;
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public string ProcessSlug { get; private set; } = "";
    public bool MayManage { get; private set; }

    [BindProperty]
    public DocumentChange Change { get; set; } = new();

    [BindProperty]
    public TranslationStatus Status { get; set; }

    /// <summary>The "I understand" box of the delete form: a deletion without it is refused, so no script is needed to confirm.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>The version whose status form was posted and refused, to show its message beside it.</summary>
    public int? RefusedVersionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, documentId, ct))
        {
            return NotFound();
        }
        Change = new DocumentChange { Title = Document.Title, Access = Document.Access };
        return Page();
    }

    [HandlerRequires(Operation.ScheduleMeetings)]
    public async Task<IActionResult> OnPostChangeAsync(int id, int documentId, CancellationToken ct)
    {
        if (await RefuseAsync(id, documentId, ct) is { } refusal)
        {
            return refusal;
        }
        CheckChoice(nameof(Change) + "." + nameof(DocumentChange.Access), Change.Access);
        foreach (var error in DocumentChanges.CheckTitle(Change.Title, t))
        {
            ModelState.AddModelError($"{nameof(Change)}.{error.Field}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            return Refused();
        }
        var document = (await DocumentChanges.FindToChangeAsync(db, id, documentId, ct))!;
        await DocumentChanges.ChangeAsync(db, document, Change.Title!, Change.Access, ct);
        this.Tell(t["The document is saved."]);
        return Redirect($"/meetings/{id}/documents/{documentId}");
    }

    [HandlerRequires(Operation.ScheduleMeetings)]
    public async Task<IActionResult> OnPostStatusAsync(int id, int documentId, int versionId, CancellationToken ct)
    {
        if (await RefuseAsync(id, documentId, ct) is { } refusal)
        {
            return refusal;
        }
        if (Document.Versions.All(v => v.Id != versionId))
        {
            return NotFound();
        }
        CheckChoice(nameof(Status), Status);
        if (!ModelState.IsValid)
        {
            RefusedVersionId = versionId;
            return Refused();
        }
        var document = (await DocumentChanges.FindToChangeAsync(db, id, documentId, ct))!;
        await DocumentChanges.SetStatusAsync(db, document, versionId, Status, ct);
        this.Tell(t["The status of the version is now: {0}.", DocumentLabels.Status(t, Status)]);
        return Redirect($"/meetings/{id}/documents/{documentId}#version-{versionId}");
    }

    [HandlerRequires(Operation.ScheduleMeetings)]
    public async Task<IActionResult> OnPostDeleteAsync(int id, int documentId, CancellationToken ct)
    {
        if (await RefuseAsync(id, documentId, ct) is { } refusal)
        {
            return refusal;
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), t["Tick the box to confirm that the document and all its files are to be deleted."]);
            return Refused();
        }
        var document = (await DocumentChanges.FindToChangeAsync(db, id, documentId, ct))!;
        await DocumentChanges.DeleteAsync(db, document, ct);
        this.Tell(t["The document {0} is deleted, with all its files.", Document.Title]);
        return Redirect($"/meetings/{id}/documents");
    }

    private async Task<bool> LoadAsync(int id, int documentId, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, User, id, ct) is not { } readable
            || await DocumentReading.FindAsync(db, readable, documentId, ct) is not { } document)
        {
            return false;
        }
        (Meeting, Document) = (readable.Meeting, document);
        Languages = readable.LanguagesWith([document]);
        MayManage = await authorization.MayAsync(User, Meeting, MeetingOperations.Manage);
        ProcessSlug = await db.Processes.AsNoTracking().Where(p => p.Id == Meeting.ProcessId).Select(p => p.Slug).SingleAsync(ct);
        return true;
    }

    /// <summary>Null when the user may change this document; otherwise "not found" if they may not even see it, and
    /// "forbidden" if they may see it but not manage its meeting.</summary>
    private async Task<IActionResult?> RefuseAsync(int id, int documentId, CancellationToken ct) =>
        !await LoadAsync(id, documentId, ct) ? NotFound()
        : !MayManage ? Forbid()
        : null;

    /// <summary>Replaces the binder's English message for a value that is not one of the choices with the reader's language.</summary>
    private void CheckChoice<TEnum>(string key, TEnum value) where TEnum : struct, Enum
    {
        if (ModelState.GetFieldValidationState(key) == ModelValidationState.Invalid || !Enum.IsDefined(value))
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, t["Choose one of the values offered."]);
        }
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
