using System.Linq.Expressions;

namespace RcpHub.Domain;

/// <summary>What a data request's stage (<see cref="DataRequestStages"/>) is read from: the request itself, and the rows
/// the pages read of it.</summary>
public interface IDataRequestStanding
{
    DateTimeOffset? SentAt { get; }
    string? ProposedByStateCode { get; }
    DateTimeOffset? ProposedAt { get; }
    DateTimeOffset? DeclinedAt { get; }
}

/// <summary>Where a data request stands before it is answered (decision 0041).</summary>
public enum DataRequestStage
{
    /// <summary>The secretariat's own request, being written.</summary>
    Draft,

    /// <summary>A member state's proposal its state is still writing (or took back): the state's own, which the
    /// secretariat neither sees nor changes.</summary>
    StateDraft,

    /// <summary>A state's proposal submitted to the secretariat, which has yet to send or decline it.</summary>
    AwaitingReview,

    /// <summary>A state's proposal the secretariat declined: it is never sent.</summary>
    Declined,

    /// <summary>Sent to the member states (open or closed by its deadline).</summary>
    Sent,
}

/// <summary>The one rule for where a data request stands, and the one rule for who sees a state's proposal before it is
/// sent, each written once as an expression: queries filter with it (<see cref="SeenBy"/>, <see cref="Proposals"/>),
/// and loaded requests and the rows read of them are checked by the same expression compiled once
/// (<see cref="Stage"/>), the way <see cref="MeetingAccess"/> does.</summary>
public static class DataRequestStages
{
    public static readonly Expression<Func<IDataRequestStanding, DataRequestStage>> Rule = r =>
        r.SentAt != null ? DataRequestStage.Sent
        : r.ProposedByStateCode == null ? DataRequestStage.Draft
        : r.ProposedAt == null ? DataRequestStage.StateDraft
        : r.DeclinedAt != null ? DataRequestStage.Declined
        : DataRequestStage.AwaitingReview;

    private static readonly Func<IDataRequestStanding, DataRequestStage> Compiled = Rule.Compile();

    public static DataRequestStage Stage(this IDataRequestStanding request) => Compiled(request);

    /// <summary>What the rule of who sees a proposal needs to know of a reader: whether they are the process's secretariat
    /// (or act for it), whether they act for any state (a platform administrator), and the states they are a focal point of.</summary>
    public sealed record Facts(bool Secretariat, bool AnyState, List<string> States)
    {
        /// <summary>A page or endpoint that shows only what every reader of the process sees.</summary>
        public static readonly Facts Nobody = new(false, false, []);
    }

    /// <summary>Who sees a request, for those who may read the process's requests at all: the secretariat's own and every
    /// sent one, everyone; a state's proposal not sent, the secretariat once it is submitted (not its state's draft), and
    /// the focal points of the proposing state.</summary>
    private static readonly Expression<Func<DataRequestStage, string?, Facts, bool>> Seen = (stage, state, f) =>
        stage == DataRequestStage.Draft || stage == DataRequestStage.Sent
        || (f.Secretariat && stage != DataRequestStage.StateDraft)
        || f.AnyState || f.States.Contains(state!);

    /// <summary>The requests <paramref name="reader"/> sees (<see cref="Seen"/>, with the stage of <see cref="Rule"/>), as a
    /// filter EF Core translates to SQL.</summary>
    public static Expression<Func<DataRequest, bool>> SeenBy(Facts reader)
    {
        var request = Expression.Parameter(typeof(DataRequest), "r");
        return Expression.Lambda<Func<DataRequest, bool>>(
            Seen.Inline(Rule.Inline(request), Expression.Property(request, nameof(DataRequest.ProposedByStateCode)), Expression.Constant(reader)), request);
    }

