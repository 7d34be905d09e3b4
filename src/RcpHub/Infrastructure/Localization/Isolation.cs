using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace RcpHub.Infrastructure.Localization;

/// <summary>Interface text that holds what people wrote or are called ("In: {0}"): each argument is isolated in
/// &lt;bdi&gt;, so that an English title keeps its own direction inside an Arabic sentence (its final punctuation
/// stays at its end) and the sentence around it keeps the page's.</summary>
public static class Isolation
{
    /// <summary>The text, HTML-encoded, in a &lt;bdi&gt;.</summary>
    public static string Bdi(string? text) => "<bdi>" + WebUtility.HtmlEncode(text ?? "") + "</bdi>";

    /// <summary>The translation of <paramref name="key"/>, encoded, with each argument isolated.</summary>
    public static IHtmlContent Isolated(this IStringLocalizer t, string key, params object?[] arguments) =>
        new HtmlString(string.Format(CultureInfo.CurrentCulture, WebUtility.HtmlEncode(t[key].Value),
            arguments.Select(a => (object)Bdi(Convert.ToString(a, CultureInfo.CurrentCulture))).ToArray()));

    /// <summary>A counted phrase (<see cref="Plurals.Plural"/>), encoded, with the arguments after the count isolated:
    /// "3 نتائج لـ «labour migration»" keeps the query in its own direction and the quotes around it.</summary>
    public static IHtmlContent PluralIsolated(this IStringLocalizer t, long count, string one, string other, params object?[] more)
    {
        // Formatted with the placeholders themselves, so that the arguments go in after the phrase is encoded.
        var html = WebUtility.HtmlEncode(t.Plural(count, one, other, [.. more.Select((_, i) => (object)$"{{{i + 1}}}")]).Value);
        for (var i = 0; i < more.Length; i++)
        {
            html = html.Replace($"{{{i + 1}}}", Bdi(Convert.ToString(more[i], CultureInfo.CurrentCulture)), StringComparison.Ordinal);
        }
        return new HtmlString(html);
    }
}
