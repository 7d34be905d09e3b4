using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.DataRequests;

/// <summary>A question as the secretariat writes it.</summary>
public sealed class QuestionInput
{
    public string? Text { get; set; }
    public DataQuestionKind? Kind { get; set; }

    /// <summary>A number's unit ("persons", "USD"); required for a number.</summary>
    public string? Unit { get; set; }

    /// <summary>The year a number is asked for; empty when each state gives the year of its figure.</summary>
    public int? Year { get; set; }

    /// <summary>A choice's options, one per line (at least two).</summary>
    [MultiLine]
    public string? Options { get; set; }

    /// <summary>A table's columns (kind Table), each a number with its unit, a choice or text; columns without a name
    /// are left out (the page offers a few blank ones).</summary>
    public List<ColumnInput> Columns { get; set; } = [];
}

/// <summary>A column of a table question.</summary>
public sealed class ColumnInput
{
    public string? Name { get; set; }

    /// <summary>Figure, Choice or FreeText.</summary>
    public DataQuestionKind? Kind { get; set; }

    /// <summary>A number column's unit, when it has one.</summary>
    public string? Unit { get; set; }

    /// <summary>A choice column's options, one per line.</summary>
    [MultiLine]
    public string? Options { get; set; }
}

/// <summary>A row of a table answer: its cells in the order of the question's columns.</summary>
public sealed class RowInput
{
    public List<string?> Cells { get; set; } = [];
}

/// <summary>A new data request: its questions may come with it (the API) or be added one by one (the page) until it is sent.</summary>
public sealed class NewRequestInput
{
    public string? Title { get; set; }

    [MultiLine]
    public string? Instructions { get; set; }
    public DateTimeOffset? DeadlineAt { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
}

/// <summary>A member state's proposal of a data request, through the secretariat: the request as the secretariat would
/// write it, and the state proposing it.</summary>
public sealed class ProposalInput
{
    /// <summary>The state proposing (ISO 3166 alpha-3): a current member the proposer is the focal point of.</summary>
    public string? State { get; set; }
    public string? Title { get; set; }

    [MultiLine]
    public string? Instructions { get; set; }
    public DateTimeOffset? DeadlineAt { get; set; }

    /// <summary>At least one when the proposal is submitted.</summary>
    public List<QuestionInput> Questions { get; set; } = [];

    public NewRequestInput Request => new() { Title = Title, Instructions = Instructions, DeadlineAt = DeadlineAt, Questions = Questions };
}

/// <summary>Why the secretariat declines a state's proposal: told to the state.</summary>
public sealed class DeclineInput
{
    [MultiLine]
    public string? Reason { get; set; }
}

/// <summary>One answer: the value as typed (a number, one of the options, or text), and for a number its unit and year.</summary>
public sealed class AnswerInput
{
    public int QuestionId { get; set; }

    [MultiLine]
    public string? Value { get; set; }

    /// <summary>When given, the question's own unit: a figure in another unit is refused, not converted.</summary>
    public string? Unit { get; set; }
    public int? Year { get; set; }

    /// <summary>A table question's rows; rows left blank are left out.</summary>
    public List<RowInput> Rows { get; set; } = [];
}

/// <summary>A state's answers, saved as a draft or submitted.</summary>
public sealed class AnswersInput
{
    /// <summary>The state answered for (ISO 3166 alpha-3): one the answerer is the focal point of.</summary>
    public string? State { get; set; }