    /// <summary>The states' proposals not yet sent (being written, waiting for review or declined), as a filter.</summary>
    public static Expression<Func<DataRequest, bool>> Proposals()
    {
        var request = Expression.Parameter(typeof(DataRequest), "r");
        var stage = Rule.Inline(request);
        return Expression.Lambda<Func<DataRequest, bool>>(
            Expression.AndAlso(Expression.NotEqual(stage, Expression.Constant(DataRequestStage.Draft)), Expression.NotEqual(stage, Expression.Constant(DataRequestStage.Sent))),
            request);
    }
}

/// <summary>A questionnaire the secretariat of a process sends to its member states (issue 12): typed questions, a
/// deadline, and the states asked, fixed when it is sent (the members on that day, <see cref="RecommendationAddressees.MemberStatesOf"/>).
/// Its compilation is for the process's members; <see cref="PublishedAt"/> makes its aggregates public.</summary>
public sealed class DataRequest : IBelongsToProcess, IDataRequestStanding
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    public required string Title { get; set; }
    public string? Instructions { get; set; }
    public DateTimeOffset DeadlineAt { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null while the secretariat is still writing it: no state sees it to answer.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When the secretariat made its compilation public, in aggregate (no state's own figure).</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The member state that proposed the request through the secretariat (issue 12, item 3: "or a state through
    /// it"); null when the secretariat wrote it. Kept once sent: the request then says "Requested by" that state.</summary>
    public string? ProposedByStateCode { get; set; }
    public State? ProposedByState { get; set; }

    /// <summary>The focal point who wrote the proposal.</summary>
    public string? ProposedByUserId { get; set; }

    /// <summary>When the proposal was submitted to the secretariat; null while its state is still writing it (or took it
    /// back): until then only that state's focal points see it.</summary>
    public DateTimeOffset? ProposedAt { get; set; }

    /// <summary>When the secretariat declined the proposal, and why (told to the proposing state): it is then never sent.</summary>
    public DateTimeOffset? DeclinedAt { get; set; }
    public string? DeclineReason { get; set; }

    public List<DataQuestion> Questions { get; set; } = [];

    /// <summary>One per state asked, created when the request is sent.</summary>
    public List<DataResponse> Responses { get; set; } = [];

    /// <summary>The one rule for answering: sent, and before the deadline.</summary>
    public static bool TakesAnswers(DateTimeOffset? sentAt, DateTimeOffset deadlineAt, DateTimeOffset now) => sentAt is not null && now < deadlineAt;

    /// <summary>A proposal its state is still writing (or took back): the state's own, which the secretariat neither sees
    /// nor changes.</summary>
    public bool IsStateDraft => this.Stage() == DataRequestStage.StateDraft;
}

/// <summary>Who finds a data request's compilation in the library (decision 0042): whoever may
/// <see cref="Operation.ViewDataRequests"/> in its process (the one table, <see cref="AccessRules"/>), and everyone once it
/// is published in aggregate. A request not yet sent is nobody's there.</summary>
public static class DataRequestAccess
{
    /// <summary>Whether the reader is a platform administrator, and the processes where they may view data requests.</summary>
    public sealed record Facts(bool All, List<int> Readers);

    /// <summary>The rule: a sent request, published or of a process where the reader may view data requests.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<DataRequest, Facts, bool>> Rule = (r, f) =>
        r.SentAt != null && (f.All || r.PublishedAt != null || f.Readers.Contains(r.ProcessId));

    public static System.Linq.Expressions.Expression<Func<DataRequest, bool>> CompilationVisibleTo(MeetingReader reader) => Rule.For(FactsOf(reader));

    /// <summary>What the rule needs to know of <paramref name="reader"/>.</summary>
    public static Facts FactsOf(MeetingReader reader) =>
        new(reader.IsPlatformAdministrator, reader.IsPlatformAdministrator ? [] : AccessRules.ProcessesWhere(reader, Operation.ViewDataRequests));
}

/// <summary>What a question asks for. Named Figure and FreeText rather than Number and Text: the audit log words an
/// enum value by its name, and "number" and "text" already name fields there.</summary>
public enum DataQuestionKind
{
    /// <summary>A number in the question's unit, for a year.</summary>
    Figure,

    /// <summary>One of the question's options.</summary>
    Choice,
    FreeText,

    /// <summary>Rows under the question's columns (<see cref="DataQuestion.Columns"/>), each cell a number, a choice or text.</summary>
    Table,
}

/// <summary>A column of a table question: a cell is read as a question of this kind with this unit or these options would be.</summary>
public sealed record DataColumn(string Name, DataQuestionKind Kind, string? Unit, IReadOnlyList<string> Options);

public sealed class DataQuestion : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public int DataRequestId { get; set; }
    public DataRequest? DataRequest { get; set; }

    /// <summary>1, 2, 3... in the order asked.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }
    public DataQuestionKind Kind { get; set; }

    /// <summary>A number's unit ("persons", "USD"): every answer is in it.</summary>
    public string? Unit { get; set; }

    /// <summary>The year a number is asked for; null when each state gives the year of its figure.</summary>
    public int? Year { get; set; }

    /// <summary>A choice's options, one per line.</summary>
    public string? Options { get; set; }

    public IReadOnlyList<string> OptionList =>
        Options is null ? [] : Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A table's columns as JSON (<see cref="DataTables"/>); null for other kinds.</summary>
    public string? Columns { get; set; }

    /// <summary>When the secretariat took the question out of a sent request: hidden with its answers, which come back
    /// when it is restored.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>A state's answer to a request: a draft until submitted; created, empty, for each state asked when the
/// request is sent.</summary>
public sealed class DataResponse : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public int DataRequestId { get; set; }
    public DataRequest? DataRequest { get; set; }
    public required string StateCode { get; set; }
    public State? State { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<DataAnswer> Answers { get; set; } = [];
}

public sealed class DataAnswer : IBelongsToProcess
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public int DataResponseId { get; set; }
    public DataResponse? DataResponse { get; set; }
    public int DataQuestionId { get; set; }
    public DataQuestion? DataQuestion { get; set; }
    public decimal? Number { get; set; }
    public int? Year { get; set; }
    public string? Choice { get; set; }
    public string? Text { get; set; }

    /// <summary>A table question's rows as JSON: each row its cells in column order, numbers written invariantly, a
    /// choice as its option, empty cells as null (<see cref="DataTables"/>).</summary>
    public string? Rows { get; set; }
}

