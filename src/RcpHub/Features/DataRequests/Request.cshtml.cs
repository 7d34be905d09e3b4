using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Exports;

namespace RcpHub.Features.DataRequests;

/// <summary>/processes/{slug}/data-requests/{requestId}: a request's questions, the states asked and where each stands,
/// and the compilation of the submitted answers (a table per question, a chart beside each number question, each answer
/// with its source), as CSV and XLSX too. The secretariat adds questions and sends the request here, and publishes the
/// compilation in aggregate.</summary>
[Requires(Operation.ViewDataRequests)]
public sealed class RequestModel(DataRequestCommands commands, DataRequestQueries queries, MeetingReaders readers, IAuthorizationService authorization,
    IStringLocalizer<DataRequestsText> t) : PageModel
{
    [BindProperty]
    public QuestionInput Question { get; set; } = new();

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public RequestView View { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public bool CanAnswer { get; private set; }
    public string Zone { get; private set; } = TimeZones.Utc;
    public DateTimeOffset Now => queries.Now;

    public async Task<IActionResult> OnGetAsync(int requestId, CancellationToken ct)
    {
        if (await queries.LoadAsync(Process.Id, requestId, ct) is not { } request)
        {
            return NotFound();
        }
        View = request;
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        CanWrite = await MayAsync(Operation.ManageDataRequests);
        CanAnswer = request.TakesAnswersAt(Now) && await MayAsync(Operation.AnswerDataRequests);
        return Page();
    }

    private async Task<bool> MayAsync(Operation operation) =>
        (await authorization.AuthorizeAsync(User, new ProcessResource(Process.Id), OperationPolicies.NameOf(operation))).Succeeded;

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostAddQuestionAsync(int requestId, CancellationToken ct)
    {
        var outcome = await commands.AddQuestionAsync(Process.Id, requestId, Question, new FieldErrors(), ct);
        return await AfterAsync(outcome, requestId, nameof(Question), t["The question is added."], ct);
    }

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostSendAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.SendAsync(Process.Id, requestId, new FieldErrors(), ct), requestId, "",
            t["The request is sent to the member states; their focal points are told by email and reminded before the deadline."], ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostPublishAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.PublishAsync(Process.Id, requestId, new FieldErrors(), ct), requestId, "",
            t["The compilation is published in aggregate."], ct);

    private async Task<IActionResult> AfterAsync(Outcome outcome, int requestId, string prefix, string told, CancellationToken ct)
    {
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            this.Tell(told);
            return Redirect($"/processes/{Process.Slug}/data-requests/{requestId}");
        }
        outcome.Errors.CopyTo(ModelState, prefix);
        var page = await OnGetAsync(requestId, ct);
        if (page is PageResult result)
        {
            result.StatusCode = StatusCodes.Status400BadRequest;
        }
        return page;
    }

    public async Task<IActionResult> OnGetCsvAsync(int requestId, CancellationToken ct) =>
        await queries.LoadAsync(Process.Id, requestId, ct) is { } request
            ? File(TableExport.Csv(DataRequestCompilation.Rows(request, t)), TableExport.CsvContentType, $"data-request-{Process.Slug}-{requestId}.csv")
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int requestId, CancellationToken ct) =>
        await queries.LoadAsync(Process.Id, requestId, ct) is { } request
            ? File(TableExport.Xlsx(DataRequestCompilation.Rows(request, t), t["Compilation"]), TableExport.XlsxContentType, $"data-request-{Process.Slug}-{requestId}.xlsx")
            : NotFound();

    public string Moment(DateTimeOffset utc) => Infrastructure.Localization.Dates.Moment(TimeZones.InZone(utc, Zone));

    public string Kind(QuestionRow q) => q.Kind switch
    {
        DataQuestionKind.Figure => q.Year is { } y ? t["A number in {0}, for {1}", q.Unit ?? "", y] : t["A number in {0}, with its year", q.Unit ?? ""],
        DataQuestionKind.Choice => t["One of: {0}", string.Join("; ", q.Options)],
        _ => t["Text"],
    };

    public string Status => View.SentAt is null ? t["Being written"] : View.TakesAnswersAt(Now) ? t["Open for answers"] : t["Closed"];
}
