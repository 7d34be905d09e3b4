using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.DataRequests;

/// <summary>/processes/{slug}/data-requests: the process's data requests to its member states, for its members; the
/// secretariat starts one here (its deadline on the reader's own clock) and adds its questions on the request's page.</summary>
[Requires(Operation.ViewDataRequests)]
public sealed class IndexModel(AppDbContext db, DataRequestCommands commands, DataRequestQueries queries, MeetingReaders readers, IAuthorizationService authorization,
    ProcessAccess access, IStringLocalizer<DataRequestsText> t, IStringLocalizer<MeetingsText> clockText) : PageModel
{
    public sealed class RequestForm
    {
        public string? Title { get; set; }

        [MultiLine]
        public string? Instructions { get; set; }
        public DateTime? DeadlineAt { get; set; }
    }

    [BindProperty]
    public RequestForm Form { get; set; } = new();

    /// <summary>A focal point's proposal: the state it is for (one of theirs), and the request's fields.</summary>
    [BindProperty]
    public string? ProposeFor { get; set; }

    [BindProperty]
    public RequestForm Proposal { get; set; } = new();

    /// <summary>The states the reader may propose a request for: those they are the focal point of (in force, so members).</summary>
    public IReadOnlyList<string> ProposerStates { get; private set; } = [];

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string Zone { get; private set; } = TimeZones.Utc;
    public DateTimeOffset Now => queries.Now;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.ReplaceUnreadable(t["Enter a valid value."]))
        {
            Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
            var errors = new FieldErrors();
            var input = new NewRequestInput
            {
                Title = Form.Title,
                Instructions = Form.Instructions,
                DeadlineAt = VenueClock.Read(Form.DeadlineAt, Zone, nameof(RequestForm.DeadlineAt), clockText, errors),
            };
            var outcome = await commands.CreateAsync(Process.Id, ProcessAccess.UserIdOf(User)!, input, errors, ct);
            if (outcome.Succeeded)
            {
                this.Tell(t["The request is saved. Add its questions, then send it to the member states."]);
                return Redirect($"/processes/{Process.Slug}/data-requests/{outcome.Id}");
            }
            outcome.Errors.CopyTo(ModelState, nameof(Form));
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A focal point proposes a request for their state through the secretariat: saved for them to add its
    /// questions and submit it.</summary>
    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!ModelState.ReplaceUnreadable(t["Enter a valid value."]))
        {
            Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
            var errors = new FieldErrors();
            var input = new ProposalInput
            {
                State = ProposeFor,
                Title = Proposal.Title,
                Instructions = Proposal.Instructions,
                DeadlineAt = VenueClock.Read(Proposal.DeadlineAt, Zone, nameof(RequestForm.DeadlineAt), clockText, errors),
            };
            var outcome = await commands.ProposeAsync(Process.Id, await DataRequestsApi.AnswererAsync(access, User, Process.Id), input, submit: false, errors, ct);
            if (outcome.Succeeded)
            {
                this.Tell(t["The proposal is saved; only your state's focal points see it. Add its questions, then submit it to the secretariat."]);
                return Redirect($"/processes/{Process.Slug}/data-requests/{outcome.Id}");
            }
            foreach (var (field, messages) in outcome.Errors.ByField)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == nameof(ProposalInput.State) ? nameof(ProposeFor) : $"{nameof(Proposal)}.{field}", message);
                }
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        var reader = await DataRequestsApi.ReaderAsync(authorization, access, User, Process.Id);
        Requests = await queries.ListAsync(Process.Id, reader, ct);
        CanWrite = reader.Secretariat;
        ProposerStates = reader.Acting.OwnStates;
        StateNames = await db.States.NamesAsync(ProposerStates, ct);
    }

    /// <summary>A state's name in the reader's language, for the proposal form.</summary>
    public IReadOnlyDictionary<string, string> StateNames { get; private set; } = new Dictionary<string, string>();

    public string Moment(DateTimeOffset utc) => TimeZones.Clock(utc, Zone);

    public string StateLabel(RequestRow row) => DataRequestStatus.Label(row.StateAt(Now), row.Proposal, t);
}

/// <summary>Where a request stands, in words, for the list and the request's page alike.</summary>
public static class DataRequestStatus
{
    public static string Label(string state, Proposal? proposal, IStringLocalizer<DataRequestsText> t) => state switch
    {
        "draft" => t["Being written"],
        "proposal-draft" => t["Proposal of {0}, being written", proposal!.StateName],
        "proposed" => t["Proposed by {0}, waiting for review", proposal!.StateName],
        "declined" => t["Proposed by {0}, declined", proposal!.StateName],
        "open" => t["Open for answers"],
        _ => t["Closed"],
    };
}
