using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>Chair terms, the rotation order with its term length, and the schedule they produce.</summary>
[Requires(Operation.ManageChairs)]
public sealed class ChairsModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t), IChairTermForm
{
    private readonly ChairCommands _chairs = new(db, t, clock);

    [BindProperty]
    public ChairTermInput Term { get; set; } = new();

    [BindProperty]
    public int? TermMonths { get; set; }

    public IReadOnlyList<ChairTermRow> Terms { get; private set; } = [];
    public IReadOnlyList<RotationEntry> Rotation { get; private set; } = [];
    public HolderChoices Holders { get; private set; } = new([], [], []);
    public ChairSchedule Schedule { get; private set; } = new(null, null, [], []);

    public IEnumerable<SelectListItem> StateOptions => Options(Holders.States, T["No state"]);
    public IEnumerable<SelectListItem> OrganizationOptions => Options(Holders.Organizations, T["No organisation"]);
    public IEnumerable<SelectListItem> CandidateOptions => Options(Holders.RotationCandidates);

    /// <summary>The state whose removal from the rotation is asked about (?remove={code}): the page asks first.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")]
    public string? RemovingFromRotation { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAddTermAsync() =>
        ActAsync(nameof(Term), () => _chairs.AddTermAsync(Process.Id, Term), () => T["The chair term is added."]);

    /// <summary>Errors come back as "TermMonths", the name of the field on this page too.</summary>
    public Task<IActionResult> OnPostTermLengthAsync() =>
        ActAsync("", () =>
            {
                if (TermMonths is not null)
                {
                    return _chairs.SetRotationAsync(Process.Id, new ChairRotationInput(null, TermMonths));
                }
                var errors = new FieldErrors();
                errors.Add(nameof(ChairRotationInput.TermMonths), T["Enter a number of months between {0} and {1}.", 1, ProfileCommands.MaxTermMonths]);
                return Task.FromResult(Outcome.Refused(errors));
            },
            () => T["The term length is saved."]);

    /// <summary>The rotation form's buttons: add (with the chosen state), and per state remove, up and down.</summary>
    public Task<IActionResult> OnPostRotationAsync(string? add, string? remove, string? up, string? down) =>
        ActAsync("Rotation", () => _chairs.ChangeRotationAsync(Process.Id, add, remove,
                up is not null ? (up, RotationMove.Up) : down is not null ? (down, RotationMove.Down) : null),
            () => T["The rotation order is saved."]);

    private async Task<IActionResult> ActAsync(string prefix, Func<Task<Outcome>> act, Func<string> notice) =>
        await SubmitAsync(prefix, act, _ => ManageUrl("chairs"), notice, LoadAsync);

    private async Task LoadAsync()
    {
        Terms = await _chairs.TermsAsync(Process.Id);
        Rotation = await _chairs.RotationAsync(Process.Id);
        Holders = await _chairs.HolderChoicesAsync(Process.Id, Rotation);
        Schedule = (await _chairs.ScheduleAsync(Process.Id, Rotation))!;
        TermMonths ??= Schedule.TermMonths;
    }
}

/// <summary>A page with the chair term fields (_ChairTermFields.cshtml).</summary>
public interface IChairTermForm
{
    ChairTermInput Term { get; }
    IEnumerable<SelectListItem> StateOptions { get; }
    IEnumerable<SelectListItem> OrganizationOptions { get; }
}
