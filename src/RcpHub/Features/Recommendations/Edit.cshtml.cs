using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/processes/{slug}/outputs/{id}/recommendations/{number}/edit: the secretariat changes a recommendation; once
/// its output is adopted, only its addressees, themes and GCM/SDG links (the text stays as adopted).</summary>
[Requires(Operation.DraftOutputs)]
public sealed class EditModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
    : RecommendationFormPage(db, readers, clock, t)
{
    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        if (!await FindAsync(id, number, ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int number, CancellationToken ct)
    {
        var posted = Input;
        if (!await FindAsync(id, number, ct))
        {
            return NotFound();
        }
        Input = posted;
        var outcome = await Commands.UpdateAsync(Output, number, Input, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            Show(outcome.Errors, nameof(Input));
            return Page();
        }
        this.Tell(T["Recommendation {0} is saved.", number]);
        return Redirect($"{OutputUrl}/recommendations/{number}");
    }

    private async Task<bool> FindAsync(int id, int number, CancellationToken ct)
    {
        if (await FindRecommendationAsync(id, number, ct) is not { } recommendation)
        {
            return false;
        }
        Number = number;
        Input = RecommendationDraft.From(recommendation);
        TextFrozen = !Output.IsDraft;
        await LoadChoicesAsync(ct);
        FormerStates = recommendation.States.Where(s => MemberStates.All(m => m.Code != s.Code)).ToList();
        return true;
    }
}
