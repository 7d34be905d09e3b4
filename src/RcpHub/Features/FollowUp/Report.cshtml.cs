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

namespace RcpHub.Features.FollowUp;

/// <summary>/processes/{slug}/follow-up/{state}/{recommendationId}: a state's report on one recommendation addressed to
/// it. Its focal points report (each save kept; a save made meanwhile by someone else is shown, never overwritten); the
/// secretariat asks for clarification or validates; every reader of follow-up sees the whole history and its evidence.</summary>
[Requires(Operation.ViewFollowUp)]
[UploadSizeLimit]
public sealed class ReportModel(AppDbContext db, FollowUpGate gate, TimeProvider clock, IConfiguration configuration, ILogger<ReportModel> logger,
    IStringLocalizer<FollowUpText> t, IStringLocalizer<DocumentsText> documentText) : PageModel
{
    public StateScope Scope { get; private set; } = null!;
    public AskedRecommendation Recommendation { get; private set; } = null!;
    public IReadOnlyList<ReportView> History { get; private set; } = [];
    public IReadOnlyDictionary<ImplementationStatus, string> Labels { get; private set; } = null!;
    public OpenRound? Round { get; private set; }

    /// <summary>The report saved by someone else while this form was being filled in.</summary>
    public ReportView? OtherSave { get; private set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string state, int recommendationId, bool tooLarge, CancellationToken ct)
    {
        if (!await LoadAsync(state, recommendationId, ct))
        {
            return NotFound();
        }
        Input = ReportInput.From(History.FirstOrDefault(h => h.IsLatest && h.RoundKey == (Round?.Id ?? 0)) ?? InForce, Round?.Id ?? 0);
        if (tooLarge)
        {
            ModelState.AddModelError("Files", DocumentUpload.TooLarge(documentText, configuration));
        }
        return Page();
    }

    /// <summary>Downloads one evidence file of this state's reports on this recommendation.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string state, int recommendationId, int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(state, recommendationId, ct))
        {
            return NotFound();
        }
        var file = await db.FollowUpEvidenceFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.Report!.RecommendationId == recommendationId && f.Report.StateCode == Scope.StateCode && f.Report.ProcessId == Scope.Process.Id)
            .Select(f => new { f.FileName, f.ContentType, f.Content!.Bytes })
            .SingleOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    [HandlerRequires(Operation.ReportFollowUp)]
    public async Task<IActionResult> OnPostAsync(string state, int recommendationId, CancellationToken ct)
    {
        if (!await LoadAsync(state, recommendationId, ct, addressedOnly: false))
        {
            return NotFound();
        }
        if (!Scope.MayReport)
        {
            return Forbid();
        }
        if (!Addressed)
        {
            ModelState.AddModelError(string.Empty, t["This recommendation is not addressed to {0}: there is nothing to report on it.", Scope.StateName]);
            return Again();
        }
        foreach (var error in FollowUpCommands.Check(Input, clock.Today()))
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Message]);
        }
        var (files, fileErrors) = await FollowUpCommands.CheckFilesAsync(Request.Form.Files.GetFiles("Files"), 0, configuration, documentText, t, logger, ct);
        foreach (var error in fileErrors)
        {
            ModelState.AddModelError("Files", error);
        }
        if (!ModelState.IsValid)
        {
            return Again();
        }
        var (outcome, _) = await FollowUpCommands.SaveReportAsync(db, clock, Scope.Process.Id, Recommendation, Scope.StateCode, Scope.Reader.UserId!, Input, files, ct);
        if (outcome == SaveOutcome.Saved)
        {
            this.Tell(t["Your report is saved."]);
            return Redirect($"{Scope.Address}/{recommendationId}");
        }
        // Someone saved first, or the round changed: the page again with their save shown and this person's text kept.
        History = await FollowUpQueries.HistoryAsync(db, Scope.Process.Id, recommendationId, Scope.StateCode, ct);
        var roundKey = Round?.Id ?? 0;
        OtherSave = History.FirstOrDefault(h => h.IsLatest && h.RoundKey == roundKey);
        ModelState.Remove($"{nameof(Input)}.{nameof(ReportInput.BasedOn)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(ReportInput.RoundKey)}");
        var closed = outcome == SaveOutcome.RoundChanged && Input.RoundKey != 0;
        Input.BasedOn = OtherSave?.Sequence ?? 0;
        Input.RoundKey = roundKey;
        ModelState.AddModelError(string.Empty, closed
            ? t["The evaluation round this form was opened in has closed: nothing was saved. Your text is still below; save it again to report outside the round or into the round open now."]
            : outcome == SaveOutcome.RoundChanged
                ? t["An evaluation round opened while you were writing: nothing was saved. Your text is still below; save it again to report into the round."]
                : t["Someone else saved a report on this recommendation while you were writing: nothing of yours was saved. Their report is shown below; your text is still in the form: check both and save again."]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    [HandlerRequires(Operation.ReviewFollowUp)]
    public async Task<IActionResult> OnPostReviewAsync(string state, int recommendationId, CancellationToken ct)
    {
        if (!await LoadAsync(state, recommendationId, ct))
        {
            return NotFound();
        }
        foreach (var error in FollowUpCommands.CheckReview(Review.Decision, Review.Note))
        {
            ModelState.AddModelError($"{nameof(Review)}.{error.Field}", t[error.Message]);
        }
        if (!History.Any(h => h.Id == Review.ReportId))
        {
            ModelState.AddModelError($"{nameof(Review)}.{nameof(ReviewInput.ReportId)}", t["Choose a report of this history."]);
        }
        if (!ModelState.IsValid)
        {
            Input = ReportInput.From(InForce, Round?.Id ?? 0);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await FollowUpCommands.ReviewAsync(db, clock, Scope.Process.Id, Review.ReportId, Review.Decision!.Value, Review.Note, Scope.Reader.UserId!, ct);
        this.Tell(Review.Decision == ReviewState.Validated ? t["The report is validated."] : t["Clarification is asked of the state."]);
        return Redirect($"{Scope.Address}/{recommendationId}");
    }

    /// <summary>The report in force, whichever round it was made in.</summary>
    public ReportView? InForce => History.Where(h => h.IsLatest).MaxBy(h => h.ReportedAt);

    private bool Addressed { get; set; }

    private IActionResult Again()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string state, int recommendationId, CancellationToken ct, bool addressedOnly = true)
    {
        if (await gate.StateAsync(User, HttpContext.AddressedProcess(), state, ct) is not { } scope)
        {
            return false;
        }
        Scope = scope;
        var (found, addressed) = await FollowUpQueries.RecommendationAsync(db, scope.Process.Id, recommendationId, scope.StateCode, scope.Reader, scope.Members, ct);
        if (found is null || (addressedOnly && !addressed))
        {
            return false;
        }
        (Recommendation, Addressed) = (found, addressed);
        History = await FollowUpQueries.HistoryAsync(db, scope.Process.Id, recommendationId, scope.StateCode, ct);
        Labels = await StatusLabels.ForAsync(db, t, scope.Process.Id, Cultures.Current, ct);
        Round = await FollowUpQueries.OpenRoundAsync(db, scope.Process.Id, found.OutputId, clock.GetUtcNow(), ct);
        return true;
    }
}

/// <summary>The secretariat's review of one report.</summary>
public sealed class ReviewInput
{
    public int ReportId { get; set; }
    public ReviewState? Decision { get; set; }

    [MultiLine]
    public string? Note { get; set; }
}
