using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Documents;

/// <summary>/meetings/{id}/documents: a meeting's documents, their language versions side by side, for its audience;
/// "not found" for anyone else.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string ProcessSlug { get; private set; } = "";
    public bool MayManage { get; private set; }
    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>The statements submitted to the meeting (issue 11), shown with its documents.</summary>
    public IReadOnlyList<Caucus.StatementView> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, User, id, ct) is not { } readable)
        {
            return NotFound();
        }
        Meeting = readable.Meeting;
        Documents = await DocumentReading.ListAsync(db, readable, null, ct);
        Languages = readable.LanguagesWith(Documents);
        Statements = await Caucus.Statements.ListAsync(db, readable, ct);
        MayManage = await authorization.MayAsync(User, Meeting, MeetingOperations.Manage);
        ProcessSlug = await db.Processes.AsNoTracking().Where(p => p.Id == Meeting.ProcessId).Select(p => p.Slug).SingleAsync(ct);
        return Page();
    }
}
