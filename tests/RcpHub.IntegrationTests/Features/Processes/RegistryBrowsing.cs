using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Processes;

/// <summary>What the registry tests need beyond <see cref="HtmlClient"/>: submitting a GET form as a browser
/// would, and a person signed in with a role in a process.</summary>
internal static class RegistryBrowsing
{
    /// <summary>Fills a GET form (only with fields and options it offers) and follows it as a browser would.</summary>
    public static Task<HtmlClient.Page> SubmitGetAsync(this HtmlClient client, HtmlClient.Page page, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        Assert.Equal("get", form.Method, ignoreCase: true);
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button"):
                    fields.Add(new(input.Name!, values.GetValueOrDefault(input.Name!, input.Value)));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    var wanted = values.GetValueOrDefault(select.Name!);
                    if (wanted is not null)
                    {
                        Assert.Contains(wanted, select.Options.Select(o => o.Value));
                    }
                    fields.Add(new(select.Name!, wanted ?? (select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault())?.Value));
                    break;
            }
        }
        Assert.All(values.Keys, name => Assert.Contains(name, fields.Select(f => f.Key)));
        return client.GetAsync(form.GetAttribute("action") + QueryString.Create(fields));
    }

    /// <summary>The text of the &lt;dd&gt; that follows the &lt;dt&gt; reading <paramref name="term"/> within <paramref name="node"/>.</summary>
    public static string DefinitionOf(this IParentNode node, string term) =>
        node.QuerySelectorAll("dt").Single(dt => dt.TextContent.Trim() == term).NextElementSibling!.TextContent.Trim();

    /// <summary>A browser signed in as a new person holding <paramref name="role"/> in the process <paramref name="slug"/>.</summary>
    public static async Task<HtmlClient> SignedInAsync(RcpHubFactory factory, string slug, ProcessRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await TestUsers.CreateUserAsync(factory, email, (slug, role));
        return await TestUsers.SignInAsync(factory, email);
    }
}
