using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Recommendations;

/// <summary>/processes/{slug}/outputs/{id}/recommendations/new: the secretariat adds a recommendation to a draft output;
/// it takes the next number.</summary>
[Requires(Operation.DraftOutputs)]
public sealed class NewModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
    : RecommendationFormPage(db, readers, clock, t)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await FindOutputAsync(id, ct))
        {
            return NotFound();
        }
        Input = new RecommendationDraft { OriginalLanguage = Output.OriginalLanguage };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await FindOutputAsync(id, ct))
        {
            return NotFound();
        }
        var outcome = await Commands.AddAsync(Output, Input, ct);
        if (!outcome.Succeeded)
        {
            Show(outcome.Errors, nameof(Input));
            await LoadChoicesAsync(ct);
            return Page();
        }
        this.Tell(T["Recommendation {0} is added.", outcome.Id]);
        return Redirect($"{OutputUrl}/recommendations/{outcome.Id}");
    }
}
