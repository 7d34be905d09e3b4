using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Practices;

/// <summary>/processes/{slug}/practices/submit[?id=]: submits a practice, or (with the id of one returned to the reader)
/// changes it and submits it again (or one they withdrew). A focal point submits for their own state, an organisation's people for it, the
/// secretariat for any member state.</summary>
[Requires(Operation.SubmitPractices)]
[UploadSizeLimit]
public sealed class SubmitModel(AppDbContext db, PracticeDesk desk, TimeProvider clock, IStringLocalizer<PracticesText> t, IConfiguration configuration,
    ILogger<SubmitModel> logger, IStringLocalizer<DocumentsText> documentText) : PageModel
{
    public sealed record Choice(string Value, string Name);

    public AddressedProcess Process { get; private set; } = null!;
    public int? Id { get; private set; }
    public IReadOnlyList<Choice> States { get; private set; } = [];
    public IReadOnlyList<Choice> Countries { get; private set; } = [];
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];
    public IReadOnlyList<ThemeName> Themes { get; private set; } = [];

    [BindProperty]
    public PracticeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, bool tooLarge, CancellationToken ct)
    {
        var actor = await PrepareAsync(ct);
        if (tooLarge)
        {
            // The upload limit turned the post away before the page saw it (UploadSizeLimitAttribute): nothing was stored.
            ModelState.AddModelError(PracticeDesk.AttachmentsField, DocumentUpload.TooLarge(documentText, configuration));
        }
        if (id is { } existing)
        {
            var practice = await db.Practices.AsNoTracking().Include(p => p.Themes).Include(p => p.Objectives)
                .SingleOrDefaultAsync(p => p.Id == existing && p.ProcessId == Process.Id, ct);
            if (practice is null || !PracticeRules.MaySubmitAgain(practice.Status) || practice.SubmittedByUserId != actor.UserId)
            {
                return NotFound();
            }
            Id = practice.Id;
            Input = PracticeInput.From(practice);
        }
        else
        {
            Input = new PracticeInput
            {
                StateCode = States.FirstOrDefault()?.Value,
                OrganizationId = States.Count == 0 && Organizations.FirstOrDefault() is { } o ? int.Parse(o.Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                FromYear = clock.Today().Year,
                Languages = [Cultures.Current],
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await PrepareAsync(ct);
        var (files, errors) = await DocumentUpload.CheckFilesAsync(Request.Form.Files.GetFiles(PracticeDesk.AttachmentsField), configuration, documentText, logger, ct);
        errors.ForEach(e => ModelState.AddModelError(PracticeDesk.AttachmentsField, e));
        // A file refused by the document checks keeps the whole practice out, as any other refused field does.
        var outcome = errors.Count == 0 ? await desk.SubmitAsync(Process, id, Input, actor, ct, files) : null;
        if (outcome is { NotFound: true })
        {
            return NotFound();
        }
        if (outcome is not { Done: true })
        {
            outcome?.AddTo(ModelState, nameof(Input));
            Id = id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(t["The practice is submitted: the secretariat reviews it before it is published."]);
        return Redirect($"/processes/{Process.Slug}/practices/{outcome.Id}");
    }

    /// <summary>The states and organisations the reader may submit for, every country, and the themes.</summary>
    private async Task<PracticeActor> PrepareAsync(CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        var actor = await desk.ActorAsync(User, Process.Id, ct);
        var members = await db.Memberships.MemberStatesOf(Process.Id, clock.Today()).ToListAsync(ct);
        List<Choice> countries = [.. (await db.States.ChoicesAsync(null, ct)).Select(s => new Choice(s.Code, s.Name))];
        Countries = countries;
        States = [.. countries.Where(c => members.Contains(c.Value) && actor.MayActFor(c.Value))];
        Organizations = await db.Organizations.AsNoTracking().Where(o => actor.Organizations.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id.ToString(), o.Name)).ToListAsync(ct);
        Themes = await ThemeTags.ChoicesAsync(db, ct);
        return actor;
    }
}
