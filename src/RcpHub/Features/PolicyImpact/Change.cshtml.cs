using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.PolicyImpact;

/// <summary>/processes/{slug}/impact/changes[/{id}]: records a policy change (no id) or corrects or removes one. A focal
/// point records for their own state, the secretariat for any member state; a change of another state answers 404.
/// Removal asks first (decision 0014).</summary>
[Requires(Operation.RecordPolicyChanges)]
public sealed class ChangeModel(AppDbContext db, ProcessAccess access, TimeProvider clock, IStringLocalizer<PolicyImpactText> t) : PageModel
{
    public string Slug { get; private set; } = "";
    public int? Id { get; private set; }
    public string? CurrentTitle { get; private set; }
    public IReadOnlyList<StateName> States { get; private set; } = [];
    public IReadOnlyList<RecommendationChoice> Recommendations { get; private set; } = [];
    public IReadOnlyList<ThemeName> Themes { get; private set; } = [];

    [BindProperty]
    public PolicyChangeInput Input { get; set; } = new();

    /// <summary>Set (?remove=true) when removal was asked for: the page asks first.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")]
    public bool Removing { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var recorder = await PrepareAsync(ct);
        if (id is { } existing)
        {
            var change = await db.PolicyChanges.AsNoTracking().Include(c => c.Recommendations).Include(c => c.Themes)
                .SingleOrDefaultAsync(c => c.Id == existing && c.ProcessId == HttpContext.AddressedProcess().Id, ct);
            if (change is null || !recorder.MayRecordFor(change.StateCode))
            {
                return NotFound();
            }
            (Id, CurrentTitle) = (change.Id, change.Title);
            Input = PolicyChangeInput.From(change);
        }
        else
        {
            Input = new PolicyChangeInput { StateCode = States.FirstOrDefault()?.Code, On = clock.Today() };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var recorder = await PrepareAsync(ct);
        var outcome = await PolicyChanges.SaveAsync(db, clock, t, HttpContext.AddressedProcess().Id, id, Input, recorder, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Saved)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                }
            }
            Id = id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(id is null ? t["The policy change is recorded."] : t["The policy change is saved."]);
        return Redirect($"/processes/{Slug}/impact");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var recorder = await PrepareAsync(ct);
        if (!await PolicyChanges.RemoveAsync(db, HttpContext.AddressedProcess().Id, id, recorder, ct))
        {
            return NotFound();
        }
        this.Tell(t["The policy change is removed."]);
        return Redirect($"/processes/{Slug}/impact");
    }

    /// <summary>The states the reader may record for, and the recommendations and themes the form offers.</summary>
    private async Task<PolicyRecorder> PrepareAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        Slug = process.Slug;
        var recorder = await PolicyRecorder.OfAsync(access, User, process.Id);
        var members = (await db.Memberships.MemberStatesOf(process.Id, clock.Today()).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codes = members.Where(recorder.MayRecordFor).ToList();
        States = await db.States.ChoicesAsync(codes, ct);
        Recommendations = await PolicyChanges.AnswerableAsync(db, process.Id, members, codes, ct);
        Themes = await ThemeTags.ChoicesAsync(db, ct);
        return recorder;
    }
}
