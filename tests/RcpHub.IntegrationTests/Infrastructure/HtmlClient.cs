using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Browses the application as a person without JavaScript would: gets pages, reads them as HTML,
/// fills and submits their forms (antiforgery token included) with cookies kept between requests.</summary>
public sealed class HtmlClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    private static readonly IBrowsingContext Browsing = BrowsingContext.New(Configuration.Default);

    public HttpClient Http { get; } = http;

    /// <summary>The cookies sent with every request (and updated by every response).</summary>
    public CookieContainer Cookies { get; } = cookies;

    public static HtmlClient For(WebApplicationFactory<Program> factory, string? acceptLanguage = "en")
    {
        // The same handlers CreateClient(AllowAutoRedirect, HandleCookies) adds, but with a container we can reach.
        var cookies = new CookieContainer();
        var http = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(cookies));
        return new HtmlClient(Configured(http, acceptLanguage), cookies);
    }

    /// <summary>Adds a cookie as a server would set it (the value of one Set-Cookie header).</summary>
    public void AddCookie(string setCookieHeader) => Cookies.SetCookies(Http.BaseAddress!, setCookieHeader);

    private static HttpClient Configured(HttpClient client, string? acceptLanguage)
    {
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return client;
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Fills the form found by <paramref name="formSelector"/> on <paramref name="page"/> with the given
    /// values (by field name) and submits it, following redirects. With <paramref name="files"/> (by field name), it is sent
    /// as multipart/form-data, as a browser sends a form with file inputs.</summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, IReadOnlyDictionary<string, string> values, string? submitterSelector = null,
        IEnumerable<KeyValuePair<string, (string FileName, byte[] Content)>>? files = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}:\n{page.Document.Body?.TextContent[..Math.Min(2000, page.Document.Body.TextContent.Length)]}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else
                    {
                        fields.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (selected is not null)
                    {
                        fields.Add(new(select.Name, selected.Value));
                    }
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        if (submitterSelector is not null && form.QuerySelector(submitterSelector) is IHtmlButtonElement { Name.Length: > 0 } button)
        {
            fields.Add(new(button.Name!, button.Value));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        if (files is not null)
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var (name, file) in files)
            {
                multipart.Add(new ByteArrayContent(file.Content), name, file.FileName);
            }
            using var uploaded = await Http.PostAsync(action, multipart);
            return await Page.ReadAsync(uploaded);
        }
        using var content = new FormUrlEncodedContent(fields);
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            var query = await content.ReadAsStringAsync();
            // As a browser does: the form's fields replace the action's query; its fragment is never sent.
            using var getResponse = await Http.GetAsync(action.Split('#')[0].Split('?')[0] + "?" + query);
            return await Page.ReadAsync(getResponse);
        }
        using var response = await Http.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => Http.Dispose();

    /// <summary>A page as received: its status, its final address and its parsed document.</summary>
    public sealed record Page(HttpStatusCode Status, string Url, IDocument Document, string Html)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await Browsing.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
            return new Page(response.StatusCode, response.RequestMessage!.RequestUri!.PathAndQuery, document, html);
        }

        public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim()
            ?? throw new InvalidOperationException($"Nothing matches '{selector}' on {Url}.");

        public IReadOnlyList<string> Texts(string selector) => Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
    }
}
