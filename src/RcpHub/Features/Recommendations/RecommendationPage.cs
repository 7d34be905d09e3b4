using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Recommendations;

/// <summary>A page about the recommendations of one output of the addressed process: the output is found only when the
/// reader may read it (<see cref="OutputAccess"/>) and it belongs to that process; otherwise the page answers 404.</summary>
public abstract class RecommendationPage(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;
    public IStringLocalizer<RecommendationsText> T => t;
    public AddressedProcess Process { get; private set; } = null!;
    public OutputHeading Output { get; private set; } = null!;
    public MeetingReader Reader { get; private set; } = MeetingReader.Anonymous;
    public string Language => Cultures.Current;

    /// <summary>Whether the reader may draft the process's outputs (add and change recommendations, translations).</summary>
    public bool MayDraft => AccessRules.Allows(Operation.DraftOutputs, Reader.IsPlatformAdministrator, Reader.RolesIn(Process.Id));

    public string OutputUrl => $"/processes/{Process.Slug}/outputs/{Output.Id}";

    protected RecommendationCommands Commands => new(db, clock, t);

    protected async Task<bool> FindOutputAsync(int outputId, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        Reader = await readers.CurrentAsync(User);
        if (await RecommendationQueries.OutputAsync(db, Reader, Process.Id, outputId, ct) is not { } output)
        {
            return false;
        }
        Output = output;
        return true;
    }

    /// <summary>Recommendation <paramref name="number"/> of the output, when the reader may read the output.</summary>
    protected async Task<RecommendationDetails?> FindRecommendationAsync(int outputId, int number, CancellationToken ct) =>
        await FindOutputAsync(outputId, ct) ? await RecommendationQueries.OneAsync(db, outputId, number, Language, ct) : null;

    protected void Show(FieldErrors errors, string prefix)
    {
        errors.CopyTo(ModelState, prefix);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }
}

/// <summary>The add and edit pages of a recommendation: the same form (_RecommendationForm.cshtml).</summary>
public abstract class RecommendationFormPage(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<RecommendationsText> t)
    : RecommendationPage(db, readers, clock, t)
{
    [BindProperty]
    public RecommendationDraft Input { get; set; } = new();

    public IReadOnlyList<NamedState> MemberStates { get; private set; } = [];
    public IReadOnlyList<ThemeRef> Themes { get; private set; } = [];

    /// <summary>Named states of the recommendation that are no longer members (kept, shown, may be unticked).</summary>
    public IReadOnlyList<NamedState> FormerStates { get; protected set; } = [];

    /// <summary>After adoption the text and its language stay as adopted.</summary>
    public bool TextFrozen { get; protected set; }

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        (MemberStates, Themes) = await RecommendationQueries.ChoicesAsync(Db, Clock, Process.Id, Language, ct);
}
