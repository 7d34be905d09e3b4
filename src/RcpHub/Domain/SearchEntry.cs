namespace RcpHub.Domain;

/// <summary>What a search result is.</summary>
public enum SearchKind
{
    Process,
    State,
    Organization,
    Meeting,
    AgendaItem,
    Session,
    SessionReport,
    Document,
    Output,
    Practice,

    /// <summary>A numbered recommendation of an output: found by its own text, read with the output's access.</summary>
    Recommendation,

    /// <summary>A data request's compilation (decision 0042): found by its title and questions, and by the states that
    /// answered while it is for members only; read with <see cref="DataRequestAccess"/>.</summary>
    Compilation,
}

/// <summary>A many-valued facet of an entry.</summary>
public enum SearchTagKind
{
    /// <summary>A theme (<see cref="Theme"/>, by its id).</summary>
    Theme,

    /// <summary>An objective of the Global Compact for Migration (1-23, <see cref="GlobalFrameworks"/>).</summary>
    Objective,
}

/// <summary>A theme or GCM objective an entry is about, for the theme and objective facets: written with its entry
/// (Data/SearchIndex), gone with it.</summary>
public sealed class SearchTag
{
    public int EntryId { get; set; }
    public SearchTagKind Kind { get; set; }
    public int Value { get; set; }
}

/// <summary>One searchable thing as the library's full-text index holds it (decision 0031): its words (<see cref="Title"/>,
/// <see cref="Body"/>) and what the search needs to rank, filter and count it without reading its own table: the
/// facets, and the keys the access rules are applied through (<see cref="MeetingId"/> for <see cref="MeetingAccess"/>,
/// <see cref="DocumentId"/> for <see cref="DocumentAccessRule"/>, <see cref="OutputId"/> for <see cref="OutputAccess"/>).
/// Derived from the rows it describes and rewritten on every save of them (Data/SearchIndex), never edited.</summary>
public sealed class SearchEntry
{
    public int Id { get; set; }
    public SearchKind Kind { get; set; }

    /// <summary>The key of the thing in its address: an id, a process or organisation slug, a state code.</summary>
    public required string Key { get; set; }

    /// <summary>Where it is read on the platform (a path such as /meetings/12/documents/40).</summary>
    public required string Path { get; set; }

    public int? ProcessId { get; set; }
    public int? MeetingId { get; set; }
    public int? DocumentId { get; set; }
    public int? OutputId { get; set; }

    /// <summary>The practice it describes (<see cref="PracticeAccess"/>); no foreign key: a SQLite rebuild of this table
    /// would drop the FTS5 triggers, and the writer removes the entry when the practice goes.</summary>
    public int? PracticeId { get; set; }

    /// <summary>The data request whose compilation it is (<see cref="DataRequestAccess"/>); no foreign key, as
    /// <see cref="PracticeId"/>.</summary>
    public int? DataRequestId { get; set; }

    /// <summary>The ISO 639-1 language of the text, when known (a document version's, an output's).</summary>
    public string? Language { get; set; }

    /// <summary>The year it took place or was written, for the year facet.</summary>
    public int? Year { get; set; }

    /// <summary>The meeting's level, for meetings and what they hold.</summary>
    public MeetingLevel? Level { get; set; }

    /// <summary>The region of its process.</summary>
    public string? Region { get; set; }

    public required string Title { get; set; }
    public string? Body { get; set; }

    /// <summary>A line shown under the title (the meeting a document belongs to, a process's acronym).</summary>
    public string? Context { get; set; }

    /// <summary>The themes and GCM objectives it is about, where the thing names them (a process, a practice, a
    /// recommendation, a meeting) or takes them from what holds it (what a meeting holds) or what it holds (an output: its
    /// recommendations'), decision 0039.</summary>
    public List<SearchTag> Tags { get; set; } = [];
}
