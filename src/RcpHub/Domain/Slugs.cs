using System.Text;

namespace RcpHub.Domain;

public static class Slugs
{
    /// <summary>"Bali Process" → "bali-process", "HLD / IMRF" → "hld-imrf", "5+5" → "5-5".</summary>
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().Trim('-');
    }
}
