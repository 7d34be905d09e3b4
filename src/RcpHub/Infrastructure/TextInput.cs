namespace RcpHub.Infrastructure;

/// <summary>Marks a text field meant to hold several lines (a description, a report's text): there, and only there,
/// tabs and line breaks are accepted. Every other text field holds one line.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>What the forms and the JSON API accept as text and as a choice from a list, in one place. Control
/// characters are refused at the edge because they break what is made from the text later (a delegate's name with
/// one makes the participants' spreadsheet invalid for everyone); a choice is one of its names, never a number or a
/// combination of names, which would store a value that no page or client can read back.</summary>
public static class TextInput
{
    // English keys, translated in SharedText.*.resx.
    public const string ControlCharacters = "Remove the control characters (invisible characters, or line breaks and tabs in a one-line field) from this text.";
    public const string UnknownChoice = "Choose one of: {0}.";

    /// <summary>The same refusal on a form, whose choices are shown by their labels.</summary>
    public const string NotOffered = "Choose one of the values offered.";
    public const string Missing = "A value is required here; null is not accepted.";

    public static bool Allows(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            var refused = c < '\u0020' ? !(multiLine && c is '\t' or '\n' or '\r') : c is >= '\u007F' and <= '\u009F';
            if (refused)
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsMultiLine(IEnumerable<object> attributes) => attributes.OfType<MultiLineAttribute>().Any();

    /// <summary>Reads a choice by its name (in any case); false for anything else, numbers and "A, B" included.</summary>
    public static bool TryReadChoice(Type enumType, string? text, out object? choice)
    {
        choice = null;
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        foreach (var defined in Enum.GetNames(enumType))
        {
            if (string.Equals(defined, name, StringComparison.OrdinalIgnoreCase))
            {
                choice = Enum.Parse(enumType, defined);
                return true;
            }
        }
        return false;
    }

    public static string Choices(Type enumType) => string.Join(", ", Enum.GetNames(enumType));
}
