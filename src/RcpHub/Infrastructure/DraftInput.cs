using RcpHub.Domain;
using RcpHub.Features.Meetings;

namespace RcpHub.Infrastructure;

/// <summary>The inputs of a text drafted in versions with paragraph comments (an output, a caucus position), shared by
/// the features that draft one: their checks return English message keys that each feature translates.</summary>
public static class DraftInput
{
    public const int Text = 100_000;
    public const int Note = 1000;
    public const int Comment = 4000;

    public static void CheckText(string field, string? text, List<FieldError> errors)
    {
        var stored = DraftText.Stored(text);
        if (stored.Length == 0)
        {
            errors.Add(new(field, "Enter the text."));
        }
        else if (stored.Length > Text)
        {
            errors.Add(new(field, "The text is too long (100,000 characters at most)."));
        }
    }
}

/// <summary>A new version of a draft's text, with a note saying what changed.</summary>
public sealed record NewDraftVersion([property: MultiLine] string? Text, string? Note)
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        DraftInput.CheckText(nameof(Text), Text, errors);
        if ((Note?.Trim().Length ?? 0) > DraftInput.Note)
        {
            errors.Add(new(nameof(Note), "The note is too long (1,000 characters at most)."));
        }
        return errors;
    }
}

/// <summary>A comment on one paragraph of one version of a draft.</summary>
public sealed record NewDraftComment(int? Version, int? Paragraph, [property: MultiLine] string? Text)
{
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (Version is null or < 1)
        {
            errors.Add(new(nameof(Version), "Choose the version you comment on."));
        }
        if (Paragraph is null or < 1)
        {
            errors.Add(new(nameof(Paragraph), "Choose the paragraph you comment on."));
        }
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new(nameof(Text), "Enter your comment."));
        }
        else if (DraftText.Lf(Text).Trim().Length > DraftInput.Comment)
        {
            errors.Add(new(nameof(Text), "The comment is too long (4,000 characters at most)."));
        }
        return errors;
    }
}

/// <summary>The form of a new version, as posted.</summary>
public sealed class DraftVersionForm
{
    [MultiLine]
    public string? Text { get; set; }
    public string? Note { get; set; }

    public NewDraftVersion ToInput() => new(Text, Note);
}

/// <summary>The form of a paragraph comment, as posted.</summary>
public sealed class DraftCommentForm
{
    public int? Version { get; set; }
    public int? Paragraph { get; set; }

    [MultiLine]
    public string? Text { get; set; }

    public NewDraftComment ToInput() => new(Version, Paragraph, Text);
}
