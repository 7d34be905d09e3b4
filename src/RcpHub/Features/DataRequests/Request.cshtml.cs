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
/// compilation in aggregate. It edits the questions (all of a question while a draft, its wording once sent; removing
/// one asks first, ?remove={id}, and can be undone), and moves the deadline.
/// <para>A member state's proposal: its focal points add its questions and submit it through the secretariat, and may take
/// it back while it waits (asking first, ?withdraw=1); the secretariat edits it, then sends it or declines it with a
/// reason. Until it is sent, no one else sees it.</para></summary>
[Requires(Operation.ViewDataRequests)]
public sealed class RequestModel(DataRequestCommands commands, DataRequestQueries queries, MeetingReaders readers, IAuthorizationService authorization,
    ProcessAccess access, IStringLocalizer<DataRequestsText> t, IStringLocalizer<MeetingsText> clockText) : PageModel
{
    [BindProperty]
    public DeclineInput Decline { get; set; } = new();

    /// <summary>The reader writes this proposal for its state: its questions are added, edited, moved and removed here, and
    /// its deadline moved, until it is submitted.</summary>
    public bool CanPropose { get; private set; }

    /// <summary>The reader changes the questions and the deadline: the secretariat, or the proposing state on its draft.</summary>
    public bool CanEditQuestions => CanWrite || CanPropose;

    /// <summary>The reader may take back this proposal waiting for review.</summary>
    public bool CanWithdraw { get; private set; }

    /// <summary>The blank columns the form for a table question offers; a table needs no more in most questionnaires,
    /// and more can be added by editing the question.</summary>
    public const int BlankColumns = 4;

    [BindProperty]
    public QuestionInput Question { get; set; } = new();

    /// <summary>The question being edited (?edit={id}), with its form.</summary>
    [BindProperty]
    public QuestionInput Edit { get; set; } = new();

    /// <summary>The new deadline, on the reader's clock.</summary>
    [BindProperty]
    public DateTime? Deadline { get; set; }

    public QuestionRow? Editing { get; private set; }
    public RemovalQuestion? Removing { get; private set; }

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public RequestView View { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public bool CanAnswer { get; private set; }
    public string Zone { get; private set; } = TimeZones.Utc;
    public DateTimeOffset Now => queries.Now;

    public async Task<IActionResult> OnGetAsync(int requestId, int? edit, int? remove, bool withdraw, CancellationToken ct)
    {
        var reader = await DataRequestsApi.ReaderAsync(authorization, access, User, Process.Id);
        if (await queries.LoadAsync(Process.Id, requestId, reader, ct) is not { } request)
        {
            return NotFound();
        }
        View = request;
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        var state = request.StateAt(Now);
        // The secretariat writes its own requests and reviews the proposals submitted to it; a declined one stays as it was.
        CanWrite = reader.Secretariat && state is not ("proposal-draft" or "declined");
        CanPropose = state == "proposal-draft" && reader.Proposes(request.Proposal);
        CanWithdraw = state == "proposed" && reader.Proposes(request.Proposal);
        if (CanWithdraw && withdraw)
        {
            Removing = new RemovalQuestion(t["Take back the proposal “{0}”? The secretariat no longer sees it; you can submit it again from this page.", request.Title],
                t["Take back the proposal"], "Withdraw",
                new Dictionary<string, string> { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                $"/processes/{Process.Slug}/data-requests/{request.Id}");
        }
        CanAnswer = request.TakesAnswersAt(Now) && await MayAsync(Operation.AnswerDataRequests);
        if (CanEditQuestions)
        {
            var back = $"/processes/{Process.Slug}/data-requests/{request.Id}";
            Editing = request.Questions.FirstOrDefault(q => q.Id == edit);
            if (Editing is { } q && HttpMethods.IsGet(HttpContext.Request.Method))
            {
                Edit = new QuestionInput
                {
                    Text = q.Text,
                    Kind = q.Kind,
                    Unit = q.Unit,
                    Year = q.Year,
                    Options = string.Join('\n', q.Options),
                    Columns = q.Columns.Select(c => new ColumnInput { Name = c.Name, Kind = c.Kind, Unit = c.Unit, Options = string.Join('\n', c.Options) }).ToList(),
                };
            }
            if (request.Questions.FirstOrDefault(q => q.Id == remove) is { } removed)
            {
                Removing = new RemovalQuestion(
                    request.SentAt is null
                        ? t["Remove question {0}, “{1}”? You can put it back from this page.", removed.Number, removed.Text]
                        : t["Remove question {0}, “{1}”? The states' answers to it are kept out of sight, and come back if you put it back.", removed.Number, removed.Text],
                    t["Remove the question"], Handler("RemoveQuestion"),
                    new Dictionary<string, string> { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["questionId"] = removed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    back);
            }
        }
        return Page();
    }

    private async Task<bool> MayAsync(Operation operation) =>
        (await authorization.AuthorizeAsync(User, new ProcessResource(Process.Id), OperationPolicies.NameOf(operation))).Succeeded;

    /// <summary>The handler of an action on the questions or the deadline: the secretariat's, or, on its state's draft, the
    /// proposer's (the same command, given the proposer: <see cref="DataRequestCommands"/> finds only their state's draft).</summary>
    public string Handler(string action) => !CanPropose ? action : action switch
    {
        "AddQuestion" => "ProposeQuestion",
        "EditQuestion" => "EditProposedQuestion",
        "MoveQuestion" => "MoveProposedQuestion",
        "RemoveQuestion" => "RemoveProposedQuestion",
        "RestoreQuestion" => "RestoreProposedQuestion",
        "MoveDeadline" => "MoveProposedDeadline",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No such action on a proposal's draft."),
    };

    /// <summary>A focal point acting for the proposing state, on its draft.</summary>
    private async Task<Answerer> ProposerAsync() => await DataRequestsApi.AnswererAsync(access, User, Process.Id);

    [HandlerRequires(Operation.ManageDataRequests)]
    public Task<IActionResult> OnPostAddQuestionAsync(int requestId, CancellationToken ct) => AddQuestionAsync(requestId, null, ct);

    /// <summary>A focal point adds a question to their state's proposal while writing it.</summary>
    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostProposeQuestionAsync(int requestId, CancellationToken ct) => await AddQuestionAsync(requestId, await ProposerAsync(), ct);

    private async Task<IActionResult> AddQuestionAsync(int requestId, Answerer? proposer, CancellationToken ct) =>
        await AfterAsync(await commands.AddQuestionAsync(Process.Id, requestId, Question, new FieldErrors(), ct, proposer), requestId, nameof(Question),
            t["The question is added."], ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostSubmitProposalAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.SubmitProposalAsync(Process.Id, requestId, await DataRequestsApi.AnswererAsync(access, User, Process.Id), new FieldErrors(), ct),
            requestId, "", t["The proposal is submitted: the secretariat is told by email, and you will be told whether it is sent or declined."], ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostWithdrawAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.WithdrawAsync(Process.Id, requestId, await DataRequestsApi.AnswererAsync(access, User, Process.Id), new FieldErrors(), ct),
            requestId, "", t["The proposal is taken back: the secretariat no longer sees it. Submit it again when you wish."], ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostDeclineAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.DeclineAsync(Process.Id, requestId, Decline, new FieldErrors(), ct), requestId, nameof(Decline),
            t["The proposal is declined; its state's focal points are told your reason by email."], ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public Task<IActionResult> OnPostEditQuestionAsync(int requestId, int questionId, CancellationToken ct) => EditQuestionAsync(requestId, questionId, null, ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostEditProposedQuestionAsync(int requestId, int questionId, CancellationToken ct) =>
        await EditQuestionAsync(requestId, questionId, await ProposerAsync(), ct);

    private async Task<IActionResult> EditQuestionAsync(int requestId, int questionId, Answerer? proposer, CancellationToken ct) =>
        await AfterAsync(await commands.EditQuestionAsync(Process.Id, requestId, questionId, Edit, new FieldErrors(), ct, proposer), requestId, nameof(Edit),
            t["The question is changed."], ct, edit: questionId);

    [HandlerRequires(Operation.ManageDataRequests)]
    public Task<IActionResult> OnPostMoveQuestionAsync(int requestId, int questionId, bool up, CancellationToken ct) => MoveQuestionAsync(requestId, questionId, up, null, ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostMoveProposedQuestionAsync(int requestId, int questionId, bool up, CancellationToken ct) =>
        await MoveQuestionAsync(requestId, questionId, up, await ProposerAsync(), ct);

    private async Task<IActionResult> MoveQuestionAsync(int requestId, int questionId, bool up, Answerer? proposer, CancellationToken ct) =>
        await AfterAsync(await commands.MoveQuestionAsync(Process.Id, requestId, questionId, up, new FieldErrors(), ct, proposer), requestId, "", t["The question is moved."], ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public Task<IActionResult> OnPostRemoveQuestionAsync(int requestId, int questionId, CancellationToken ct) => RemoveQuestionAsync(requestId, questionId, false, null, ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostRemoveProposedQuestionAsync(int requestId, int questionId, CancellationToken ct) =>
        await RemoveQuestionAsync(requestId, questionId, false, await ProposerAsync(), ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public Task<IActionResult> OnPostRestoreQuestionAsync(int requestId, int questionId, CancellationToken ct) => RemoveQuestionAsync(requestId, questionId, true, null, ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostRestoreProposedQuestionAsync(int requestId, int questionId, CancellationToken ct) =>
        await RemoveQuestionAsync(requestId, questionId, true, await ProposerAsync(), ct);

    /// <summary>Takes a question out, or puts it back; only a sent request has answers to keep (a draft's, a proposal's
    /// questions have none).</summary>
    private async Task<IActionResult> RemoveQuestionAsync(int requestId, int questionId, bool restore, Answerer? proposer, CancellationToken ct)
    {
        var outcome = await commands.RemoveQuestionAsync(Process.Id, requestId, questionId, restore, new FieldErrors(), ct, proposer);
        var answered = outcome.Succeeded && await queries.SentAsync(Process.Id, requestId, ct);
        return await AfterAsync(outcome, requestId, "",
            restore ? answered ? t["The question is back, with its answers."] : t["The question is back."]
            : answered ? t["The question is removed; its answers are kept. Put it back from the list of removed questions."]
            : t["The question is removed. Put it back from the list of removed questions."], ct);
    }

    /// <summary>The secretariat moves the deadline; the states asked are mailed only once the request is sent.</summary>
    [HandlerRequires(Operation.ManageDataRequests)]
    public Task<IActionResult> OnPostMoveDeadlineAsync(int requestId, CancellationToken ct) =>
        MoveDeadlineAsync(requestId, null, async () => await queries.SentAsync(Process.Id, requestId, ct)
            ? t["The deadline is moved; the focal points of the states asked are told by email."] : t["The deadline is moved."], ct);

    [HandlerRequires(Operation.AnswerDataRequests)]
    public async Task<IActionResult> OnPostMoveProposedDeadlineAsync(int requestId, CancellationToken ct) =>
        await MoveDeadlineAsync(requestId, await ProposerAsync(), () => Task.FromResult(t["The proposed deadline is moved."].Value), ct);

    /// <param name="told">The notice, read once the deadline is moved.</param>
    private async Task<IActionResult> MoveDeadlineAsync(int requestId, Answerer? proposer, Func<Task<string>> told, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Outcome outcome;
        if (ModelState.ReplaceUnreadable(t["Enter a valid value."]))
        {
            outcome = Outcome.Refused(errors);
        }
        else
        {
            Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
            outcome = await commands.MoveDeadlineAsync(Process.Id, requestId, VenueClock.Read(Deadline, Zone, nameof(NewRequestInput.DeadlineAt), clockText, errors), errors, ct,
                proposer);
        }
        return await AfterAsync(outcome, requestId, nameof(Deadline), outcome.Succeeded ? await told() : "", ct);
    }

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostSendAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.SendAsync(Process.Id, requestId, new FieldErrors(), ct), requestId, "",
            t["The request is sent to the member states; their focal points are told by email and reminded before the deadline."], ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostPublishAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.PublishAsync(Process.Id, requestId, new FieldErrors(), ct), requestId, "",
            t["The compilation is published in aggregate."], ct);

    [HandlerRequires(Operation.ManageDataRequests)]
    public async Task<IActionResult> OnPostUnpublishAsync(int requestId, CancellationToken ct) =>
        await AfterAsync(await commands.PublishAsync(Process.Id, requestId, new FieldErrors(), ct, publish: false), requestId, "",
            t["The aggregate is no longer public: the compilation is for the members of the process again. You can publish it again."], ct);

    private async Task<IActionResult> AfterAsync(Outcome outcome, int requestId, string prefix, string told, CancellationToken ct, int? edit = null)
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
        var page = await OnGetAsync(requestId, edit, null, false, ct);
        if (page is PageResult result)
        {
            result.StatusCode = StatusCodes.Status400BadRequest;
        }
        return page;
    }

    public async Task<IActionResult> OnGetCsvAsync(int requestId, CancellationToken ct) =>
        await queries.LoadAsync(Process.Id, requestId, await DataRequestsApi.ReaderAsync(authorization, access, User, Process.Id), ct) is { } request
            ? File(TableExport.Csv(DataRequestCompilation.Rows(request, t)), TableExport.CsvContentType, $"data-request-{Process.Slug}-{requestId}.csv")
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int requestId, CancellationToken ct) =>
        await queries.LoadAsync(Process.Id, requestId, await DataRequestsApi.ReaderAsync(authorization, access, User, Process.Id), ct) is { } request
            ? File(TableExport.Xlsx(DataRequestCompilation.Rows(request, t), t["Compilation"]), TableExport.XlsxContentType, $"data-request-{Process.Slug}-{requestId}.xlsx")
            : NotFound();

    public string Moment(DateTimeOffset utc) => TimeZones.Clock(utc, Zone);

    public string Kind(QuestionRow q) => q.Kind switch
    {
        DataQuestionKind.Figure => q.Year is { } y ? t["A number in {0}, for {1}", q.Unit ?? "", y] : t["A number in {0}, with its year", q.Unit ?? ""],
        DataQuestionKind.Choice => t["One of: {0}", string.Join("; ", q.Options)],
        DataQuestionKind.Table => t["A table with the columns: {0}", string.Join("; ", q.Columns.Select(Column))],
        _ => t["Text"],
    };

    /// <summary>A table's column as its header shows it: its name, and a number column's unit.</summary>
    public static string Column(DataColumn c) => c.Unit is { } unit ? $"{c.Name} ({unit})" : c.Name;

    /// <summary>The blank columns of the question form, after those given.</summary>
    public static ColumnInput ColumnAt(QuestionInput input, int index) => index < input.Columns.Count ? input.Columns[index] : new ColumnInput();

    public string Status => DataRequestStatus.Label(View.StateAt(Now), View.Proposal, t);
}

/// <summary>The fields of a question's form (_QuestionFields), under <paramref name="Prefix"/>: "Question" to add one, "Edit" to change one.</summary>
public sealed record QuestionFields(string Prefix, QuestionInput Input);
