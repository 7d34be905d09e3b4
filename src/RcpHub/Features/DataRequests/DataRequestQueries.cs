using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.DataRequests;

/// <summary>A member state's proposal as it stands: the state (its code and its name in the reader's language), when it
/// was submitted to the secretariat (null while the state writes it), and when and why the secretariat declined it.</summary>
public sealed record Proposal(string State, string StateName, DateTimeOffset? ProposedAt, DateTimeOffset? DeclinedAt, string? DeclineReason);

/// <summary>Who reads requests, for the proposals not yet sent: those are seen only by the secretariat (once submitted)
/// and by the proposing state's focal points (<see cref="Answerer"/>, the rule by which they answer for their state), by
/// the one rule <see cref="DataRequestStages.SeenBy"/>.</summary>
public sealed record ProposalReader(bool Secretariat, Answerer Acting)
{
    public DataRequestStages.Facts Facts => new(Secretariat, Acting.AnyState, [.. Acting.OwnStates]);

    /// <summary>May act for the proposing state (write, submit, withdraw).</summary>
    public bool Proposes(Proposal? proposal) => proposal is not null && Acting.MayAnswerFor(proposal.State);
}

/// <summary>A request in the process's list.</summary>
public sealed record RequestRow(int Id, string Title, DateTimeOffset DeadlineAt, DateTimeOffset? SentAt, DateTimeOffset? PublishedAt, int Asked, int Submitted,
    Proposal? Proposal = null)
{
    /// <summary>"draft" (being written), "open" (taking answers) or "closed" (past its deadline); for a state's proposal
    /// not sent, "proposal-draft" (the state writes it), "proposed" (waiting for the secretariat's review) or "declined".</summary>
    public string StateAt(DateTimeOffset now) => StateOf(SentAt, DeadlineAt, Proposal, now);

    /// <summary>The stage by the one rule (<see cref="DataRequestStages"/>), in the words of the pages and the API.</summary>
    public static string StateOf(DateTimeOffset? sentAt, DateTimeOffset deadlineAt, Proposal? proposal, DateTimeOffset now) =>
        new Standing(sentAt, proposal?.State, proposal?.ProposedAt, proposal?.DeclinedAt).Stage() switch
        {
            DataRequestStage.Sent => DataRequest.TakesAnswers(sentAt, deadlineAt, now) ? "open" : "closed",
            DataRequestStage.Draft => "draft",
            DataRequestStage.StateDraft => "proposal-draft",
            DataRequestStage.AwaitingReview => "proposed",
            _ => "declined",
        };

    private sealed record Standing(DateTimeOffset? SentAt, string? ProposedByStateCode, DateTimeOffset? ProposedAt, DateTimeOffset? DeclinedAt) : IDataRequestStanding;
}

/// <param name="Columns">A table's columns; empty for other kinds.</param>
public sealed record QuestionRow(int Id, int Number, string Text, DataQuestionKind Kind, string? Unit, int? Year, IReadOnlyList<string> Options, IReadOnlyList<DataColumn> Columns)
{
    public static QuestionRow Of(DataQuestion q) => new(q.Id, q.Number, q.Text, q.Kind, q.Unit, q.Year, q.OptionList, DataTables.ReadColumns(q.Columns));

