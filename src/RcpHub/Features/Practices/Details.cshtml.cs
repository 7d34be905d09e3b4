using Microsoft.AspNetCore.Authorization;
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

namespace RcpHub.Features.Practices;

/// <summary>/processes/{slug}/practices/{id}: one practice for those who may read it (404 for anyone else, as for one
/// that does not exist); the secretariat's review, members' comments and a member state's "we adapted this".</summary>
[Requires(Operation.ViewPublicRegistry)]
[UploadSizeLimit]
public sealed class DetailsModel(AppDbContext db, PracticeDesk desk, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<PracticesText> t, IConfiguration configuration, ILogger<DetailsModel> logger, IStringLocalizer<DocumentsText> documentText) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public PracticeDetails Practice { get; private set; } = null!;
    public bool Reviews { get; private set; }
    public bool Comments { get; private set; }
    public bool MaySubmitAgain { get; private set; }
    public bool MayWithdraw { get; private set; }
    public IReadOnlyList<PracticeCountry> AdaptingStates { get; private set; } = [];

    /// <summary>Its submitter and the secretariat add documents, up to the limit (PracticeDesk.AttachAsync decides).</summary>
    public bool MayAttach { get; private set; }

    [BindProperty]
    public PracticeReviewInput Review { get; set; } = new();

    [BindProperty]
    public PracticeCommentInput Comment { get; set; } = new();

    [BindProperty]
    public PracticeAdaptationInput Adaptation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, bool tooLarge, CancellationToken ct)
    {
        if (tooLarge)
        {
            // The upload limit turned the post away before the page saw it (UploadSizeLimitAttribute): nothing was stored.
            ModelState.AddModelError(PracticeDesk.AttachmentsField, DocumentUpload.TooLarge(documentText, configuration));
        }
        return await ShowAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Downloads one of the practice's documents: for whoever may read the practice.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, int fileId, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var actor = await desk.ActorAsync(User, process.Id, ct);
        return await desk.AttachmentAsync(process.Id, id, fileId, actor.Reader, ct) is { } file ? File(file.Bytes, file.ContentType, file.FileName) : NotFound();
    }

    [HandlerRequires(Operation.SubmitPractices)]
    public async Task<IActionResult> OnPostAttachAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var (file, error) = await DocumentUpload.CheckFileAsync(Request.Form.Files.GetFile(PracticeDesk.AttachmentsField), configuration, documentText, logger, ct);
        var outcome = file is null
            ? new PracticeOutcome(null, new Dictionary<string, string[]> { [PracticeDesk.AttachmentsField] = [error!] })
            : await desk.AttachAsync(process.Id, id, file, await desk.ActorAsync(User, process.Id, ct), ct);
        return await AfterAsync(id, "", outcome, file is null ? "" : t["The document {0} is attached to the practice.", file.FileName], ct);
    }

    [HandlerRequires(Operation.ReviewPractices)]
    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var outcome = await desk.ReviewAsync(process, id, Review, await desk.ActorAsync(User, process.Id, ct), ct);
        return await AfterAsync(id, nameof(Review), outcome,
            Review.Decision == PracticeDecision.Publish ? t["The practice is published."] : t["The practice is returned to its submitter."], ct);
    }

    [HandlerRequires(Operation.SubmitPractices)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var outcome = await desk.WithdrawAsync(process.Id, id, await desk.ActorAsync(User, process.Id, ct), ct);
        return await AfterAsync(id, "", outcome, t["The practice is withdrawn: the secretariat will not review it. You may change it and submit it again from this page."], ct);
    }

    [HandlerRequires(Operation.CommentOnPractices)]
    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var outcome = await desk.CommentAsync(process.Id, id, Comment, await desk.ActorAsync(User, process.Id, ct), ct);
        return await AfterAsync(id, nameof(Comment), outcome, t["Your comment is added."], ct);
    }

    [HandlerRequires(Operation.AdaptPractices)]
    public async Task<IActionResult> OnPostAdaptAsync(int id, CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var outcome = await desk.AdaptAsync(process.Id, id, Adaptation, await desk.ActorAsync(User, process.Id, ct), ct);
        return await AfterAsync(id, nameof(Adaptation), outcome, t["Your state is shown as having adapted this practice."], ct);
    }

    private async Task<IActionResult> AfterAsync(int id, string form, PracticeOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Done)
        {
            outcome.AddTo(ModelState, form);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(id, ct) ? Page() : NotFound();
        }
        this.Tell(done);
        return Redirect($"/processes/{HttpContext.AddressedProcess().Slug}/practices/{id}");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        var actor = await desk.ActorAsync(User, Process.Id, ct);
        var language = Cultures.Current;
        if (await PracticeQueries.DetailsAsync(db, actor.Reader, Process.Id, id, language, ct) is not { } practice)
        {
            return false;
        }
        Practice = practice;
        var published = practice.Practice.Status == PracticeStatus.Published;
        Reviews = practice.Practice.Status == PracticeStatus.Submitted && await authorization.MayAsync(HttpContext, Operation.ReviewPractices);
        Comments = published && await authorization.MayAsync(HttpContext, Operation.CommentOnPractices);
        MaySubmitAgain = PracticeRules.MaySubmitAgain(practice.Practice.Status) && practice.SubmittedByUserId == actor.UserId;
        MayWithdraw = PracticeRules.MayWithdraw(practice.Practice.Status) && practice.SubmittedByUserId == actor.UserId;
        MayAttach = practice.Attachments.Count < PracticeLimits.Attachments && (actor.Secretariat || practice.SubmittedByUserId == actor.UserId)
            && await authorization.MayAsync(HttpContext, Operation.SubmitPractices);
        if (published && await authorization.MayAsync(HttpContext, Operation.AdaptPractices))
        {
            // The states the reader speaks for in the process, other than the practice's own.
            var codes = actor.Secretariat
                ? await db.Memberships.MemberStatesOf(Process.Id, clock.Today()).ToListAsync(ct)
                : [.. actor.OwnStates];
            codes.Remove(practice.Practice.Country.Code);
            AdaptingStates = [.. (await db.States.ChoicesAsync(codes, ct)).Select(s => new PracticeCountry(s.Code, s.Name))];
        }
        return true;
    }
}
