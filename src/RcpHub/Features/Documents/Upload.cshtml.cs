using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Delegations;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Documents;

/// <summary>/processes/{slug}/meetings/{id}/documents/upload[/{documentId}]: the secretariat uploads a new document, or a
/// new version or translation of one. A refused file is reported on the form and nothing is stored.</summary>
[Requires(Operation.ScheduleMeetings)]
[UploadSizeLimit]
public sealed class UploadModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> meetingsText, IStringLocalizer<DocumentsText> t, MeetingNotices notices,
    IConfiguration configuration, ILogger<UploadModel> logger) : MeetingManagePage(db, clock, meetingsText)
{
    [BindProperty]
    public UploadInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The document a version is added to; null for a new document.</summary>
    public DocumentView? Document { get; private set; }
    public IReadOnlyList<Choice> AgendaItems { get; private set; } = [];
    public IReadOnlyList<Choice> Sessions { get; private set; } = [];
    public string MaxSize => DocumentUpload.Megabytes(DocumentUpload.MaxBytes(configuration));

    public async Task<IActionResult> OnGetAsync(int id, int? documentId, bool tooLarge, CancellationToken ct)
    {
        if (!await LoadAsync(id, documentId, ct))
        {
            return NotFound();
        }
        if (Document is not null)
        {
            Input = UploadInput.TranslationOf(Document);
        }
        if (tooLarge)
        {
            ModelState.AddModelError(nameof(Upload), DocumentUpload.TooLarge(t, configuration));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, documentId, ct))
        {
            return NotFound();
        }
        var accepted = Accept(nameof(Input), await DocumentUpload.CheckInputAsync(Db, id, Input, Document is null, t, ct));
        var (file, error) = await DocumentUpload.CheckFileAsync(Upload, configuration, t, logger, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
        }
        if (!accepted || file is null)
        {
            return Page();
        }
        var existing = Document is null ? null : await Db.Documents.SingleAsync(d => d.Id == Document.Id, ct);
        if (await DocumentUpload.SaveAsync(Db, Clock, Meeting, existing, Input, file, User, ct) is not { } version)
        {
            ModelState.AddModelError(nameof(Upload), DocumentUpload.Collided(t));
            return Page();
        }
        if (Document is null)
        {
            var told = await DocumentUpload.AnnounceAsync(Db, notices, Meeting, version, ct);
            this.Tell(told == 0 ? t["The document is uploaded."] : t["The document is uploaded."] + " " + notices.Told(told));
        }
        else
        {
            this.Tell(t["The new version is uploaded."]);
        }
        return Redirect($"/meetings/{id}/documents/{version.DocumentId}#version-{version.Id}");
    }

    private async Task<bool> LoadAsync(int id, int? documentId, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return false;
        }
        if (documentId is { } existing)
        {
            // The secretariat manages the meeting, so it reads every document of it.
            var readable = new ReadableMeeting(Meeting, MeetingReader.Anonymous, Enum.GetValues<DocumentAccess>());
            Document = await DocumentReading.FindAsync(Db, readable, existing, ct);
            return Document is not null;
        }
        AgendaItems = await Db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Position)
            .Select(i => new Choice(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Position + ". " + i.Title)).ToListAsync(ct);
        Sessions = await Db.Sessions.AsNoTracking().Where(s => s.MeetingId == id).OrderBy(s => s.Position)
            .Select(s => new Choice(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Title)).ToListAsync(ct);
        return true;
    }
}