    /// <summary>True: submitted to the secretariat (every question answered); false: saved as a draft, out of the compilation.</summary>
    public bool Submit { get; set; }
    public List<AnswerInput> Answers { get; set; } = [];
}

/// <summary>Who is answering: a platform administrator for any state asked, a focal point for their own states.</summary>
public sealed record Answerer(string UserId, bool AnyState, IReadOnlyList<string> OwnStates)
{
    public bool MayAnswerFor(string stateCode) => AnyState || OwnStates.Contains(stateCode, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Writing, sending, publishing and answering data requests, for the pages and the API alike: every rule of
/// what may be stored is here, and nothing is stored when one fails.</summary>
public sealed class DataRequestCommands(AppDbContext db, TimeProvider clock, Outbox outbox, DataRequestMail mail, IStringLocalizer<DataRequestsText> t)
{
    public Task<Outcome> CreateAsync(int processId, string userId, NewRequestInput input, FieldErrors errors, CancellationToken ct) =>
        CreateAsync(processId, userId, input, null, errors, ct);

    /// <summary>A member state's proposal, written by one of its focal points: saved for that state to complete
    /// (<paramref name="submit"/> false, the page), or submitted to the secretariat at once with its questions (the API).
    /// Refused, with nothing stored: a state the proposer is not the focal point of, or not a member of the process today,
    /// and a submission without questions.</summary>
    public async Task<Outcome> ProposeAsync(int processId, Answerer proposer, ProposalInput input, bool submit, FieldErrors errors, CancellationToken ct)
    {
        var code = await ProposerStateAsync(processId, proposer, input.State, errors, ct);
        if (submit && input.Questions.Count == 0)
        {
            errors.Add(nameof(ProposalInput.Questions), t["Add at least one question before proposing the request."]);
        }
        return await CreateAsync(processId, proposer.UserId, input.Request, (code, submit), errors, ct);
    }

    /// <summary>The state a proposal is for: one the proposer acts for (<see cref="Answerer"/>, the focal points' rule), and
    /// a member of the process today (the one membership rule).</summary>
    private async Task<string?> ProposerStateAsync(int processId, Answerer proposer, string? state, FieldErrors errors, CancellationToken ct)
    {
        var code = state?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(nameof(ProposalInput.State), t["Choose the state you propose for."]);
        }
        else if (!proposer.MayAnswerFor(code))
        {
            errors.Add(nameof(ProposalInput.State), t["You propose for your own state only: you are not a focal point of {0} in this process.", code]);
        }
        else if (!await db.Memberships.MemberStatesOf(processId, clock.Today()).ContainsAsync(code, ct))
        {
            errors.Add(nameof(ProposalInput.State), t["{0} is not a member state of this process today: only member states propose data requests.", code]);
        }
        return code;
    }

    private async Task<Outcome> CreateAsync(int processId, string userId, NewRequestInput input, (string? State, bool Submit)? proposal, FieldErrors errors,
        CancellationToken ct)
    {
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add(nameof(NewRequestInput.Title), t["Give the request a title."]);
        }
        else if (title.Length > DataRequestLimits.Title)
        {
            errors.Add(nameof(NewRequestInput.Title), t["The text is too long (at most {0} characters).", DataRequestLimits.Title]);
        }
        var instructions = input.Instructions?.Trim();
        if (instructions is { Length: > DataRequestLimits.Instructions })
        {
            errors.Add(nameof(NewRequestInput.Instructions), t["The text is too long (at most {0} characters).", DataRequestLimits.Instructions]);
        }
        var now = clock.GetUtcNow();
        if (input.DeadlineAt is not { } deadline)
        {
            if (!errors.ByField.ContainsKey(nameof(NewRequestInput.DeadlineAt)))
            {
                errors.Add(nameof(NewRequestInput.DeadlineAt), t["Give the deadline."]);
            }
        }
        else if (deadline <= now)
        {
            errors.Add(nameof(NewRequestInput.DeadlineAt), t["The deadline must be in the future."]);
        }
        if (input.Questions.Count > DataRequestLimits.Questions)
        {
            errors.Add(nameof(NewRequestInput.Questions), t["A request asks at most {0} questions.", DataRequestLimits.Questions]);
        }
        var questions = input.Questions.Select((q, i) => Question(q, $"{nameof(NewRequestInput.Questions)}[{i}].", processId, i + 1, errors)).ToList();
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var request = new DataRequest
        {
            ProcessId = processId,
            Title = title!,
            Instructions = string.IsNullOrEmpty(instructions) ? null : instructions,
            DeadlineAt = input.DeadlineAt!.Value.ToUniversalTime(),
            CreatedByUserId = userId,
            CreatedAt = now,
            Questions = questions!,
            ProposedByStateCode = proposal?.State,
            ProposedByUserId = proposal is null ? null : userId,
        };
        db.DataRequests.Add(request);
        if (proposal is { Submit: true })
        {
            // The secretariat's mail names the request by its id: the request and its mail are saved in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await SubmitAsync(request, now, ct);
            await transaction.CommitAsync(ct);
            await outbox.DeliverQueuedAsync(ct);
            return Outcome.Saved(request.Id);
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    private async Task SubmitAsync(DataRequest request, DateTimeOffset now, CancellationToken ct)
    {
        request.ProposedAt = now;
        await mail.QueueProposalAsync(request, DataRequestMail.Proposed, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A state's proposal with its process, when <paramref name="proposer"/> acts for its state (null otherwise:
    /// not found, as for a request that does not exist).</summary>
    private async Task<DataRequest?> ProposalAsync(int processId, int requestId, Answerer? proposer, CancellationToken ct)
    {
        var request = await db.DataRequests.Include(r => r.Process)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId && r.ProposedByStateCode != null, ct);
        return request is null || (proposer is not null && !proposer.MayAnswerFor(request.ProposedByStateCode!)) ? null : request;
    }

    /// <summary>Why a proposal cannot be acted on as waiting for review (sent, declined, or not submitted); null when it can.</summary>
    private string? NotWaiting(DataRequest request) =>
        request.SentAt is not null ? t["This proposal was already sent to the member states."].Value
        : request.DeclinedAt is not null ? t["This proposal was declined by the secretariat."].Value
        : request.ProposedAt is null ? t["This proposal is not submitted to the secretariat."].Value
        : null;

    /// <summary>A declined proposal stays as it was declined: its questions and deadline no longer change.</summary>
    private bool Declined(DataRequest request, FieldErrors errors)
    {
        if (request.DeclinedAt is not null)
        {
            errors.Add("Request", t["This proposal was declined by the secretariat."]);
        }
        return request.DeclinedAt is not null;
    }

    /// <summary>The proposing state submits its proposal through the secretariat, which is mailed. It needs a question and
    /// a deadline still ahead.</summary>
    public async Task<Outcome> SubmitProposalAsync(int processId, int requestId, Answerer proposer, FieldErrors errors, CancellationToken ct)
    {
        if (await ProposalAsync(processId, requestId, proposer, ct) is not { } request)
        {
            return Outcome.NotFound;
        }
        var now = clock.GetUtcNow();
        if (request.SentAt is not null || request.DeclinedAt is not null || request.ProposedAt is not null)
        {
            errors.Add("Request", request.ProposedAt is not null && request.SentAt is null && request.DeclinedAt is null
                ? t["This proposal is already with the secretariat."] : NotWaiting(request)!);
        }
        else if (!await db.DataQuestions.AnyAsync(q => q.DataRequestId == requestId && q.RemovedAt == null, ct))
        {
            errors.Add("Request", t["Add at least one question before proposing the request."]);
        }
        else if (request.DeadlineAt <= now)
        {
            errors.Add("Request", t["The deadline must be in the future."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        await SubmitAsync(request, now, ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>The proposing state takes its proposal back while it waits for review: it is its draft again, out of the
    /// secretariat's sight, and can be submitted again.</summary>
    public async Task<Outcome> WithdrawAsync(int processId, int requestId, Answerer proposer, FieldErrors errors, CancellationToken ct)
    {
        if (await ProposalAsync(processId, requestId, proposer, ct) is not { } request)
        {
            return Outcome.NotFound;
        }
        if (NotWaiting(request) is { } why)
        {
            errors.Add("Request", why);
            return Outcome.Refused(errors);
        }
        request.ProposedAt = null;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>The secretariat declines a proposal waiting for review, giving its reason, which the proposing state's
    /// focal points are mailed. A declined proposal is never sent.</summary>
    public async Task<Outcome> DeclineAsync(int processId, int requestId, DeclineInput input, FieldErrors errors, CancellationToken ct)
    {
        if (await ProposalAsync(processId, requestId, null, ct) is not { ProposedAt: not null } request)
        {
            return Outcome.NotFound;
        }
        var reason = input.Reason?.Trim();
        if (NotWaiting(request) is { } why)
        {
            errors.Add("Request", why);
        }
        else if (string.IsNullOrEmpty(reason))
        {
            errors.Add(nameof(DeclineInput.Reason), t["Give the reason: the state is told it."]);
        }
        else if (reason.Length > DataRequestLimits.DeclineReason)
        {
            errors.Add(nameof(DeclineInput.Reason), t["The text is too long (at most {0} characters).", DataRequestLimits.DeclineReason]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        request.DeclinedAt = clock.GetUtcNow();
        request.DeclineReason = reason;
        await mail.QueueProposalAsync(request, DataRequestMail.Declined, ct);
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>The question as stored, or null (with the fields refused under <paramref name="prefix"/>).</summary>
    private DataQuestion? Question(QuestionInput input, string prefix, int processId, int number, FieldErrors errors)
    {
        var count = errors.ByField.Count;
        var text = QuestionText(input.Text, prefix, errors);
        var unit = input.Unit?.Trim();
        string? options = null, columns = null;
        switch (input.Kind)
        {
            case null:
                errors.Add(prefix + nameof(QuestionInput.Kind), t["Choose the kind of answer."]);
                break;
            case DataQuestionKind.Figure:
                if (string.IsNullOrEmpty(unit))
                {
                    errors.Add(prefix + nameof(QuestionInput.Unit), t["Give the unit of the number (persons, USD, days...)."]);
                }
                else if (unit.Length > DataRequestLimits.Unit)
                {
                    errors.Add(prefix + nameof(QuestionInput.Unit), t["The text is too long (at most {0} characters).", DataRequestLimits.Unit]);
                }
                if (input.Year is { } year && !ValidYear(year))
                {
                    errors.Add(prefix + nameof(QuestionInput.Year), t["Give a year between {0} and {1}.", DataRequestLimits.FirstYear, DataRequestLimits.LastYear]);
                }
                break;
            case DataQuestionKind.Choice:
                options = string.Join('\n', OptionsOf(input.Options, prefix + nameof(QuestionInput.Options), errors));
                break;
            case DataQuestionKind.Table:
                columns = ColumnsOf(input.Columns, prefix, errors);
                break;
        }
        if (errors.ByField.Count > count)
        {
            return null;
        }
        var kind = input.Kind!.Value;
        return new DataQuestion
        {
            ProcessId = processId,
            Number = number,
            Text = text!,
            Kind = kind,
            Unit = kind == DataQuestionKind.Figure ? unit : null,
            Year = kind == DataQuestionKind.Figure ? input.Year : null,
            Options = kind == DataQuestionKind.Choice ? options : null,
            Columns = kind == DataQuestionKind.Table ? columns : null,
        };
    }

    private string? QuestionText(string? input, string prefix, FieldErrors errors)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(prefix + nameof(QuestionInput.Text), t["Write the question."]);
        }
        else if (text.Length > DataRequestLimits.Question)
        {
            errors.Add(prefix + nameof(QuestionInput.Text), t["The text is too long (at most {0} characters).", DataRequestLimits.Question]);
        }
        return text;
    }

    /// <summary>A choice's options, one per line, without repeats: at least two.</summary>
    private List<string> OptionsOf(string? input, string field, FieldErrors errors)
    {
        var list = (input ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count < 2)
        {
            errors.Add(field, t["Give at least two options, one per line."]);
        }
        else if (list.Any(o => o.Length > DataRequestLimits.Option) || string.Join('\n', list).Length > DataRequestLimits.Options)
        {
            errors.Add(field, t["The text is too long (at most {0} characters).", DataRequestLimits.Options]);
        }
        return list;
    }

    /// <summary>A table's columns as stored (JSON); a column left blank is left out.</summary>
    private string? ColumnsOf(List<ColumnInput> input, string prefix, FieldErrors errors)
    {
        var columns = new List<DataColumn>();
        for (var i = 0; i < input.Count; i++)
        {
            var column = input[i];
            var field = $"{prefix}{nameof(QuestionInput.Columns)}[{i}].";
            var name = column.Name?.Trim();
            var unit = column.Unit?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                if (!string.IsNullOrEmpty(unit) || !string.IsNullOrWhiteSpace(column.Options))
                {
                    errors.Add(field + nameof(ColumnInput.Name), t["Name the column."]);
                }
                continue;
            }
            if (name.Length > DataRequestLimits.ColumnName)
            {
                errors.Add(field + nameof(ColumnInput.Name), t["The text is too long (at most {0} characters).", DataRequestLimits.ColumnName]);
            }
            IReadOnlyList<string> options = [];
            switch (column.Kind)
            {
                case null or DataQuestionKind.Table:
                    errors.Add(field + nameof(ColumnInput.Kind), t["Choose what the column holds: a number, a choice or text."]);
                    break;
                case DataQuestionKind.Figure when unit is { Length: > DataRequestLimits.Unit }:
                    errors.Add(field + nameof(ColumnInput.Unit), t["The text is too long (at most {0} characters).", DataRequestLimits.Unit]);
                    break;
                case DataQuestionKind.Choice:
                    options = OptionsOf(column.Options, field + nameof(ColumnInput.Options), errors);
                    break;
            }
            columns.Add(new DataColumn(name, column.Kind ?? DataQuestionKind.FreeText,
                column.Kind == DataQuestionKind.Figure && !string.IsNullOrEmpty(unit) ? unit : null, column.Kind == DataQuestionKind.Choice ? options : []));
        }
        var at = prefix + nameof(QuestionInput.Columns);
        if (columns.Count == 0)
        {
            errors.Add(at, t["Give the table at least one column."]);
        }
        else if (columns.Count > DataRequestLimits.Columns)
        {
            errors.Add(at, t["A table has at most {0} columns.", DataRequestLimits.Columns]);
        }
        else if (columns.DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Count() < columns.Count)
        {
            errors.Add(at, t["Give each column its own name."]);
        }
        var json = DataTables.WriteColumns(columns);
        if (json.Length > DataRequestLimits.ColumnsJson)
        {
            errors.Add(at, t["The text is too long (at most {0} characters).", DataRequestLimits.ColumnsJson]);
        }
        return json;
    }

    private static bool ValidYear(int year) => year is >= DataRequestLimits.FirstYear and <= DataRequestLimits.LastYear;

    /// <summary>Adds a question, before or after the request is sent (the states that submitted already may answer it
    /// until the deadline). Its number follows every other's, a removed one's too, so that no number means two questions.</summary>
    /// <param name="proposer">A focal point of the proposing state adding to their state's draft (<see cref="Writable"/>).</param>
    public async Task<Outcome> AddQuestionAsync(int processId, int requestId, QuestionInput input, FieldErrors errors, CancellationToken ct, Answerer? proposer = null)
    {
        if (await WithQuestionsAsync(processId, requestId, proposer, ct) is not { } request)
        {
            return Outcome.NotFound;
        }
        if (Declined(request, errors))
        {
            return Outcome.Refused(errors);
        }
        if (request.Questions.Count(q => q.RemovedAt == null) >= DataRequestLimits.Questions)
        {
            errors.Add(nameof(QuestionInput.Text), t["A request asks at most {0} questions.", DataRequestLimits.Questions]);
            return Outcome.Refused(errors);
        }
        var number = request.Questions.Count == 0 ? 1 : request.Questions.Max(q => q.Number) + 1;
        if (Question(input, "", processId, number, errors) is not { } question)
        {
            return Outcome.Refused(errors);
        }
        request.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Whether the request's questions and deadline are changed by whoever asks: the secretariat (no
    /// <paramref name="proposer"/>) changes any request but a state's draft (<see cref="DataRequest.IsStateDraft"/>), which
    /// is not found to it; a focal point of the proposing state changes that draft only, while their state writes it.</summary>
    private static bool Writable(DataRequest request, Answerer? proposer) =>
        proposer is null ? !request.IsStateDraft : request.IsStateDraft && proposer.MayAnswerFor(request.ProposedByStateCode!);

    /// <summary>A request with its questions, when whoever asks changes it (<see cref="Writable"/>); null otherwise.</summary>
    private async Task<DataRequest?> WithQuestionsAsync(int processId, int requestId, Answerer? proposer, CancellationToken ct) =>
        await db.DataRequests.Include(r => r.Questions).SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId, ct) is { } request
            && Writable(request, proposer) ? request : null;

    /// <summary>Changes a question: anything while the request is a draft; once it is sent, only its wording (a state's
    /// answers must still fit the kind, unit and options they were given for).</summary>
    public async Task<Outcome> EditQuestionAsync(int processId, int requestId, int questionId, QuestionInput input, FieldErrors errors, CancellationToken ct,
        Answerer? proposer = null)
    {
        var request = await WithQuestionsAsync(processId, requestId, proposer, ct);
        if (request?.Questions.SingleOrDefault(q => q.Id == questionId && q.RemovedAt == null) is not { } question)
        {
            return Outcome.NotFound;
        }
        if (Declined(request, errors))
        {
            return Outcome.Refused(errors);
        }
        if (request.SentAt is null)
        {
            if (Question(input, "", processId, question.Number, errors) is not { } changed)
            {
                return Outcome.Refused(errors);
            }
            (question.Text, question.Kind, question.Unit, question.Year, question.Options, question.Columns) =
                (changed.Text, changed.Kind, changed.Unit, changed.Year, changed.Options, changed.Columns);
        }
        else
        {
            var text = QuestionText(input.Text, "", errors);
            if (input.Kind is { } kind && kind != question.Kind)
            {
                errors.Add(nameof(QuestionInput.Kind), t["The request was sent: only the wording of a question changes. Add a new question to ask for another kind of answer."]);
            }
            if (errors.Any)
            {
                return Outcome.Refused(errors);
            }
            question.Text = text!;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Moves a question of a draft one place up or down, swapping numbers with its neighbour.</summary>
    public async Task<Outcome> MoveQuestionAsync(int processId, int requestId, int questionId, bool up, FieldErrors errors, CancellationToken ct,
        Answerer? proposer = null)
    {
        var request = await WithQuestionsAsync(processId, requestId, proposer, ct);
        if (request?.Questions.SingleOrDefault(q => q.Id == questionId && q.RemovedAt == null) is not { } question)
        {
            return Outcome.NotFound;
        }
        if (request.SentAt is not null)
        {
            errors.Add("Request", t["The request was sent: its questions keep their numbers, which the states answer by."]);
            return Outcome.Refused(errors);
        }
        var shown = request.Questions.Where(q => q.RemovedAt == null).OrderBy(q => q.Number).ToList();
        var at = shown.IndexOf(question);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= shown.Count)
        {
            return Outcome.Saved(request.Id);
        }
        var other = shown[to];
        var (mine, theirs) = (question.Number, other.Number);
        // The numbers are unique per request: the swap goes through a number no question has (they start at 1).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        question.Number = 0;
        await db.SaveChangesAsync(ct);
        other.Number = mine;
        await db.SaveChangesAsync(ct);
        question.Number = theirs;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Takes a question out of the request, or puts it back: the question and the states' answers to it are kept,
    /// hidden everywhere while it is out, and come back with it.</summary>
    public async Task<Outcome> RemoveQuestionAsync(int processId, int requestId, int questionId, bool restore, FieldErrors errors, CancellationToken ct,
        Answerer? proposer = null)
    {
        var request = await WithQuestionsAsync(processId, requestId, proposer, ct);
        if (request?.Questions.SingleOrDefault(q => q.Id == questionId) is not { } question)
        {
            return Outcome.NotFound;
        }
        if (restore && question.RemovedAt is not null && request.Questions.Count(q => q.RemovedAt == null) >= DataRequestLimits.Questions)
        {
            errors.Add("Request", t["A request asks at most {0} questions.", DataRequestLimits.Questions]);
            return Outcome.Refused(errors);
        }
        question.RemovedAt = restore ? null : question.RemovedAt ?? clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Moves the deadline, later or earlier but never into the past. When the request was sent, the focal points
    /// of the states asked are mailed the new deadline, and the reminders follow it (their key names the deadline).</summary>
    public async Task<Outcome> MoveDeadlineAsync(int processId, int requestId, DateTimeOffset? deadline, FieldErrors errors, CancellationToken ct,
        Answerer? proposer = null)
    {
        var request = await db.DataRequests.Include(r => r.Process).Include(r => r.Responses)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId, ct);
        if (request is null || !Writable(request, proposer))
        {
            return Outcome.NotFound;
        }
        if (Declined(request, errors))
        {
            return Outcome.Refused(errors);
        }
        if (deadline is not { } at)
        {
            if (!errors.ByField.ContainsKey(nameof(NewRequestInput.DeadlineAt)))
            {
                errors.Add(nameof(NewRequestInput.DeadlineAt), t["Give the deadline."]);
            }
        }
        else if (at <= clock.GetUtcNow())
        {
            errors.Add(nameof(NewRequestInput.DeadlineAt), t["The deadline must be in the future."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var moved = deadline!.Value.ToUniversalTime();
        if (moved == request.DeadlineAt)
        {
            return Outcome.Saved(request.Id);
        }
        request.DeadlineAt = moved;
        if (request.SentAt is not null)
        {
            await mail.QueueAsync(request, request.Responses.Select(s => s.StateCode).ToList(), DataRequestMail.Moved, ct);
        }
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Sends the request to the states that are members of the process today (the one membership rule), each
    /// then holding an empty answer, and mails their focal points. A request is sent once.</summary>
    public async Task<Outcome> SendAsync(int processId, int requestId, FieldErrors errors, CancellationToken ct)
    {
        var request = await db.DataRequests.Include(r => r.Process).SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var now = clock.GetUtcNow();
        if (request.IsStateDraft)
        {
            // A proposal its state has not submitted is the state's own draft.
            return Outcome.NotFound;
        }
        if (request.SentAt is not null)
        {
            errors.Add("Request", t["The request was already sent."]);
        }
        else if (request.DeclinedAt is not null)
        {
            errors.Add("Request", t["This proposal was declined by the secretariat."]);
        }
        else if (!await db.DataQuestions.AnyAsync(q => q.DataRequestId == requestId && q.RemovedAt == null, ct))
        {
            errors.Add("Request", t["Add at least one question before sending the request."]);
        }
        else if (request.DeadlineAt <= now)
        {
            errors.Add("Request", t["The deadline has passed: the request can no longer be sent."]);
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var states = await db.Memberships.MemberStatesOf(processId, clock.Today()).ToListAsync(ct);
        request.SentAt = now;
        foreach (var code in states.Order(StringComparer.Ordinal))
        {
            request.Responses.Add(new DataResponse { ProcessId = processId, StateCode = code });
        }
        await mail.QueueAsync(request, states, DataRequestMail.Sent, ct);
        if (request.ProposedByStateCode is not null)
        {
            await mail.QueueProposalAsync(request, DataRequestMail.Sent, ct);
        }
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Makes the compilation public in aggregate (the states' own figures stay for members), or with
    /// <paramref name="publish"/> false takes the aggregate back to the members (it can be published again).</summary>
    public async Task<Outcome> PublishAsync(int processId, int requestId, FieldErrors errors, CancellationToken ct, bool publish = true)
    {
        var request = await db.DataRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (publish && request.SentAt is null)
        {
            errors.Add("Request", t["Send the request before publishing its compilation."]);
            return Outcome.Refused(errors);
        }
        request.PublishedAt = publish ? request.PublishedAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Saves a state's answers as a draft or submits them. Refused, with nothing stored: after the deadline, for
    /// a state the answerer does not answer for or that was not asked, and any answer of the wrong kind, unit or year.</summary>
    public async Task<Outcome> AnswerAsync(int processId, int requestId, Answerer answerer, AnswersInput input, FieldErrors errors, CancellationToken ct)
    {
        var request = await db.DataRequests.AsNoTracking().Include(r => r.Questions.Where(q => q.RemovedAt == null))
            .SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId && r.SentAt != null, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        var now = clock.GetUtcNow();
        if (!DataRequest.TakesAnswers(request.SentAt, request.DeadlineAt, now))
        {
            errors.Add("Deadline", t["The deadline of this request passed on {0} (UTC): answers are no longer accepted. Write to the secretariat.",
                Infrastructure.Localization.Dates.Moment(request.DeadlineAt.ToUniversalTime())]);
            return Outcome.Refused(errors);
        }
        var code = input.State?.Trim().ToUpperInvariant();
        DataResponse? response = null;
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(nameof(AnswersInput.State), t["Choose the state you answer for."]);
        }
        else if (!answerer.MayAnswerFor(code))
        {
            errors.Add(nameof(AnswersInput.State), t["You answer for your own state only: you are not a focal point of {0} in this process.", code]);
        }
        else if ((response = await db.DataResponses.Include(s => s.Answers).SingleOrDefaultAsync(s => s.DataRequestId == requestId && s.StateCode == code, ct)) is null)
        {
            errors.Add(nameof(AnswersInput.State), t["{0} was not asked this request.", code]);
        }
        var questions = request.Questions.ToDictionary(q => q.Id);
        var given = new Dictionary<int, Stored>();
        for (var i = 0; i < input.Answers.Count; i++)
        {
            var answer = input.Answers[i];
            var field = $"{nameof(AnswersInput.Answers)}[{i}].";
            if (!questions.TryGetValue(answer.QuestionId, out var question))
            {
                errors.Add(field + nameof(AnswerInput.QuestionId), t["There is no such question in this request."]);
                continue;
            }
            if (given.ContainsKey(question.Id))
            {
                errors.Add(field + nameof(AnswerInput.QuestionId), t["Question {0} is answered twice.", question.Number]);
                continue;
            }
            if (Read(question, answer, field, errors) is { } value)
            {
                given[question.Id] = value;
            }
        }
        if (input.Submit && !errors.Any)
        {
            foreach (var q in request.Questions.Where(q => !given.TryGetValue(q.Id, out var v) || v == default).OrderBy(q => q.Number))
            {
                var index = input.Answers.FindIndex(a => a.QuestionId == q.Id);
                errors.Add(index < 0 ? nameof(AnswersInput.Answers) : $"{nameof(AnswersInput.Answers)}[{index}].{nameof(AnswerInput.Value)}",
                    t["Answer question {0} before submitting, or save a draft.", q.Number]);
            }
        }
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        foreach (var (questionId, value) in given)
        {
            var stored = response!.Answers.SingleOrDefault(a => a.DataQuestionId == questionId);
            if (value == default)
            {
                if (stored is not null)
                {
                    response.Answers.Remove(stored);
                }
                continue;
            }
            if (stored is null)
            {
                stored = new DataAnswer { ProcessId = processId, DataQuestionId = questionId };
                response.Answers.Add(stored);
            }
            (stored.Number, stored.Year, stored.Choice, stored.Text, stored.Rows) = value;
        }
        response!.UpdatedAt = now;
        response.UpdatedByUserId = answerer.UserId;
        response.SubmittedAt = input.Submit ? now : null;
        response.SubmittedByUserId = input.Submit ? answerer.UserId : null;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(response.Id);
    }

    /// <summary>The answer as stored (all empty for an empty answer), or null when refused.</summary>
    private Stored? Read(DataQuestion question, AnswerInput answer, string field, FieldErrors errors)
    {
        if (question.Kind == DataQuestionKind.Table)
        {
            return ReadRows(question, answer, field, errors);
        }
        var count = errors.ByField.Count;
        var cell = Cell(question.Kind, question.Unit, question.OptionList, answer.Value, t["Question {0}", question.Number], field + nameof(AnswerInput.Value), errors);
        if (question.Kind == DataQuestionKind.Figure)
        {
            if (answer.Unit?.Trim() is { Length: > 0 } unit && !string.Equals(unit, question.Unit, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field + nameof(AnswerInput.Unit), t["Question {0} asks for a figure in {1}, not in {2}: convert it first.", question.Number, question.Unit ?? "", unit]);
            }
            if (answer.Year is { } year && (!ValidYear(year) || (question.Year is { } asked && asked != year)))
            {
                errors.Add(field + nameof(AnswerInput.Year), question.Year is { } y
                    ? t["Question {0} asks for the figure of {1}.", question.Number, y]
                    : t["Give a year between {0} and {1}.", DataRequestLimits.FirstYear, DataRequestLimits.LastYear]);
            }
        }
        if (errors.ByField.Count > count)
        {
            return null;
        }
        return cell is not { } c ? default(Stored)
            : new Stored(c.Number, question.Kind == DataQuestionKind.Figure ? answer.Year ?? question.Year : null, c.Choice, c.Text, null);
    }

    /// <summary>A table's rows, each cell read as a question of its column's kind would be (<see cref="Cell"/>), the
    /// messages naming the row and column; rows left blank are left out.</summary>
    private Stored? ReadRows(DataQuestion question, AnswerInput answer, string field, FieldErrors errors)
    {
        var columns = DataTables.ReadColumns(question.Columns);
        var count = errors.ByField.Count;
        var rows = new List<IReadOnlyList<string?>>();
        for (var r = 0; r < answer.Rows.Count; r++)
        {
            var cells = answer.Rows[r].Cells;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var at = $"{field}{nameof(AnswerInput.Rows)}[{r}].";
            if (cells.Skip(columns.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                errors.Add(at + nameof(RowInput.Cells), t["Question {0} has {1} columns: row {2} has more cells.", question.Number, columns.Count, r + 1]);
                continue;
            }
            var row = new string?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var what = t["Question {0}, row {1}, column “{2}”", question.Number, r + 1, column.Name];
                if (Cell(column.Kind, column.Unit, column.Options, c < cells.Count ? cells[c] : null, what, $"{at}{nameof(RowInput.Cells)}[{c}]", errors) is { } value)
                {
                    row[c] = value.Number?.ToString(CultureInfo.InvariantCulture) ?? value.Choice ?? value.Text;
                }
            }
            rows.Add(row);
        }
        if (rows.Count > DataRequestLimits.TableRows)
        {
            errors.Add(field + nameof(AnswerInput.Rows), t["Question {0} takes at most {1} rows.", question.Number, DataRequestLimits.TableRows]);
        }
        var json = DataTables.WriteRows(rows);
        if (json.Length > DataRequestLimits.RowsJson)
        {
            errors.Add(field + nameof(AnswerInput.Rows), t["The text is too long (at most {0} characters).", DataRequestLimits.RowsJson]);
        }
        if (errors.ByField.Count > count)
        {
            return null;
        }
        return rows.Count == 0 ? default(Stored) : new Stored(null, null, null, null, json);
    }

    /// <summary>The one reading of a typed value, for a question and a table's cell alike: a number, one of the options
    /// (stored as the option), or text; null when empty or refused (the message names <paramref name="what"/>).</summary>
    private (decimal? Number, string? Choice, string? Text)? Cell(DataQuestionKind kind, string? unit, IReadOnlyList<string> options, string? typed,
        string what, string field, FieldErrors errors)
    {
        var value = typed?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        switch (kind)
        {
            case DataQuestionKind.Figure:
                if (!TryReadNumber(value, out var number))
                {
                    errors.Add(field, string.IsNullOrEmpty(unit) ? t["{0} asks for a number.", what] : t["{0} asks for a number (in {1}).", what, unit]);
                    return null;
                }
                return (number, null, null);
            case DataQuestionKind.Choice:
                var option = options.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    errors.Add(field, t["{0} asks for one of: {1}.", what, string.Join("; ", options)]);
                    return null;
                }
                return (null, option, null);
            default:
                if (value.Length > DataRequestLimits.Text)
                {
                    errors.Add(field, t["The text is too long (at most {0} characters).", DataRequestLimits.Text]);
                    return null;
                }
                return (null, null, value);
        }
    }

    /// <summary>An answer as its columns hold it; all empty for an empty answer.</summary>
    private readonly record struct Stored(decimal? Number, int? Year, string? Choice, string? Text, string? Rows);

    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>A number as a program writes it ("1234.5") or as the reader's language does ("1234,5"); no thousands
    /// separators, which read differently in different languages.</summary>
    public static bool TryReadNumber(string text, out decimal number) =>
        decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out number) || decimal.TryParse(text, Plain, CultureInfo.CurrentCulture, out number);
}