/// <summary>How a table question's columns and a table answer's rows are kept: JSON in one column each, since they are
/// only ever read whole with their question or answer.</summary>
public static class DataTables
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string WriteColumns(IReadOnlyList<DataColumn> columns) => System.Text.Json.JsonSerializer.Serialize(columns, Json);

    public static IReadOnlyList<DataColumn> ReadColumns(string? json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<DataColumn>>(json, Json) ?? [];

    public static string WriteRows(IReadOnlyList<IReadOnlyList<string?>> rows) => System.Text.Json.JsonSerializer.Serialize(rows, Json);

    public static IReadOnlyList<IReadOnlyList<string?>> ReadRows(string? json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<List<string?>>>(json, Json)?.Select(r => (IReadOnlyList<string?>)r).ToList() ?? [];
}

public static class DataRequestLimits
{
    public const int Title = 200;
    public const int DeclineReason = 2000;
    public const int Instructions = 4000;
    public const int Question = 1000;
    public const int Unit = 40;
    public const int Options = 2000;
    public const int Option = 200;
    public const int Text = 4000;
    public const int Questions = 50;
    public const int Columns = 12;
    public const int ColumnName = 100;
    public const int TableRows = 200;

    /// <summary>The JSON of a table's columns and of a table answer's rows.</summary>
    public const int ColumnsJson = 8000;
    public const int RowsJson = 200_000;
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
}
