using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.FollowUp;

/// <summary>/processes/{slug}/follow-up/labels: the secretariat names the implementation statuses in the process's own
/// words, per interface language; an empty field keeps the platform's label.</summary>
[Requires(Operation.ReviewFollowUp)]
public sealed class LabelsModel(AppDbContext db, IStringLocalizer<FollowUpText> t) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public string Language { get; private set; } = "en";

    [BindProperty]
    public LabelsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? language, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        Language = Cultures.OrDefault(language ?? Cultures.Current);
        var own = await db.StatusLabels.AsNoTracking().Where(l => l.ProcessId == Process.Id && l.Language == Language).ToDictionaryAsync(l => l.Status, l => l.Label, ct);
        Input = LabelsInput.From(own, Language);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        if (Input.Language is null || !Cultures.Supported.Contains(Input.Language))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LabelsInput.Language)}", t["Choose one of the languages offered."]);
        }
        foreach (var (status, label) in Input.ByStatus())
        {
            if (label is { Length: > FollowUpLimits.Label })
            {
                ModelState.AddModelError($"{nameof(Input)}.{status}", t["At most 80 characters."]);
            }
        }
        Language = Cultures.OrDefault(Input.Language);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await FollowUpCommands.SaveLabelsAsync(db, Process.Id, Language, Input.ByStatus(), ct);
        this.Tell(t["The status labels are saved."]);
        return Redirect($"/processes/{Process.Slug}/follow-up/labels?language={Language}");
    }

    public string DefaultLabel(ImplementationStatus status) => StatusLabels.Default(t, status, Language);
}

/// <summary>The process's labels of the five statuses in one language.</summary>
public sealed class LabelsInput
{
    /// <summary>Required: which interface language the labels are for.</summary>
    public string? Language { get; set; }
    public string? NotStarted { get; set; }
    public string? Planned { get; set; }
    public string? InProgress { get; set; }
    public string? Implemented { get; set; }
    public string? NotApplicable { get; set; }

    public Dictionary<ImplementationStatus, string?> ByStatus() => new()
    {
        [ImplementationStatus.NotStarted] = NotStarted,
        [ImplementationStatus.Planned] = Planned,
        [ImplementationStatus.InProgress] = InProgress,
        [ImplementationStatus.Implemented] = Implemented,
        [ImplementationStatus.NotApplicable] = NotApplicable,
    };

    public static LabelsInput From(IReadOnlyDictionary<ImplementationStatus, string> own, string language) => new()
    {
        Language = language,
        NotStarted = own.GetValueOrDefault(ImplementationStatus.NotStarted),
        Planned = own.GetValueOrDefault(ImplementationStatus.Planned),
        InProgress = own.GetValueOrDefault(ImplementationStatus.InProgress),
        Implemented = own.GetValueOrDefault(ImplementationStatus.Implemented),
        NotApplicable = own.GetValueOrDefault(ImplementationStatus.NotApplicable),
    };
}
