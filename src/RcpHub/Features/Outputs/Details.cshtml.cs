using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Outputs;

/// <summary>/processes/{slug}/outputs/{id}: an output for its audience (any version by ?version=n) with its numbered
/// paragraphs and the comments on them, its versions, recommendations and the member states' positions; the forms of
/// who may draft, comment, adopt and record positions. "Not found" for anyone outside the audience.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<OutputsText> t) : PageModel
{
    public sealed record StateChoice(string Code, string Name, bool IsMember);

    public AddressedProcess Process { get; private set; } = null!;
    public OutputView View { get; private set; } = null!;
    public IReadOnlyList<OutputMeeting> Meetings { get; private set; } = [];
    public IReadOnlyDictionary<string, StateChoice> States { get; private set; } = new Dictionary<string, StateChoice>();
    public bool MayDraft { get; private set; }
    public bool MayComment { get; private set; }
    public bool MayAdopt { get; private set; }

    /// <summary>The state the reader comments for (a focal point's), shown on the comment form.</summary>
    public string? CommentState { get; private set; }

    /// <summary>The state whose position the secretariat asked to remove (?remove=CODE): the page asks first.</summary>
    public RemovalQuestion? Removing { get; private set; }

    public OutputListItem Output => View.Output;
    public bool IsLatest => View.Current is null || View.Versions.Count == 0 || View.Current.Number == View.Versions[0].Number;
    public string Address => $"/processes/{Process.Slug}/outputs/{Output.Id}";

    [BindProperty]
    public DraftVersionForm NewVersion { get; set; } = new();

    [BindProperty]
    public DraftCommentForm Comment { get; set; } = new();

    [BindProperty]
    public AdoptForm Adopt { get; set; } = new();

    [BindProperty]
    public PositionForm Position { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? version, int? paragraph, string? remove, CancellationToken ct)
    {
        if (!await ShowAsync(id, version, ct))
        {
            return NotFound();
        }
        Comment.Paragraph = paragraph;
        // A new version starts from the latest text.
        NewVersion.Text = IsLatest ? View.Current?.Text : null;
        if (MayDraft && remove is not null && View.Positions.FirstOrDefault(p => p.StateCode == remove) is { } position)
        {
            Removing = new RemovalQuestion(
                t["Remove the position of {0} ({1})?", StateName(position.StateCode), OutputLabels.Position(t, position.Kind)],
                t["Remove the position"], "RemovePosition", new Dictionary<string, string> { ["state"] = position.StateCode }, Address + "#positions");
        }
        return Page();
    }

    [HandlerRequires(Operation.DraftOutputs)]
    public Task<IActionResult> OnPostVersionAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(NewVersion), async reader => await OutputCommands.SaveVersionAsync(db, clock, id, reader.UserId!, NewVersion.ToInput(), ct),
            number => t["Version {0} is saved.", number], ct);

    [HandlerRequires(Operation.CommentOnOutputs)]
    public Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(Comment), async reader => await OutputCommands.CommentAsync(db, clock, id, Process.Id, reader, Comment.ToInput(), ct),
            _ => t["Your comment on paragraph {0} is saved.", Comment.Paragraph ?? 0], ct, fragment: $"#p{Comment.Paragraph}", version: Comment.Version);

    [HandlerRequires(Operation.AdoptOutputs)]
    public Task<IActionResult> OnPostAdoptAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(Adopt), async _ => await OutputCommands.AdoptAsync(db, clock, id, Process.Id, Adopt.ToInput(), ct),
            _ => t["The output is adopted. Its text is frozen."], ct);

    [HandlerRequires(Operation.DraftOutputs)]
    public Task<IActionResult> OnPostPositionAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, nameof(Position), async reader => await OutputCommands.RecordPositionAsync(
                db, clock, id, Process.Id, reader.UserId!, Position.StateCode, Position.ToInput(), Position.Replace, ct),
            _ => t["The position of {0} is recorded.", StateName(Position.StateCode?.Trim().ToUpperInvariant() ?? "")], ct, fragment: "#positions");

    [HandlerRequires(Operation.DraftOutputs)]
    public async Task<IActionResult> OnPostRemovePositionAsync(int id, string? state, CancellationToken ct)
    {
        if (!await ShowAsync(id, null, ct))
        {
            return NotFound();
        }
        this.Tell(await OutputCommands.RemovePositionAsync(db, id, state, ct)
            ? t["The position of {0} is removed.", StateName(state?.ToUpperInvariant() ?? "")]
            : t["This state has no position recorded on this output."]);
        return LocalRedirect(Address + "#positions");
    }

    /// <summary>Runs a change on a visible output: done, the reader is told and sent back to the output; refused, the
    /// page again with the form's messages (a refusal of the whole change at the top of the form).</summary>
    private async Task<IActionResult> ChangeAsync(int id, string form, Func<MeetingReader, Task<OutputOutcome>> change, Func<int, string> told,
        CancellationToken ct, string fragment = "", int? version = null)
    {
        if (!await ShowAsync(id, version, ct))
        {
            return NotFound();
        }
        var outcome = await change(await readers.CurrentAsync(User));
        if (outcome.Done)
        {
            this.Tell(told(outcome.Value));
            return LocalRedirect(Address + (version is { } v && v != View.Versions[0].Number ? $"?version={v}" : "") + fragment);
        }
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(form, t[refusal]);
        }
        OutputLabels.AddTo(ModelState, form, outcome.Errors, t);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await ShowAsync(id, version, ct);
        return Page();
    }

    public string StateName(string code) => States.TryGetValue(code, out var state) ? state.Name : code;

    /// <summary>The member states, for the position form, in the reader's language.</summary>
    public IEnumerable<StateChoice> MemberStates => States.Values.Where(s => s.IsMember).OrderBy(s => s.Name, StringComparer.CurrentCulture);

    private async Task<bool> ShowAsync(int id, int? version, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        var reader = await readers.CurrentAsync(User);
        if (await OutputQueries.FindAsync(db, reader, Process.Id, id, ct) is not { } output
            || await OutputQueries.ViewAsync(db, output, version, ct) is not { } view)
        {
            return false;
        }
        View = view;
        var roles = reader.RolesIn(Process.Id).ToList();
        MayDraft = AccessRules.Allows(Operation.DraftOutputs, reader.IsPlatformAdministrator, roles);
        MayComment = AccessRules.Allows(Operation.CommentOnOutputs, reader.IsPlatformAdministrator, roles);
        MayAdopt = AccessRules.Allows(Operation.AdoptOutputs, reader.IsPlatformAdministrator, roles);
        CommentState = OutputCommands.StateOf(reader, Process.Id);
        // The meetings to adopt at, only where the form is shown (the output's own meetings come named with it).
        Meetings = MayAdopt && !output.IsAdopted ? await OutputQueries.MeetingsAsync(db, reader, Process.Id, ct) : [];
        // One query: the names of the states named on the page, and (for the position form) the current member states.
        var named = view.Positions.Select(p => p.StateCode).Concat(view.Comments.Where(c => c.StateCode != null).Select(c => c.StateCode!)).Distinct().ToList();
        var members = db.Memberships.MemberStatesOf(Process.Id, clock.Today());
        var withMembers = MayDraft && output.IsAdopted;
        var language = Cultures.Current;
        States = (await db.States.AsNoTracking()
                .Where(s => named.Contains(s.Code) || (withMembers && members.Contains(s.Code)))
                .Select(s => new { State = s, IsMember = withMembers && members.Contains(s.Code) })
                .ToListAsync(ct))
            .ToDictionary(s => s.State.Code, s => new StateChoice(s.State.Code, s.State.Name(language), s.IsMember));
        return true;
    }
}
