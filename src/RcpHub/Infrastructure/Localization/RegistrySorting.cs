using System.Globalization;

namespace RcpHub.Infrastructure.Localization;

/// <summary>How names (of states, organisations, themes) are sorted and matched on a page: by the interface language's
/// rules, the same on either database.</summary>
public static class RegistrySorting
{
    /// <summary>Sorts names as a reader of the interface language expects (accents, Cyrillic, Arabic).</summary>
    public static StringComparer Names => StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);

    /// <summary>Case- and accent-insensitive "contains" in the current culture, so that "cote" finds "Côte d'Ivoire".</summary>
    public static bool Matches(string text, string query) =>
        CultureInfo.CurrentCulture.CompareInfo.IndexOf(text, query, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
