using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Evaluation;

/// <summary>/processes/{slug}/evaluation: the process's evaluation rounds with their progress, for its members; the
/// secretariat opens a round here (times on the reader's own clock).</summary>
[Requires(Operation.ViewFollowUp)]
public sealed class IndexModel(EvaluationRounds rounds, EvaluationReports reports, MeetingReaders readers, IAuthorizationService authorization,
    IStringLocalizer<EvaluationText> t, IStringLocalizer<MeetingsText> clockText) : PageModel
{
    /// <summary>The form: times as the reader's clock shows them.</summary>
    public sealed class RoundForm
    {
        public string? Title { get; set; }
        public int? OutputId { get; set; }
        public DateTime? OpensAt { get; set; }
        public DateTime? DeadlineAt { get; set; }
    }

    [BindProperty]
    public RoundForm Round { get; set; } = new();

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public IReadOnlyDictionary<int, RoundFigures> Figures { get; private set; } = new Dictionary<int, RoundFigures>();
    public IReadOnlyList<(int Id, string Title)> Outputs { get; private set; } = [];
    public bool CanOpen { get; private set; }
    public string Zone { get; private set; } = TimeZones.Utc;
    public DateTimeOffset Now => reports.Now;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [HandlerRequires(Operation.ReviewFollowUp)]
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!ModelState.ReplaceUnreadable(t["Enter a valid value."]))
        {
            Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
            var input = new OpenRoundInput
            {
                Title = Round.Title,
                OutputId = Round.OutputId,
                OpensAt = VenueClock.Read(Round.OpensAt, Zone, nameof(RoundForm.OpensAt), clockText, errors),
                DeadlineAt = VenueClock.Read(Round.DeadlineAt, Zone, nameof(RoundForm.DeadlineAt), clockText, errors),
            };
            var outcome = await rounds.OpenAsync(Process.Id, ProcessAccess.UserIdOf(User)!, input, errors, ct);
            if (outcome.Succeeded)
            {
                this.Tell(t["The round is open. Focal points are reminded before its deadline."]);
                return Redirect($"/processes/{Process.Slug}/evaluation/{outcome.Id}");
            }
            outcome.Errors.CopyTo(ModelState, nameof(Round));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        (Rounds, Figures) = await reports.RoundsAsync(User, Process.Id, ct);
        CanOpen = (await authorization.AuthorizeAsync(User, new ProcessResource(Process.Id), OperationPolicies.NameOf(Operation.ReviewFollowUp))).Succeeded;
        if (CanOpen)
        {
            Outputs = await rounds.AdoptedOutputsAsync(Process.Id, ct);
        }
    }

    public string Moment(DateTimeOffset utc) => TimeZones.Clock(utc, Zone);
}
