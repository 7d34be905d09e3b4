using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Caucus;

/// <summary>/processes/{slug}/caucus/{id}: a joint position (any version by ?version=n) with its numbered paragraphs and
/// the comments on them, its versions, the organisations' endorsements and dissents, and for civil society participants
/// the forms to save a version, comment, endorse or dissent for their organisation, and submit it to a meeting.</summary>
[Requires(Operation.ViewCaucus)]
public sealed class PositionModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<CaucusText> t) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public PositionView View { get; private set; } = null!;
    public bool MayTakePart { get; private set; }

    /// <summary>The organisations the reader acts for, for the stance form.</summary>
    public IReadOnlyList<OrganizationChoice> Organizations { get; private set; } = [];
    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public PositionListItem Position => View.Position;
    public bool IsLatest => View.Current is null || View.Current.Number == Position.Versions;
    public string Address => $"/processes/{Process.Slug}/caucus/{Position.Id}";

    [BindProperty]
    public DraftVersionForm NewVersion { get; set; } = new();

    [BindProperty]
    public DraftCommentForm Comment { get; set; } = new();

    [BindProperty]
    public StanceForm Stance { get; set; } = new();

    [BindProperty]
    public SubmissionForm Submission { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? version, int? paragraph, CancellationToken ct)
    {
        if (!await ShowAsync(id, version, ct))
        {
            return NotFound();
        }
        Comment.Paragraph = paragraph;
        // A new version starts from the latest text.
        NewVersion.Text = IsLatest ? View.Current?.Text : null;
        return Page();
    }

    [HandlerRequires(Operation.TakePartInCaucus)]
    public Task<IActionResult> OnPostVersionAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(NewVersion), userId => CaucusCommands.SaveVersionAsync(db, clock, id, userId, NewVersion.ToInput(), ct),
            number => t["Version {0} is saved.", number], ct);

    [HandlerRequires(Operation.TakePartInCaucus)]
    public Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(Comment), userId => CaucusCommands.CommentAsync(db, clock, id, userId, Comment.ToInput(), ct),
            _ => t["Your comment on paragraph {0} is saved.", Comment.Paragraph ?? 0], ct, fragment: $"#p{Comment.Paragraph}", version: Comment.Version);

    [HandlerRequires(Operation.TakePartInCaucus)]
    public Task<IActionResult> OnPostStanceAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(Stance), userId => CaucusCommands.TakeStanceAsync(db, clock, id, userId, Stance.ToInput(), ct),
            _ => Stance.Kind == CaucusStanceKind.Dissented ? t["The dissent is recorded."] : t["The endorsement is recorded."], ct, fragment: "#stances");

    [HandlerRequires(Operation.TakePartInCaucus)]
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(Submission), userId => CaucusCommands.SubmitAsync(db, clock, id, userId, Submission.ToInput(), ct),
            _ => t["The position is submitted to the meeting, with its endorsers and dissenters."], ct);

    /// <summary>Runs a change on a position of this process: done, the reader is told and sent back to it; refused, the
    /// page again with the form's messages (a refusal of the whole change at the top of the form).</summary>
    private async Task<IActionResult> ChangeAsync(int id, string form, Func<string, Task<CaucusOutcome>> change, Func<int, string> told,
        CancellationToken ct, string fragment = "", int? version = null)
    {
        if (!await ShowAsync(id, version, ct))
        {
            return NotFound();
        }
        var outcome = await change((await readers.CurrentAsync(User)).UserId!);
        if (outcome.Done)
        {
            this.Tell(told(outcome.Value));
            return LocalRedirect(Address + (version is { } v && v != Position.Versions ? $"?version={v}" : "") + fragment);
        }
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(form, t[refusal]);
        }
        CaucusLabels.AddTo(ModelState, form, outcome.Errors, t);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await ShowAsync(id, version, ct);
        return Page();
    }

    private async Task<bool> ShowAsync(int id, int? version, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        if (await CaucusQueries.FindAsync(db, Process.Id, id, ct) is not { } position
            || await CaucusQueries.ViewAsync(db, position, version, ct) is not { } view)
        {
            return false;
        }
        View = view;
        var reader = await readers.CurrentAsync(User);
        MayTakePart = AccessRules.Allows(Operation.TakePartInCaucus, reader.IsPlatformAdministrator, reader.RolesIn(Process.Id));
        if (MayTakePart && !position.IsSubmitted)
        {
            Organizations = await CaucusQueries.ActingForAsync(db, clock, reader.UserId, Process.Id, ct);
            Meetings = await CaucusQueries.MeetingsAsync(db, Process.Id, ct);
        }
        return true;
    }
}
