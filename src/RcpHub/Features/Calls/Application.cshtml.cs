using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/{callId}/applications/{applicationId}: where an application stands, for the people of
/// its organisation, the call's panel and its secretariat (anyone else: not found). A panel member scores it here,
/// or declares a conflict with it; the others' scores show once every member without a conflict has scored.</summary>
[Requires(Operation.ApplyToCalls)]
[UploadSizeLimit]
public sealed class ApplicationModel(CallDesk desk, MeetingReaders readers, IStringLocalizer<CallsText> t, IConfiguration configuration,
    ILogger<ApplicationModel> logger, IStringLocalizer<DocumentsText> documentText) : PageModel
{
    // Nullable so that a form without scores (the conflict form) is not refused as missing them. Named, so that when
    // they are not posted the binder does not fall back to reading every other field of the form as a score's key.
    [BindProperty(Name = nameof(Scores))]
    public Dictionary<int, int?>? Scores { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall Call { get; private set; } = null!;
    public CallApplication Entry { get; private set; } = null!;
    public CallReader Reader { get; private set; } = null!;
    public IReadOnlyList<(string UserId, string Name, string Email)> Panel { get; private set; } = [];
    public IReadOnlyList<CallDesk.AttachmentListing> Attachments { get; private set; } = [];

    /// <summary>The reader's time zone, for the deadline and other moments (TimeZones.ReaderZone).</summary>
    public string Zone { get; private set; } = TimeZones.Utc;

    public bool Conflicted => Entry.Conflicts.Any(c => c.UserId == Reader.UserId);
    public bool Scored => Entry.Scores.Any(s => s.UserId == Reader.UserId);
    public bool AllScored => CallScoring.AllScored(Panel.Select(p => p.UserId), Entry);
    public bool MayScore => Reader.IsPanel && !Conflicted && !Scored && Call.ProposedAt is null;

    /// <summary>The applying organisation's people add files until the deadline (CallDesk.AttachAsync decides).</summary>
    public bool MayAttach => Reader.Organizations.Contains(Entry.OrganizationId) && Call.AcceptsApplicationsAt(desk.Now)
        && Attachments.Count < CallLimits.Attachments;

    public async Task<IActionResult> OnGetAsync(int callId, int applicationId, bool tooLarge, CancellationToken ct)
    {
        if (!await LoadAsync(callId, applicationId, ct))
        {
            return NotFound();
        }
        if (tooLarge)
        {
            // The upload limit turned the post away before the page saw it (UploadSizeLimitAttribute): nothing was stored.
            ModelState.AddModelError(CallDesk.AttachmentsField, DocumentUpload.TooLarge(documentText, configuration));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(int callId, int applicationId, CancellationToken ct)
    {
        var (file, error) = await DocumentUpload.CheckFileAsync(Request.Form.Files.GetFile(CallDesk.AttachmentsField), configuration, documentText, logger, ct);
        if (file is not null)
        {
            var outcome = await desk.AttachAsync(Process.Id, callId, applicationId, ProcessAccess.UserIdOf(User)!, file, ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(t["The file {0} is attached to the application.", file.FileName]);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/applications/{applicationId}#attachments");
            }
            outcome.Errors.CopyTo(ModelState, "");
        }
        else
        {
            ModelState.AddModelError(CallDesk.AttachmentsField, error!);
        }
        return await LoadAsync(callId, applicationId, ct) ? Page() : NotFound();
    }

    /// <summary>Downloads one of the application's files: for whoever may read the application.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int callId, int applicationId, int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, applicationId, ct) || await desk.AttachmentAsync(applicationId, fileId, ct) is not { } file)
        {
            return NotFound();
        }
        return File(file.Bytes, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostScoreAsync(int callId, int applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, applicationId, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await desk.ScoreAsync(Process.Id, callId, applicationId, Reader.UserId!, Scores ?? [], ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(t["Your scores are recorded."]);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/applications/{applicationId}");
            }
            outcome.Errors.CopyTo(ModelState, "");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConflictAsync(int callId, int applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, applicationId, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await desk.DeclareConflictAsync(Process.Id, callId, applicationId, Reader.UserId!, Note, ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(t["Your conflict of interest is recorded: you do not score this application."]);
                return Redirect($"/processes/{Process.Slug}/calls/{callId}/applications/{applicationId}");
            }
            outcome.Errors.CopyTo(ModelState, "");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int callId, int applicationId, CancellationToken ct)
    {
        Reader = await desk.ReaderAsync(User, Process.Id, callId, ct);
        if (await desk.FindAsync(Process.Id, callId, withDrafts: false, ct) is not { } call
            || await desk.ApplicationAsync(Process.Id, callId, applicationId, Reader, ct) is not { } application)
        {
            return false;
        }
        (Call, Entry) = (call, application);
        Attachments = await desk.AttachmentsAsync(applicationId, ct);
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        if (Reader.IsPanel || Reader.IsSecretariat)
        {
            Panel = await desk.PanelAsync(callId, ct);
        }
        return true;
    }
}
