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

/// <summary>One answer: the value as typed (a number, one of the options, or text), and for a number its unit and year.</summary>
public sealed class AnswerInput
{
    public int QuestionId { get; set; }

    [MultiLine]
    public string? Value { get; set; }

    /// <summary>When given, the question's own unit: a figure in another unit is refused, not converted.</summary>
    public string? Unit { get; set; }
    public int? Year { get; set; }
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
    public async Task<Outcome> CreateAsync(int processId, string userId, NewRequestInput input, FieldErrors errors, CancellationToken ct)
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
        };
        db.DataRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>The question as stored, or null (with the fields refused under <paramref name="prefix"/>).</summary>
    private DataQuestion? Question(QuestionInput input, string prefix, int processId, int number, FieldErrors errors)
    {
        var count = errors.ByField.Count;
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(prefix + nameof(QuestionInput.Text), t["Write the question."]);
        }
        else if (text.Length > DataRequestLimits.Question)
        {
            errors.Add(prefix + nameof(QuestionInput.Text), t["The text is too long (at most {0} characters).", DataRequestLimits.Question]);
        }
        var unit = input.Unit?.Trim();
        string? options = null;
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
                var list = (input.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (list.Count < 2)
                {
                    errors.Add(prefix + nameof(QuestionInput.Options), t["Give at least two options, one per line."]);
                }
                else if (list.Any(o => o.Length > DataRequestLimits.Option) || string.Join('\n', list).Length > DataRequestLimits.Options)
                {
                    errors.Add(prefix + nameof(QuestionInput.Options), t["The text is too long (at most {0} characters).", DataRequestLimits.Options]);
                }
                options = string.Join('\n', list);
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
        };
    }

    private static bool ValidYear(int year) => year is >= DataRequestLimits.FirstYear and <= DataRequestLimits.LastYear;

    /// <summary>Adds a question to a request not yet sent.</summary>
    public async Task<Outcome> AddQuestionAsync(int processId, int requestId, QuestionInput input, FieldErrors errors, CancellationToken ct)
    {
        var request = await db.DataRequests.Include(r => r.Questions).SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (request.SentAt is not null)
        {
            errors.Add(nameof(QuestionInput.Text), t["The request was sent: its questions no longer change."]);
            return Outcome.Refused(errors);
        }
        if (request.Questions.Count >= DataRequestLimits.Questions)
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
        if (request.SentAt is not null)
        {
            errors.Add("Request", t["The request was already sent."]);
        }
        else if (!await db.DataQuestions.AnyAsync(q => q.DataRequestId == requestId, ct))
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
        await db.SaveChangesAsync(ct);
        await outbox.DeliverQueuedAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Makes the compilation public in aggregate (the states' own figures stay for members).</summary>
    public async Task<Outcome> PublishAsync(int processId, int requestId, FieldErrors errors, CancellationToken ct)
    {
        var request = await db.DataRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessId == processId, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (request.SentAt is null)
        {
            errors.Add("Request", t["Send the request before publishing its compilation."]);
            return Outcome.Refused(errors);
        }
        request.PublishedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(request.Id);
    }

    /// <summary>Saves a state's answers as a draft or submits them. Refused, with nothing stored: after the deadline, for
    /// a state the answerer does not answer for or that was not asked, and any answer of the wrong kind, unit or year.</summary>
    public async Task<Outcome> AnswerAsync(int processId, int requestId, Answerer answerer, AnswersInput input, FieldErrors errors, CancellationToken ct)
    {
        var request = await db.DataRequests.AsNoTracking().Include(r => r.Questions)
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
        var given = new Dictionary<int, (decimal? Number, int? Year, string? Choice, string? Text)>();
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
            (stored.Number, stored.Year, stored.Choice, stored.Text) = value;
        }
        response!.UpdatedAt = now;
        response.UpdatedByUserId = answerer.UserId;
        response.SubmittedAt = input.Submit ? now : null;
        response.SubmittedByUserId = input.Submit ? answerer.UserId : null;
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(response.Id);
    }

    /// <summary>The answer as stored (all empty for an empty answer), or null when refused.</summary>
    private (decimal? Number, int? Year, string? Choice, string? Text)? Read(DataQuestion question, AnswerInput answer, string field, FieldErrors errors)
    {
        var value = answer.Value?.Trim();
        var empty = string.IsNullOrEmpty(value);
        switch (question.Kind)
        {
            case DataQuestionKind.Figure:
                var count = errors.ByField.Count;
                decimal number = 0;
                if (!empty && !TryReadNumber(value!, out number))
                {
                    errors.Add(field + nameof(AnswerInput.Value), t["Question {0} asks for a number (in {1}).", question.Number, question.Unit ?? ""]);
                }
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
                if (errors.ByField.Count > count)
                {
                    return null;
                }
                return empty ? default : (number, answer.Year ?? question.Year, null, null);
            case DataQuestionKind.Choice:
                if (empty)
                {
                    return default;
                }
                var option = question.OptionList.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    errors.Add(field + nameof(AnswerInput.Value), t["Question {0} asks for one of: {1}.", question.Number, string.Join("; ", question.OptionList)]);
                    return null;
                }
                return (null, null, option, null);
            default:
                if (value is { Length: > DataRequestLimits.Text })
                {
                    errors.Add(field + nameof(AnswerInput.Value), t["The text is too long (at most {0} characters).", DataRequestLimits.Text]);
                    return null;
                }
                return empty ? default : (null, null, null, value);
        }
    }

    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>A number as a program writes it ("1234.5") or as the reader's language does ("1234,5"); no thousands
    /// separators, which read differently in different languages.</summary>
    public static bool TryReadNumber(string text, out decimal number) =>
        decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out number) || decimal.TryParse(text, Plain, CultureInfo.CurrentCulture, out number);
}
