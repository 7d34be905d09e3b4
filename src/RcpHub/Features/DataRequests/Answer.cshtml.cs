using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.DataRequests;

/// <summary>/processes/{slug}/data-requests/{requestId}/answer: a focal point answers the request for their own state,
/// saving drafts and submitting before the deadline. Members who do not answer see that only focal points do.</summary>
[Requires(Operation.ViewDataRequests)]
public sealed class AnswerModel(DataRequestCommands commands, DataRequestQueries queries, ProcessAccess access, MeetingReaders readers,
    IStringLocalizer<DataRequestsText> t) : PageModel
{
    /// <summary>The blank rows a table question offers below its answered ones; "More rows" posts the form back with as many again.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public AnswersInput Form { get; set; } = new();

    /// <summary>Set by a table's "More rows" button: the question number whose table gets more blank rows; nothing is saved.</summary>
    [BindProperty]
    public int? MoreRows { get; set; }

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public RequestView View { get; private set; } = null!;

    /// <summary>The states asked that the reader answers for.</summary>
    public IReadOnlyList<ResponseRow> Theirs { get; private set; } = [];
    public ResponseRow? Current { get; private set; }
    public string Zone { get; private set; } = TimeZones.Utc;
    public DateTimeOffset Now => queries.Now;

    public async Task<IActionResult> OnGetAsync(int requestId, string? state, CancellationToken ct)
    {
        if (await queries.LoadAsync(Process.Id, requestId, null, ct) is not { SentAt: not null } request)
        {
            return NotFound();
        }
        View = request;
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        var answerer = await DataRequestsApi.AnswererAsync(access, User, Process.Id);
        Theirs = request.Responses.Where(r => answerer.MayAnswerFor(r.StateCode)).ToList();
        var wanted = (HttpMethods.IsPost(HttpContext.Request.Method) ? Form.State : state)?.Trim();
        Current = Theirs.FirstOrDefault(r => string.Equals(r.StateCode, wanted, StringComparison.OrdinalIgnoreCase)) ?? Theirs.FirstOrDefault();
        if (HttpMethods.IsGet(HttpContext.Request.Method) && Current is { } current)
        {
            Form = new AnswersInput
            {
                State = current.StateCode,
                Answers = request.Questions.Select(q => current.To(q.Id) is { } a
                    ? new AnswerInput { QuestionId = q.Id, Value = Value(q, a), Unit = q.Unit, Year = a.Year ?? q.Year, Rows = Rows(a.Rows) }
                    : new AnswerInput { QuestionId = q.Id, Unit = q.Unit, Year = q.Year }).ToList(),
            };
        }
        return Page();
    }

    private static string? Value(QuestionRow q, AnswerRow a) => q.Kind switch
    {
        DataQuestionKind.Figure => a.Number?.ToString("0.######", System.Globalization.CultureInfo.CurrentCulture),
        DataQuestionKind.Choice => a.Choice,
        _ => a.Text,
    };

    private static List<RowInput> Rows(IReadOnlyList<IReadOnlyList<string?>> rows) =>
        rows.Select(r => new RowInput { Cells = r.Select(c => c is not null && decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n.ToString("0.######", System.Globalization.CultureInfo.CurrentCulture) : c).ToList() }).ToList();

    /// <summary>How many rows the form shows for question <paramref name="index"/>: those answered or posted, then blank ones.</summary>
    public int RowsShown(int index, QuestionRow question) =>
        At(index).Rows.Count + (HttpMethods.IsGet(HttpContext.Request.Method) || MoreRows == question.Number ? BlankRows : 0);

    /// <summary>The posted or stored cell, or blank.</summary>
    public string? CellAt(int index, int row, int column) =>
        At(index).Rows is var rows && row < rows.Count && column < rows[row].Cells.Count ? rows[row].Cells[column] : null;

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostAsync(int requestId, CancellationToken ct)
    {
        if (MoreRows is not null)
        {
            // Nothing is saved: the page comes back with what was typed and more blank rows.
            ModelState.Clear();
            return await OnGetAsync(requestId, Form.State, ct);
        }
        var answerer = await DataRequestsApi.AnswererAsync(access, User, Process.Id);
        var outcome = await commands.AnswerAsync(Process.Id, requestId, answerer, Form, new FieldErrors(), ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            this.Tell(Form.Submit
                ? t["Your answers are submitted. You may correct them until the deadline."]
                : t["Your answers are saved as a draft: they are not in the compilation until you submit them."]);
            return Redirect($"/processes/{Process.Slug}/data-requests/{requestId}/answer?state={Uri.EscapeDataString(Form.State!.Trim().ToUpperInvariant())}");
        }
        outcome.Errors.CopyTo(ModelState, nameof(Form));
        var page = await OnGetAsync(requestId, Form.State, ct);
        if (page is PageResult result)
        {
            result.StatusCode = StatusCodes.Status400BadRequest;
        }
        return page;
    }

    public string Moment(DateTimeOffset utc) => TimeZones.Clock(utc, Zone);

    /// <summary>The posted or stored answer to question <paramref name="index"/> of the form.</summary>
    public AnswerInput At(int index) => index < Form.Answers.Count ? Form.Answers[index] : new AnswerInput();
}
