using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Documents;

/// <summary>/meetings/{id}/documents/{documentId}: one document, its language versions side by side and its whole history.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public DocumentView Document { get; private set; } = null!;
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public string ProcessSlug { get; private set; } = "";
    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int documentId, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, User, id, ct) is not { } readable
            || await DocumentReading.FindAsync(db, readable, documentId, ct) is not { } document)
        {
            return NotFound();
        }
        (Meeting, Document) = (readable.Meeting, document);
        Languages = readable.LanguagesWith([document]);
        MayManage = await authorization.MayAsync(User, Meeting, MeetingOperations.Manage);
        ProcessSlug = await db.Processes.AsNoTracking().Where(p => p.Id == Meeting.ProcessId).Select(p => p.Slug).SingleAsync(ct);
        return Page();
    }
}