    /// <summary>A table's numbers in column <paramref name="column"/> over <paramref name="rows"/>, empty cells left out.</summary>
    public static IEnumerable<decimal> Figures(IEnumerable<IReadOnlyList<string?>> rows, int column) =>
        rows.Select(r => column < r.Count && decimal.TryParse(r[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null).OfType<decimal>();

    /// <summary>A table's cell as the compilation shows it: a number in the reader's culture, an option or text.</summary>
    public string Cell(int column, IReadOnlyList<string?> row) => column >= row.Count || row[column] is not { } value ? ""
        : Columns[column].Kind == DataQuestionKind.Figure && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("#,0.######", CultureInfo.CurrentCulture) : value;
}

/// <summary>One state's answer to one question, with its source: who submitted it, when.</summary>
/// <param name="Rows">A table answer's rows, each its cells in column order (numbers written invariantly).</param>
public sealed record AnswerRow(int QuestionId, decimal? Number, int? Year, string? Choice, string? Text, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>A state asked, with its answers (a draft's too: the pages show a draft to its own state only).</summary>
public sealed record ResponseRow(string StateCode, string StateName, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt, string? SubmittedBy, IReadOnlyList<AnswerRow> Answers)
{
    public AnswerRow? To(int questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId);
}

/// <param name="Removed">Questions taken out, with their answers hidden until they are put back.</param>
/// <param name="Proposal">The member state that proposed it through the secretariat, when one did.</param>
public sealed record RequestView(int Id, string Title, string? Instructions, DateTimeOffset DeadlineAt, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    DateTimeOffset? PublishedAt, IReadOnlyList<QuestionRow> Questions, IReadOnlyList<ResponseRow> Responses, IReadOnlyList<QuestionRow> Removed, Proposal? Proposal)
{
    public string StateAt(DateTimeOffset now) => RequestRow.StateOf(SentAt, DeadlineAt, Proposal, now);

    public bool TakesAnswersAt(DateTimeOffset now) => DataRequest.TakesAnswers(SentAt, DeadlineAt, now);

    public IEnumerable<ResponseRow> Submitted => Responses.Where(r => r.SubmittedAt is not null);

    /// <summary>An answer as the compilation shows it: the number with its unit and year, the option, or the text.</summary>
    public static string Show(QuestionRow question, AnswerRow answer) => question.Kind switch
    {
        DataQuestionKind.Figure => $"{answer.Number?.ToString("#,0.######", CultureInfo.CurrentCulture)} {question.Unit}"
            + (answer.Year is { } y ? $" ({y.ToString(CultureInfo.InvariantCulture)})" : ""),
        DataQuestionKind.Choice => answer.Choice ?? "",
        DataQuestionKind.Table => string.Join("; ", answer.Rows.Select(r => string.Join(", ", r.Select((_, i) => question.Cell(i, r))))),
        _ => answer.Text ?? "",
    };
}

/// <summary>The public aggregate of one question: how many states answered, and for a number its total, lowest,
/// median and highest figure, for a choice how many chose each option, for a table each number column's count of
/// figures and total. No state's own answer, nor a table's row.</summary>
public sealed record AggregateRow(QuestionRow Question, int Answered, decimal? Total, decimal? Lowest, decimal? Median, decimal? Highest, IReadOnlyList<(string Option, int Count)> Choices)
{
    public IReadOnlyList<(DataColumn Column, int Figures, decimal Total)> Columns { get; private init; } = [];

    public static AggregateRow Of(QuestionRow question, IEnumerable<ResponseRow> submitted)
    {
        var answers = submitted.Select(r => r.To(question.Id)).OfType<AnswerRow>().ToList();
        var numbers = answers.Where(a => a.Number is not null).Select(a => a.Number!.Value).Order().ToList();
        decimal? median = numbers.Count == 0 ? null
            : numbers.Count % 2 == 1 ? numbers[numbers.Count / 2] : (numbers[(numbers.Count / 2) - 1] + numbers[numbers.Count / 2]) / 2;
        var choices = question.Options.Select(o => (o, answers.Count(a => a.Choice == o))).ToList();
        if (question.Kind == DataQuestionKind.Table)
        {
            var rows = answers.SelectMany(a => a.Rows).ToList();
            return new(question, answers.Count(a => a.Rows.Count > 0), null, null, null, null, [])
            {
                Columns = question.Columns.Select((c, i) => (Column: c, Figures: QuestionRow.Figures(rows, i).ToList()))
                    .Where(x => x.Column.Kind == DataQuestionKind.Figure).Select(x => (x.Column, x.Figures.Count, x.Figures.Sum())).ToList(),
            };
        }
        return question.Kind == DataQuestionKind.Figure
            ? new(question, answers.Count, numbers.Count == 0 ? null : numbers.Sum(), numbers.Count == 0 ? null : numbers[0], median, numbers.Count == 0 ? null : numbers[^1], [])
            : new(question, answers.Count, null, null, null, null, choices);
    }
}

/// <summary>Reading data requests: the list, and one request with its questions and the states' answers, in two queries.</summary>
public sealed class DataRequestQueries(AppDbContext db, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Whether the request was sent to the states: only then are there answers to keep and people to tell.</summary>
    public Task<bool> SentAsync(int processId, int requestId, CancellationToken ct) =>
        db.DataRequests.AnyAsync(r => r.Id == requestId && r.ProcessId == processId && r.SentAt != null, ct);

    /// <summary>The requests <paramref name="reader"/> sees (<see cref="DataRequestStages.SeenBy"/>), latest first; only the
    /// states' proposals not yet sent when <paramref name="proposalsOnly"/>.</summary>
    public async Task<IReadOnlyList<RequestRow>> ListAsync(int processId, ProposalReader reader, CancellationToken ct, bool proposalsOnly = false)
    {
        var seen = db.DataRequests.AsNoTracking().Where(r => r.ProcessId == processId).Where(DataRequestStages.SeenBy(reader.Facts));
        var rows = await (proposalsOnly ? seen.Where(DataRequestStages.Proposals()) : seen)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                Row = new RequestRow(r.Id, r.Title, r.DeadlineAt, r.SentAt, r.PublishedAt, r.Responses.Count, r.Responses.Count(s => s.SubmittedAt != null), null),
                r.ProposedByState, r.ProposedAt, r.DeclinedAt, r.DeclineReason,
            })
            .ToListAsync(ct);
        return rows.Select(x => x.Row with { Proposal = Of(x.ProposedByState, x.ProposedAt, x.DeclinedAt, x.DeclineReason) }).ToList();
    }

    private static Proposal? Of(State? state, DateTimeOffset? proposedAt, DateTimeOffset? declinedAt, string? reason) =>
        state is null ? null : new Proposal(state.Code, state.Name(Cultures.Current), proposedAt, declinedAt, reason);

    /// <summary>The number as it was typed: SQLite gives 12500 back as 12500.0, and a file should not show that zero.</summary>
    private static decimal? Plain(decimal? number) => number / 1.000000000000000000000000000000000m;

    /// <summary>The request with its questions and answers; null when there is none, or when it is a state's proposal
    /// <paramref name="reader"/> may not see (<see cref="DataRequestStages.SeenBy"/>; null reader: a page or endpoint that
    /// shows no proposal before it is sent).</summary>
    public async Task<RequestView?> LoadAsync(int processId, int requestId, ProposalReader? reader, CancellationToken ct)
    {
        var request = await db.DataRequests.AsNoTracking().Where(r => r.Id == requestId && r.ProcessId == processId)
            .Where(DataRequestStages.SeenBy(reader?.Facts ?? DataRequestStages.Facts.Nobody))
            .Select(r => new
            {
                r.Id, r.Title, r.Instructions, r.DeadlineAt, r.CreatedAt, r.SentAt, r.PublishedAt, Questions = r.Questions.OrderBy(q => q.Number).ToList(),
                r.ProposedByState, r.ProposedAt, r.DeclinedAt, r.DeclineReason,
            })
            .SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }
        var proposal = Of(request.ProposedByState, request.ProposedAt, request.DeclinedAt, request.DeclineReason);
        var responses = await db.DataResponses.AsNoTracking().Where(s => s.DataRequestId == requestId)
            .OrderBy(s => s.StateCode)
            .Select(s => new
            {
                s.StateCode,
                s.State,
                s.UpdatedAt,
                s.SubmittedAt,
                SubmittedBy = db.Users.Where(u => u.Id == s.SubmittedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                // A removed question's answers stay stored, out of sight until it is put back.
                Answers = s.Answers.Where(a => a.DataQuestion!.RemovedAt == null).Select(a => new { a.DataQuestionId, a.Number, a.Year, a.Choice, a.Text, a.Rows }).ToList(),
            })
            .ToListAsync(ct);
        var language = Cultures.Current;
        var rows = responses.Select(s => new ResponseRow(s.StateCode, s.State?.Name(language) ?? s.StateCode, s.UpdatedAt, s.SubmittedAt, s.SubmittedBy,
                s.Answers.Select(a => new AnswerRow(a.DataQuestionId, Plain(a.Number), a.Year, a.Choice, a.Text, DataTables.ReadRows(a.Rows))).ToList()))
            .OrderBy(s => s.StateName, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
        return new RequestView(request.Id, request.Title, request.Instructions, request.DeadlineAt, request.CreatedAt, request.SentAt, request.PublishedAt,
            request.Questions.Where(q => q.RemovedAt == null).Select(QuestionRow.Of).ToList(), rows,
            request.Questions.Where(q => q.RemovedAt != null).Select(QuestionRow.Of).ToList(), proposal);
    }
}
