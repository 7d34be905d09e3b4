using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.DataRequests;

/// <summary>/processes/{slug}/data-requests: the process's data requests to its member states, for its members; the
/// secretariat starts one here (its deadline on the reader's own clock) and adds its questions on the request's page.</summary>
[Requires(Operation.ViewDataRequests)]
public sealed class IndexModel(DataRequestCommands commands, DataRequestQueries queries, MeetingReaders readers, IAuthorizationService authorization,
    IStringLocalizer<DataRequestsText> t, IStringLocalizer<MeetingsText> clockText) : PageModel
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

    private async Task LoadAsync(CancellationToken ct)
    {
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        Requests = await queries.ListAsync(Process.Id, ct);
        CanWrite = (await authorization.AuthorizeAsync(User, new ProcessResource(Process.Id), OperationPolicies.NameOf(Operation.ManageDataRequests))).Succeeded;
    }

    public string Moment(DateTimeOffset utc) => TimeZones.Clock(utc, Zone);

    public string StateLabel(RequestRow row) => row.StateAt(Now) switch
    {
        "draft" => t["Being written"],
        "open" => t["Open for answers"],
        _ => t["Closed"],
    };
}
