using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Caucus;

/// <summary>/meetings/{id}/statements: the statements and position papers submitted to a meeting, for its audience
/// ("not found" for anyone else), and for the representatives of an invited organisation the form that submits one; a
/// position paper passes the document upload checks and becomes a document of the meeting.</summary>
[Requires(Operation.ViewPublicRegistry)]
[UploadSizeLimit]
public sealed class StatementsModel(AppDbContext db, MeetingReaders readers, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<CaucusText> t, IStringLocalizer<DocumentsText> documentsText, IConfiguration configuration, ILogger<StatementsModel> logger) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<StatementView> Statements { get; private set; } = [];

    /// <summary>The invited organisations the reader acts for: the form is shown when there is one.</summary>
    public IReadOnlyList<OrganizationChoice> Organizations { get; private set; } = [];
    public string MaxSize => DocumentUpload.Megabytes(DocumentUpload.MaxBytes(configuration));

    [BindProperty]
    public StatementForm Statement { get; set; } = new();

    [BindProperty]
    public IFormFile? Paper { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, bool tooLarge, CancellationToken ct)
    {
        if (!await ShowAsync(id, ct))
        {
            return NotFound();
        }
        if (tooLarge)
        {
            ModelState.AddModelError(nameof(Paper), DocumentUpload.TooLarge(documentsText, configuration));
        }
        return Page();
    }

    [HandlerRequires(Operation.SubmitStatements)]
    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (!await ShowAsync(id, ct))
        {
            return NotFound();
        }
        CheckedFile? paper = null;
        if (Paper is not null)
        {
            (paper, var error) = await DocumentUpload.CheckFileAsync(Paper, configuration, documentsText, logger, ct);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(Paper), error);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }
        var reader = await readers.CurrentAsync(User);
        var outcome = await Caucus.Statements.SubmitAsync(db, clock, id, User, reader.UserId!, Statement.ToInput(), paper, Statement.Language, ct);
        if (!outcome.Done)
        {
            CaucusLabels.AddTo(ModelState, nameof(Statement), outcome.Errors, t);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(t["The statement is submitted to the meeting."]);
        return LocalRedirect($"/meetings/{id}/statements#statement-{outcome.Value}");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken ct)
    {
        if (await DocumentReading.MeetingAsync(db, readers, authorization, User, id, ct) is not { } readable)
        {
            return false;
        }
        Meeting = readable.Meeting;
        Statements = await Caucus.Statements.ListAsync(db, readable, ct);
        Organizations = await Caucus.Statements.SubmittersForAsync(db, clock, readable.Reader.UserId, Meeting, ct);
        return true;
    }
}
