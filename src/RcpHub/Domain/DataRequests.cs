namespace RcpHub.Domain;

/// <summary>A questionnaire the secretariat of a process sends to its member states (issue 12): typed questions, a
/// deadline, and the states asked, fixed when it is sent (the members on that day, <see cref="RecommendationAddressees.MemberStatesOf"/>).
/// Its compilation is for the process's members; <see cref="PublishedAt"/> makes its aggregates public.</summary>
public sealed class DataRequest : IBelongsToProcess
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

    public List<DataQuestion> Questions { get; set; } = [];

    /// <summary>One per state asked, created when the request is sent.</summary>
    public List<DataResponse> Responses { get; set; } = [];

    /// <summary>The one rule for answering: sent, and before the deadline.</summary>
    public static bool TakesAnswers(DateTimeOffset? sentAt, DateTimeOffset deadlineAt, DateTimeOffset now) => sentAt is not null && now < deadlineAt;
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
}

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
}

public static class DataRequestLimits
{
    public const int Title = 200;
    public const int Instructions = 4000;
    public const int Question = 1000;
    public const int Unit = 40;
    public const int Options = 2000;
    public const int Option = 200;
    public const int Text = 4000;
    public const int Questions = 50;
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
}
