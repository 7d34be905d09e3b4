using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Outputs;

/// <summary>/processes/{slug}/outputs: the outputs of a process the reader may read (?meeting=id: those of one meeting),
/// and for the secretariat the form that starts one. An output outside the reader's audience is not listed nor counted.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class IndexModel(AppDbContext db, MeetingReaders readers, TimeProvider clock, IStringLocalizer<OutputsText> t) : PageModel
{
    public AddressedProcess Process { get; private set; } = null!;
    public IReadOnlyList<OutputListItem> Outputs { get; private set; } = [];
    public IReadOnlyDictionary<int, OutputMeeting> Meetings { get; private set; } = new Dictionary<int, OutputMeeting>();
    public int? Meeting { get; private set; }
    public bool MayDraft { get; private set; }

    [BindProperty]
    public CreateForm Create { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? meeting, CancellationToken ct)
    {
        await ShowAsync(meeting, ct);
        return Page();
    }

    [HandlerRequires(Operation.DraftOutputs)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var process = HttpContext.AddressedProcess();
        var reader = await readers.CurrentAsync(User);
        var outcome = await OutputCommands.CreateAsync(db, clock, process.Id, reader.UserId!, Create.ToInput(), ct);
        if (!outcome.Done)
        {
            OutputLabels.AddTo(ModelState, nameof(Create), outcome.Errors, t);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await ShowAsync(null, ct);
            return Page();
        }
        this.Tell(t["The output is started: its text is version 1."]);
        return LocalRedirect($"/processes/{process.Slug}/outputs/{outcome.Value}");
    }

    private async Task ShowAsync(int? meeting, CancellationToken ct)
    {
        Process = HttpContext.AddressedProcess();
        Meeting = meeting;
        var reader = await readers.CurrentAsync(User);
        MayDraft = AccessRules.Allows(Operation.DraftOutputs, reader.IsPlatformAdministrator, reader.RolesIn(Process.Id));
        Outputs = await OutputQueries.ListAsync(db, reader, Process.Id, meeting, ct);
        // For the form and the heading of one meeting's outputs; the listed outputs come with their meetings named.
        Meetings = MayDraft || meeting is not null ? (await OutputQueries.MeetingsAsync(db, reader, Process.Id, ct)).ToDictionary(m => m.Id) : new Dictionary<int, OutputMeeting>();
    }
}
